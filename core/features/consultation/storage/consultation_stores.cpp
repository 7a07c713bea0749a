#include "sqlite_consultation_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_consultation_stores(StoreFactories& factories) {
    factories.add<domain::ConsultationStore, SqliteConsultationStore>();
}

}  // namespace yishi::storage
