#include "sqlite_polls_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_polls_stores(StoreFactories& factories) {
    factories.add<domain::PollStore, SqlitePollStore>();
    factories.add<domain::ServiceRatingStore, SqliteServiceRatingStore>();
}

}  // namespace yishi::storage
