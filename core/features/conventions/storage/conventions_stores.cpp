#include "sqlite_convention_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_conventions_stores(StoreFactories& factories) {
    factories.add<domain::ConventionStore, SqliteConventionStore>();
}

}  // namespace yishi::storage
