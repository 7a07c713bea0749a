#include "sqlite_council_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_council_stores(StoreFactories& factories) { factories.add<domain::CouncilStore, SqliteCouncilStore>(); }

}  // namespace yishi::storage
