#include "yishi/domain/adoption_service.h"

#include "council_support.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/council_changes.h"
#include "yishi/domain/council_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status reasonRequired() {
    return Status::invalid("adoption.reason_required",
                           "Say in public why a suggestion is or is not adopted (1 to 1,000 characters).");
}

Status notTheirs() {
    return Status::forbidden("adoption.forbidden", "Only this community's committee marks its suggestions.");
}

}  // namespace

AdoptionService::AdoptionService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<AdoptionMark> AdoptionService::mark(const Actor& actor, CommentId comment, AdoptionDecision decision,
                                           const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!validateName("reason", reason, 1000).isOk()) return reasonRequired();
    AdoptionMark out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Comment> c = s.get<ConsultationStore>().comment(comment);
        if (!c) return Status::notFound("comment.not_found", "There is no such comment.");
        std::optional<Community> community = s.scopes.community(c->community_id);
        if (!community || !actor.canManage(*community)) return notTheirs();
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
        out.periods = computeAdoptionPeriods(s.get<CouncilStore>().decisionsOfCommunity(community));
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

Result<MeetingSuggestion> AdoptionService::recordSuggestion(const Actor& actor, MeetingId meeting,
                                                            const SuggestionInput& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!validateName("text", input.text, 1000).isOk()) {
        return Status::invalid("suggestion.text", "Write the suggestion in 1 to 1,000 characters.");
    }
    if ((input.author.valid() && !input.author_name.empty()) ||
        (!input.author_name.empty() && !validateName("text", input.author_name, 100).isOk())) {
        return Status::invalid("suggestion.author",
                               "Name who made it either as a resident or by a name of up to 100 characters.");
    }
    MeetingSuggestion out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Meeting> m = s.get<ConsultationStore>().meeting(meeting);
        if (!m) return Status::notFound("meeting.not_found", "There is no such meeting.");
        std::optional<Community> community = s.scopes.community(m->community_id);
        if (!community || !actor.canManage(*community)) return notTheirs();
        const Instant now = clock_.now();
        if (now < m->starts_at) {
            return Status::conflict("meeting.not_started", "Suggestions are recorded once the meeting began.");
        }
        if (input.author.valid() && !council_support::verifiedResident(s, input.author, m->community_id)) {
            return Status::invalid("suggestion.not_resident",
                                   "Who made it is a verified resident of the community, or give a name.");
        }
        out.meeting_id = meeting;
        out.proposal_id = m->proposal_id;
        out.community_id = m->community_id;
        out.text = input.text;
        out.author_id = input.author;
        out.author_name = input.author.valid() ? council_support::nameOf(s, input.author) : input.author_name;
        out.recorded_by = actor.userId();
        out.recorded_at = now;
        out.id = s.get<CouncilStore>().insertMeetingSuggestion(out);
        s.record({changes::kMeetingSuggestionRecorded, now, actor.userId(), out.id, m->community_id, input.text,
                  input.author});
        return Status::ok();
    }));
    return out;
}

Result<MeetingSuggestion> AdoptionService::markSuggestion(const Actor& actor, std::int64_t suggestion,
                                                          AdoptionDecision decision, const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!validateName("reason", reason, 1000).isOk()) return reasonRequired();
    MeetingSuggestion out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        CouncilStore& store = s.get<CouncilStore>();
        std::optional<MeetingSuggestion> found = store.meetingSuggestion(suggestion);
        if (!found) return Status::notFound("suggestion.not_found", "There is no such suggestion.");
        std::optional<Community> community = s.scopes.community(found->community_id);
        if (!community || !actor.canManage(*community)) return notTheirs();
        const Instant now = clock_.now();
        found->marked = true;
        found->decision = decision;
        found->reason = reason;
        found->decided_by = actor.userId();
        found->decided_at = now;
        store.markMeetingSuggestion(*found);
        s.record({changes::kMeetingSuggestionMarked, now, actor.userId(), found->id, found->community_id,
                  std::string(adoptionDecisionName(decision)) + ": " + reason, found->author_id});
        out = std::move(*found);
        return Status::ok();
    }));
    return out;
}

Result<std::vector<MeetingSuggestion>> AdoptionService::suggestionsOfMeeting(MeetingId meeting) {
    std::vector<MeetingSuggestion> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.get<ConsultationStore>().meeting(meeting))
            return Status::notFound("meeting.not_found", "There is no such meeting.");
        out = s.get<CouncilStore>().meetingSuggestions(meeting);
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
