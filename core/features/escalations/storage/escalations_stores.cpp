#include "sqlite_escalation_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_escalations_stores(StoreFactories& factories) {
    factories.add<domain::EscalationStore, SqliteEscalationStore>();
}

}  // namespace yishi::storage
