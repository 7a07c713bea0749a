#include "sqlite_case_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_cases_stores(StoreFactories& factories) { factories.add<domain::CaseStore, SqliteCaseStore>(); }

}  // namespace yishi::storage
