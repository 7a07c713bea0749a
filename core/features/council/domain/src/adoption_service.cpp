#include "yishi/domain/adoption_service.h"

#include "yishi/domain/consultation_store.h"
#include "yishi/domain/council_changes.h"
#include "yishi/domain/council_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

AdoptionService::AdoptionService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<AdoptionMark> AdoptionService::mark(const Actor& actor, CommentId comment, AdoptionDecision decision,
                                           const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!validateName("reason", reason, 1000).isOk()) {
        return Status::invalid("adoption.reason_required",
                               "Say in public why a suggestion is or is not adopted (1 to 1,000 characters).");
    }
    AdoptionMark out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Comment> c = s.get<ConsultationStore>().comment(comment);
        if (!c) return Status::notFound("comment.not_found", "There is no such comment.");
        std::optional<Community> community = s.scopes.community(c->community_id);
        if (!community || !actor.canManage(*community)) {
            return Status::forbidden("adoption.forbidden", "Only this community's committee marks its suggestions.");
        }
        if (c->withdrawn) return Status::conflict("comment.withdrawn", "This comment was withdrawn.");
        const Instant now = clock_.now();
        out = {c->id, c->proposal_id, c->community_id, c->author_id, decision, reason, actor.userId(), now};
        s.get<CouncilStore>().putMark(out);
        s.record({changes::kSuggestionMarked, now, actor.userId(), c->id.value, c->community_id,
                  std::string(adoptionDecisionName(decision)) + ": " + reason});
        return Status::ok();
    }));
    return out;
}

Result<std::vector<AdoptionMark>> AdoptionService::marksOfThread(const Actor& actor, ProposalId proposal) {
    std::vector<AdoptionMark> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(proposal);
        if (!p || (p->state == ProposalState::kDraft && p->author_id != actor.userId())) {
            return Status::notFound("proposal.not_found", "There is no such proposal.");
        }
        out = s.get<CouncilStore>().marksOfProposal(proposal);
        return Status::ok();
    }));
    return out;
}

Result<AdoptionService::Rate> AdoptionService::rate(CommunityId community) {
    Rate out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        out.periods = computeAdoptionPeriods(s.get<CouncilStore>().marksOfCommunity(community));
        return Status::ok();
    }));
    out.total.period = "all";
    for (const AdoptionPeriod& p : out.periods) {
        out.total.adopted += p.adopted;
        out.total.partly_adopted += p.partly_adopted;
        out.total.not_adopted += p.not_adopted;
    }
    return out;
}

}  // namespace yishi::domain
