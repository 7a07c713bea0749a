#include "sqlite_dashboard_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_dashboards_stores(StoreFactories& factories) { factories.add<domain::DashboardStore, SqliteDashboardStore>(); }

}  // namespace yishi::storage
