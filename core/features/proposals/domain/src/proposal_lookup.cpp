#include "yishi/domain/proposal_lookup.h"

namespace yishi::domain {

Result<Proposal> findVisibleProposal(Stores& stores, ProposalId id, UserId viewer) {
    std::optional<Proposal> p = stores.get<ProposalStore>().proposal(id);
    if (!p || !proposalVisibleTo(*p, viewer)) {
        return Status::notFound("proposal.not_found", "There is no such proposal.");
    }
    return std::move(*p);
}

}  // namespace yishi::domain
