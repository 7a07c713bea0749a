#include "sqlite_project_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_projects_stores(StoreFactories& factories) { factories.add<domain::ProjectStore, SqliteProjectStore>(); }

}  // namespace yishi::storage
