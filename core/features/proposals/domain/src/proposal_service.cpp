#include "yishi/domain/proposal_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/proposal_lookup.h"
#include "yishi/domain/proposals_changes.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxTitle = 100;
constexpr std::size_t kMaxBody = 5000;
constexpr std::size_t kMaxReason = 1000;

Status notFound() { return Status::notFound("proposal.not_found", "There is no such proposal."); }

// The roles `actor` holds towards `p`. An author acts only while still a
// verified resident (or one who runs the community).
std::vector<ProposalRole> rolesOf(const Actor& actor, const Proposal& p, const Community& c) {
    std::vector<ProposalRole> roles;
    if (!actor.isAuthenticated()) return roles;
    const bool manages = actor.canManage(c);
    if (actor.userId() == p.author_id && (manages || actor.isVerifiedResident(c.id))) {
        roles.push_back(ProposalRole::kAuthor);
    }
    if (manages) roles.push_back(ProposalRole::kCommittee);
    return roles;
}

std::vector<ProposalAction> allowedActions(const std::vector<ProposalRole>& roles, ProposalState state) {
    std::vector<ProposalAction> out;
    for (const ProposalTransition& t : proposalTransitions()) {
        if (t.from != state) continue;
        if (std::find(roles.begin(), roles.end(), t.role) == roles.end()) continue;
        if (std::find(out.begin(), out.end(), t.action) == out.end()) out.push_back(t.action);
    }
    return out;
}

ProposalService::View viewOf(Stores& s, const Actor& actor, Proposal p, const Community& c, Instant now) {
    ProposalService::View v;
    v.overdue = overdueReasons(p, now);
    std::optional<User> author = s.users.user(p.author_id);
    v.author_name = author ? author->display_name : "";
    v.merged_from = s.get<ProposalStore>().mergedInto(p.id);
    v.allowed_actions = allowedActions(rolesOf(actor, p, c), p.state);
    v.proposal = std::move(p);
    return v;
}

void recordStep(Stores& s, Instant now, const Actor& actor, const Proposal& p, ProposalAction action,
                const std::string& reason) {
    s.record({proposalStep(action), now, actor.userId(), p.id.value, p.community_id, reason, p.author_id});
}

}  // namespace

ProposalService::ProposalService(Database& db, const Clock& clock) : ProposalService(db, clock, Schedule{}) {}

ProposalService::ProposalService(Database& db, const Clock& clock, Schedule schedule)
    : db_(db), clock_(clock), schedule_(std::move(schedule)) {}

void ProposalService::setDeadlines(Stores& s, Proposal& p, Instant now) const {
    // The district's own deadlines and holidays, else the server's.
    DistrictSettings defaults;
    defaults.rules = schedule_.rules;
    defaults.holidays = schedule_.calendar.holidays();
    std::optional<Community> c = s.scopes.community(p.community_id);
    const DistrictSettings settings = c ? effectiveSettings(s, c->district_id, defaults) : defaults;
    const WorkingCalendar calendar(settings.holidays, schedule_.calendar.utcOffset());
    p.submitted_at = now;
    p.response_due_at = now + settings.rules.first_response;
    p.decision_due_at = calendar.addWorkingDays(now, settings.rules.decision_working_days);
}

Result<ProposalService::View> ProposalService::create(const Actor& actor, CommunityId community, const Draft& draft) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("title", draft.title, kMaxTitle));
    YISHI_RETURN_IF_ERROR(validateText("body", draft.body, kMaxBody));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        if (!actor.canManage(*c)) YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(community));
        const Instant now = clock_.now();
        Proposal p;
        p.community_id = community;
        p.author_id = actor.userId();
        p.kind = draft.kind;
        p.title = draft.title;
        p.body = draft.body;
        p.amends_convention = draft.amends_convention;
        p.amends_version = draft.amends_version;
        p.state = draft.submit ? ProposalState::kSubmitted : ProposalState::kDraft;
        for (const auto& [action, outcome] : outcomes_) YISHI_RETURN_IF_ERROR(outcome->checkDraft(s, p));
        p.created_at = p.updated_at = now;
        if (draft.submit) setDeadlines(s, p, p.created_at);
        p.id = s.get<ProposalStore>().insertProposal(p);
        s.record({changes::kProposalCreated, now, actor.userId(), p.id.value, community});
        if (draft.submit) recordStep(s, now, actor, p, ProposalAction::kSubmit, "");
        view = viewOf(s, actor, std::move(p), *c, clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<ProposalService::View> ProposalService::get(const Actor& actor, ProposalId id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return notFound();
        view = viewOf(s, actor, std::move(p), *c, clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<ProposalService::ListResult> ProposalService::list(const Actor& actor, CommunityId community,
                                                          const ProposalFilter& filter, PageRequest page) {
    ListResult result;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community)) {
            return Status::notFound("community.not_found", "There is no such community.");
        }
        ProposalFilter f = filter;
        f.drafts_of = actor.userId();  // one's own drafts only
        result.now = clock_.now();
        f.overdue_at = f.overdue_only ? result.now : Instant();
        result.page = s.get<ProposalStore>().proposals(community, f, page.clamped());
        result.counts = s.get<ProposalStore>().countByState(community, filter.kind);
        return Status::ok();
    }));
    return result;
}

Result<ProposalService::View> ProposalService::act(const Actor& actor, ProposalId id, const ActionInput& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateText("reason", input.reason, kMaxReason));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return notFound();

        const std::vector<ProposalRole> roles = rolesOf(actor, p, *c);
        std::optional<ProposalTransition> step;
        bool exists_for_someone = false;
        for (ProposalRole role : {ProposalRole::kAuthor, ProposalRole::kCommittee}) {
            std::optional<ProposalTransition> t = findTransition(p.state, input.action, role);
            if (!t) continue;
            exists_for_someone = true;
            if (std::find(roles.begin(), roles.end(), role) != roles.end()) step = t;
        }
        if (!exists_for_someone) {
            std::string allowed;
            for (ProposalAction a : allowedActions(roles, p.state)) {
                allowed += (allowed.empty() ? "" : ", ") + std::string(proposalActionName(a));
            }
            return Status::conflict(
                "proposal.action_not_allowed",
                std::string("A proposal in state ") + proposalStateName(p.state) + " cannot be " +
                    proposalActionName(input.action) +
                    (allowed.empty() ? "; you can take no action on it now." : "; you may: " + allowed + "."));
        }
        if (!step) {
            return Status::forbidden(
                "proposal.forbidden",
                std::string("Only the ") +
                    (findTransition(p.state, input.action, ProposalRole::kAuthor) ? "author" : "committee") + " may " +
                    proposalActionName(input.action) + " this proposal.");
        }
        if (step->reason_required && input.reason.empty()) {
            return Status::invalid("proposal.reason_required",
                                   "This decision needs a reason that the proposer and the public see.");
        }
        const Instant now = clock_.now();
        switch (input.action) {
            case ProposalAction::kMerge: {
                std::optional<Proposal> target = s.get<ProposalStore>().proposal(input.merge_target);
                if (!target || target->community_id != p.community_id || target->id == p.id ||
                    target->state == ProposalState::kDraft || target->state == ProposalState::kMerged ||
                    target->state == ProposalState::kRejected || target->state == ProposalState::kWithdrawn) {
                    return Status::invalid("proposal.merge_target",
                                           "Merge into another live proposal of the same community.");
                }
                p.merged_into = target->id;
                s.record({changes::kProposalMergeReceived, now, actor.userId(), target->id.value, p.community_id,
                          "merged from #" + std::to_string(p.id.value) + ": " + input.reason});
                break;
            }
            case ProposalAction::kOpenConsultation:
                if (input.consultation_ends_at <= now) {
                    return Status::invalid("proposal.consultation_end",
                                           "The consultation needs an end time in the future.");
                }
                p.consultation_ends_at = input.consultation_ends_at;
                break;
            case ProposalAction::kSendToVote: p.election_id = input.election_id; break;
            case ProposalAction::kFormProject:
            case ProposalAction::kFormConvention: {
                ProposalOutcome* outcome = outcomeFor(input.action);
                if (!outcome) {
                    return Status::conflict("proposal.outcome_unavailable", "This server cannot form that outcome.");
                }
                YISHI_ASSIGN_OR_RETURN(p.outcome_id, outcome->form(s, p, {input.budget_fen, input.responsible}, now));
                break;
            }
            case ProposalAction::kSubmit:
            case ProposalAction::kResubmit: setDeadlines(s, p, now); break;
            default: break;
        }
        p.state = step->to;
        p.updated_at = now;
        if (!input.reason.empty()) p.last_reason = input.reason;
        s.get<ProposalStore>().updateProposal(p);
        recordStep(s, now, actor, p, input.action, input.reason);
        view = viewOf(s, actor, std::move(p), *c, clock_.now());
        return Status::ok();
    }));
    return view;
}

void ProposalService::setOutcome(ProposalAction action, ProposalOutcome& outcome) {
    outcomes_.emplace_back(action, &outcome);
}

ProposalOutcome* ProposalService::outcomeFor(ProposalAction action) const {
    for (const auto& [a, outcome] : outcomes_) {
        if (a == action) return outcome;
    }
    return nullptr;
}

Result<std::vector<ProposalService::HistoryEntry>> ProposalService::history(const Actor& actor, ProposalId id) {
    std::vector<HistoryEntry> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return notFound();
        std::vector<AuditEntry> entries = s.audit.forSubject("proposal", id.value, 1000);
        std::reverse(entries.begin(), entries.end());
        for (const AuditEntry& e : entries) {
            HistoryEntry h{e.at, e.action, e.reason, "", "resident"};
            if (std::optional<User> u = s.users.user(e.actor)) {
                h.actor_name = u->display_name;
                h.actor_role = Actor(*u, s.users.grants(u->id), {}).publicRoleIn(*c);
            }
            out.push_back(std::move(h));
        }
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
