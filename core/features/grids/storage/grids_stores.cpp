#include "sqlite_grid_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_grids_stores(StoreFactories& factories) { factories.add<domain::GridStore, SqliteGridStore>(); }

}  // namespace yishi::storage
