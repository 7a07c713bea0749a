#include "sqlite_proposal_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_proposals_stores(StoreFactories& factories) { factories.add<domain::ProposalStore, SqliteProposalStore>(); }

}  // namespace yishi::storage
