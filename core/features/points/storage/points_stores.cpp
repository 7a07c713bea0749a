#include "sqlite_points_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_points_stores(StoreFactories& factories) { factories.add<domain::PointsStore, SqlitePointsStore>(); }

}  // namespace yishi::storage
