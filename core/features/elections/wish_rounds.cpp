#include "wish_rounds.h"

#include <algorithm>
#include <string>

#include "yishi/domain/proposal_lookup.h"

namespace yishi::app {

Result<domain::RoundWishes::Wish> WishRounds::check(domain::Stores& s, std::int64_t id, domain::ScopeRef owner) {
    const std::string name = "Proposal " + std::to_string(id);
    // Public proposals only: a draft is nobody else's to put to the vote.
    Result<domain::Proposal> found = domain::findVisibleProposal(s, domain::ProposalId(id), UserId());
    if (!found.isOk())
        return Status::invalid("election.option_proposal", "There is no proposal " + std::to_string(id) + ".");
    const domain::Proposal& p = *found;
    if (p.kind != domain::ProposalKind::kWish) {
        return Status::invalid("election.option_kind",
                               name + " is a " + domain::proposalKindName(p.kind) + "; a round's options are wishes.");
    }
    std::optional<domain::Community> community = s.scopes.community(p.community_id);
    if (!community || !domain::scopeContains(owner, *community)) {
        return Status::invalid("election.option_scope", name + " belongs to community " +
                                                            std::to_string(p.community_id.value) + ", outside this " +
                                                            domain::scopeKindName(owner.kind) + ".");
    }
    if (p.state != domain::ProposalState::kAccepted) {
        if (p.state == domain::ProposalState::kVoting && p.election_id != 0) {
            return Status::conflict("election.option_state", name + " is already put to the vote in election " +
                                                                 std::to_string(p.election_id) + ".");
        }
        return Status::conflict("election.option_state", name + " is " + domain::proposalStateName(p.state) +
                                                             "; a round takes accepted wishes.");
    }
    return Wish{p.title, p.community_id};
}

Status WishRounds::enter(domain::Stores& s, const domain::Actor& actor, std::int64_t id, domain::ElectionId election,
                         Instant now) {
    return proposals_.enterRound(s, actor, domain::ProposalId(id), election.value, now);
}

Status WishRounds::onPublished(domain::Stores& s, const domain::Election& election, Instant now) {
    if (election.kind != domain::ElectionKind::kApproval) return Status::ok();
    for (std::size_t i = 0; i < election.options.size(); ++i) {
        const std::int64_t proposal = election.options[i].proposal_id;
        if (proposal == 0) continue;
        const bool selected = std::find(election.selected.begin(), election.selected.end(),
                                        static_cast<std::int64_t>(i)) != election.selected.end();
        YISHI_RETURN_IF_ERROR(
            proposals_.decideByVote(s, domain::ProposalId(proposal), election.id.value, selected, now));
    }
    return Status::ok();
}

}  // namespace yishi::app
