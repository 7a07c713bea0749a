#pragma once

#include "yishi/common/result.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal_store.h"

namespace yishi::domain {

// The proposal `id` as `viewer` may see it (proposalVisibleTo; an invalid
// viewer sees public proposals only). not_found "proposal.not_found" when it
// does not exist or is not theirs to see: a private draft is
// indistinguishable from no proposal at all.
Result<Proposal> findVisibleProposal(Stores& stores, ProposalId id, UserId viewer);

}  // namespace yishi::domain
