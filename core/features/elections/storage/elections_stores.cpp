#include "sqlite_election_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_elections_stores(StoreFactories& factories) { factories.add<domain::ElectionStore, SqliteElectionStore>(); }

}  // namespace yishi::storage
