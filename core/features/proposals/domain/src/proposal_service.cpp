#include "yishi/domain/proposal_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/proposal_lookup.h"
#include "yishi/domain/proposals_changes.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxTitle = 100;
constexpr std::size_t kMaxBody = 5000;
constexpr std::size_t kMaxReason = 1000;
// How long a referendum opened by send_to_vote runs unless the committee says.
constexpr Duration kDefaultVotingTime = Duration::days(7);

Status notFound() { return Status::notFound("proposal.not_found", "There is no such proposal."); }

// The roles `actor` holds towards `p`. An author acts only while still a
// verified resident (or one who runs the community), and only as its
// author: nobody takes the committee's steps on their own proposal.
std::vector<ProposalRole> rolesOf(const Actor& actor, const Proposal& p, const Community& c) {
    std::vector<ProposalRole> roles;
    if (!actor.isAuthenticated()) return roles;
    const bool manages = actor.canManage(c);
    if (actor.userId() == p.author_id) {
        if (manages || actor.isVerifiedResident(c.id)) roles.push_back(ProposalRole::kAuthor);
    } else if (manages) {
        roles.push_back(ProposalRole::kCommittee);
    }
    return roles;
}

bool has(const std::vector<ProposalRole>& roles, ProposalRole role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// Who may revise a proposal's words, and when: its author, in a draft or
// while it awaits revision.
Status mayEdit(const Actor& actor, const Proposal& p, const Community& c) {
    if (!has(rolesOf(actor, p, c), ProposalRole::kAuthor)) {
        return Status::forbidden("proposal.not_author",
                                 "Only its author, while a resident of the community, revises a proposal.");
    }
    if (p.state != ProposalState::kDraft && p.state != ProposalState::kNeedsRevision) {
        return Status::conflict("proposal.not_editable",
                                std::string("A proposal in state ") + proposalStateName(p.state) +
                                    " is not revised; a draft or one that awaits revision is.");
    }
    return Status::ok();
}

// Applies the revised words, checked.
Status applyEdit(Proposal& p, const std::optional<std::string>& title, const std::optional<std::string>& body) {
    if (title) YISHI_RETURN_IF_ERROR(validateName("title", *title, kMaxTitle));
    if (body) YISHI_RETURN_IF_ERROR(validateText("body", *body, kMaxBody));
    if (title) p.title = *title;
    if (body) p.body = *body;
    return Status::ok();
}

std::string editedFields(const std::optional<std::string>& title, const std::optional<std::string>& body) {
    return std::string(title ? "title" : "") + (title && body ? ", " : "") + (body ? "body" : "");
}

void recordStep(Stores& s, Instant now, const Actor& actor, const Proposal& p, ProposalAction action,
                const std::string& reason) {
    s.record({proposalStep(action), now, actor.userId(), p.id.value, p.community_id, reason, p.author_id});
}

}  // namespace

Status ProposalService::permits(const Actor& actor, const Proposal& p, const Community& c, ProposalAction action,
                                ProposalTransition* step) const {
    const std::vector<ProposalRole> roles = rolesOf(actor, p, c);
    std::optional<ProposalTransition> mine, others;
    for (ProposalRole role : {ProposalRole::kAuthor, ProposalRole::kCommittee}) {
        std::optional<ProposalTransition> t = findTransition(p.state, action, role);
        if (!t) continue;
        (has(roles, role) ? mine : others) = t;
    }
    if (!mine && !others) {
        return Status::conflict("proposal.action_not_allowed",
                                std::string("A proposal in state ") + proposalStateName(p.state) +
                                    " does not allow the action " + proposalActionName(action) + ".");
    }
    if (!mine) {
        if (others->role == ProposalRole::kCommittee && actor.isAuthenticated() && actor.userId() == p.author_id &&
            actor.canManage(c)) {
            return Status::forbidden("proposal.own_proposal",
                                     std::string("You wrote this proposal, so another member of the committee or "
                                                 "the district decides on it (") +
                                         proposalActionName(action) + ").");
        }
        return Status::forbidden("proposal.forbidden", std::string("Only the ") + proposalRoleName(others->role) +
                                                           " may " + proposalActionName(action) + " this proposal.");
    }
    if (!transitionFitsKind(*mine, p.kind)) {
        return Status::conflict("proposal.kind_mismatch", std::string("A ") + proposalKindName(p.kind) + " cannot " +
                                                              proposalActionName(action) +
                                                              ": a rule becomes a convention, a problem or wish a "
                                                              "project.");
    }
    if ((action == ProposalAction::kFormProject || action == ProposalAction::kFormConvention) && !outcomeFor(action)) {
        return Status::conflict("proposal.outcome_unavailable", "This server cannot form that outcome.");
    }
    // A referendum decides it: its published result moves the proposal on.
    if ((action == ProposalAction::kAdopt || action == ProposalAction::kNotAdopt) && voting_ != nullptr &&
        p.state == ProposalState::kVoting && p.election_id != 0) {
        return Status::conflict("proposal.decided_by_vote", "Residents decide this proposal in election " +
                                                                std::to_string(p.election_id) +
                                                                "; its published result adopts it or not.");
    }
    if (step) *step = *mine;
    return Status::ok();
}

std::vector<ProposalAction> ProposalService::allowedActions(const Actor& actor, const Proposal& p,
                                                            const Community& c) const {
    std::vector<ProposalAction> out;
    for (const ProposalTransition& t : proposalTransitions()) {
        if (t.from != p.state || std::find(out.begin(), out.end(), t.action) != out.end()) continue;
        if (permits(actor, p, c, t.action, nullptr).isOk()) out.push_back(t.action);
    }
    return out;
}

ProposalService::View ProposalService::viewOf(Stores& s, const Actor& actor, Proposal p, const Community& c) const {
    View v;
    v.overdue = overdueReasons(p, clock_.now());
    std::optional<User> author = s.users.user(p.author_id);
    v.author_name = author ? author->display_name : "";
    v.merged_from = s.get<ProposalStore>().mergedInto(p.id);
    v.allowed_actions = allowedActions(actor, p, c);
    v.editable = mayEdit(actor, p, c).isOk();
    v.proposal = std::move(p);
    return v;
}

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
    // A submission (again, after revision) waits for a response afresh.
    p.submitted_at = now;
    p.responded_at = Instant();
    p.escalation_resolved_at = Instant();
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
        view = viewOf(s, actor, std::move(p), *c);
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
        view = viewOf(s, actor, std::move(p), *c);
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
        ProposalStore& store = s.get<ProposalStore>();
        Page<Proposal> found = store.proposals(community, f, page.clamped());
        result.page.next_after = found.next_after;
        for (Proposal& p : found.items) {
            ListItem item;
            std::optional<User> author = s.users.user(p.author_id);
            item.author_name = author ? author->display_name : "";
            item.activity = store.activity(p.id);
            item.proposal = std::move(p);
            result.page.items.push_back(std::move(item));
        }
        result.counts = s.get<ProposalStore>().countByState(community, filter.kind);
        result.draft_authors = store.draftAuthors(community);
        return Status::ok();
    }));
    return result;
}

Result<ProposalService::View> ProposalService::act(const Actor& actor, ProposalId id, const ActionInput& request) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateText("reason", request.reason, kMaxReason));
    YISHI_RETURN_IF_ERROR(validateText("early_end_reason", request.early_end_reason, kMaxReason));
    ActionInput input = request;
    if (input.action == ProposalAction::kSendToVote && input.vote_at_meeting && input.election_id != 0) {
        return Status::invalid("proposal.election_id", "A vote at a meeting has no election: leave election_id out.");
    }
    if (input.action == ProposalAction::kSendToVote && voting_ != nullptr && !input.vote_at_meeting) {
        YISHI_ASSIGN_OR_RETURN(input.election_id, referendumFor(actor, id, input));
    }
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return notFound();

        ProposalTransition step{};
        if (Status allowed = permits(actor, p, *c, input.action, &step); !allowed.isOk()) {
            if (allowed.code() != "proposal.action_not_allowed") return allowed;
            // Say what is possible instead.
            std::string names;
            for (ProposalAction a : allowedActions(actor, p, *c)) {
                names += (names.empty() ? "" : ", ") + std::string(proposalActionName(a));
            }
            return Status::conflict(allowed.code(), allowed.message().substr(0, allowed.message().size() - 1) +
                                                        (names.empty() ? "; you can take no action on it now."
                                                                       : "; you may: " + names + "."));
        }
        if (step.reason_required && input.reason.empty()) {
            return Status::invalid("proposal.reason_required",
                                   "This decision needs a reason that the proposer and the public see.");
        }
        const bool revises = input.action == ProposalAction::kSubmit || input.action == ProposalAction::kResubmit;
        if ((input.title || input.body) && !revises) {
            return Status::invalid("proposal.edit_not_allowed",
                                   "title and body change with submit, resubmit or an edit of the proposal, not with " +
                                       std::string(proposalActionName(input.action)) + ".");
        }
        if (revises) YISHI_RETURN_IF_ERROR(applyEdit(p, input.title, input.body));
        std::string recorded_reason = input.reason;
        const bool ends_consultation =
            input.action == ProposalAction::kSendToVote || input.action == ProposalAction::kCloseWithoutVote;
        if (!input.early_end_reason.empty() && !ends_consultation) {
            return Status::invalid("proposal.early_end_reason",
                                   "early_end_reason goes with send_to_vote or close_without_vote.");
        }
        const Instant now = clock_.now();
        // Residents were told when the consultation ends: ending it sooner
        // needs a reason they see in the history.
        if (ends_consultation && now < p.consultation_ends_at) {
            if (input.early_end_reason.empty()) {
                return Status::invalid("proposal.early_end_reason",
                                       "The consultation was announced to run until " +
                                           std::to_string(p.consultation_ends_at.seconds()) +
                                           " (seconds since 1970); ending it now needs early_end_reason, shown in the "
                                           "history.");
            }
            recorded_reason = encodeFact(facts::kEndedEarly, input.early_end_reason, input.reason);
        }
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
                          encodeFact(facts::kMergedFrom, std::to_string(p.id.value), input.reason)});
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
                YISHI_ASSIGN_OR_RETURN(
                    p.outcome_id, outcomeFor(input.action)->form(s, p, {input.budget_fen, input.responsible}, now));
                break;
            }
            case ProposalAction::kSubmit:
            case ProposalAction::kResubmit: setDeadlines(s, p, now); break;
            default: break;
        }
        p.state = step.to;
        p.updated_at = now;
        // The reason of the step that led here; earlier ones stay in the history.
        p.last_reason = recorded_reason;
        s.get<ProposalStore>().updateProposal(p);
        if (revises && (input.title || input.body)) {
            s.record({changes::kProposalEdited, now, actor.userId(), p.id.value, p.community_id,
                      editedFields(input.title, input.body)});
        }
        recordStep(s, now, actor, p, input.action, recorded_reason);
        for (ProposalStepListener* listener : listeners_) {
            YISHI_RETURN_IF_ERROR(listener->afterStep(s, actor, p, input.action, now));
        }
        view = viewOf(s, actor, std::move(p), *c);
        return Status::ok();
    }));
    return view;
}

Result<ProposalService::View> ProposalService::edit(const Actor& actor, ProposalId id, const Edit& edit) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return notFound();
        YISHI_RETURN_IF_ERROR(mayEdit(actor, p, *c));
        YISHI_RETURN_IF_ERROR(applyEdit(p, edit.title, edit.body));
        if (edit.title || edit.body) {
            const Instant now = clock_.now();
            p.updated_at = now;
            s.get<ProposalStore>().updateProposal(p);
            s.record({changes::kProposalEdited, now, actor.userId(), p.id.value, p.community_id,
                      editedFields(edit.title, edit.body)});
        }
        view = viewOf(s, actor, std::move(p), *c);
        return Status::ok();
    }));
    return view;
}

Result<std::int64_t> ProposalService::referendumFor(const Actor& actor, ProposalId id, const ActionInput& input) {
    std::optional<Proposal> found;
    const Status readable = db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return notFound();
        YISHI_RETURN_IF_ERROR(permits(actor, p, *c, input.action, nullptr));
        found = std::move(p);
        return Status::ok();
    });
    // The step itself will refuse, with the whole explanation.
    if (!readable.isOk() || !found) return input.election_id;
    if (input.election_id != 0) {
        YISHI_RETURN_IF_ERROR(voting_->checkAttachable(*found, input.election_id));
        return input.election_id;
    }
    const Instant now = clock_.now();
    // Nothing is opened for a step that will be refused for want of a reason.
    if (now < found->consultation_ends_at && input.early_end_reason.empty()) return std::int64_t{0};
    const Instant closes_at = input.vote_closes_at != Instant() ? input.vote_closes_at : now + kDefaultVotingTime;
    if (closes_at <= now) {
        return Status::invalid("proposal.vote_closes_at", "The vote needs a closing time in the future.");
    }
    return voting_->openReferendum(actor, *found, closes_at);
}

Status ProposalService::decideByVote(Stores& s, ProposalId id, std::int64_t election_id, bool adopted, Instant now) {
    std::optional<Proposal> found = s.get<ProposalStore>().proposal(id);
    if (!found || found->state != ProposalState::kVoting || found->election_id != election_id) return Status::ok();
    Proposal p = std::move(*found);
    p.state = adopted ? ProposalState::kAdopted : ProposalState::kNotAdopted;
    p.updated_at = now;
    // A fact, not a sentence: pages say it in the reader's language.
    p.last_reason = encodeFact(facts::kElection, std::to_string(election_id));
    s.get<ProposalStore>().updateProposal(p);
    recordStep(s, now, Actor::anonymous(), p, adopted ? ProposalAction::kAdopt : ProposalAction::kNotAdopt,
               p.last_reason);
    return Status::ok();
}

Status ProposalService::enterRound(Stores& s, const Actor& actor, ProposalId id, std::int64_t election_id,
                                   Instant now) {
    std::optional<Proposal> found = s.get<ProposalStore>().proposal(id);
    if (!found) return notFound();
    Proposal p = std::move(*found);
    if (p.kind != ProposalKind::kWish || p.state != ProposalState::kAccepted) {
        return Status::conflict("proposal.action_not_allowed",
                                std::string("A round takes accepted wishes; this is a ") + proposalKindName(p.kind) +
                                    " in state " + proposalStateName(p.state) + ".");
    }
    p.state = ProposalState::kVoting;
    p.election_id = election_id;
    p.updated_at = now;
    p.last_reason = encodeFact(facts::kElection, std::to_string(election_id));
    s.get<ProposalStore>().updateProposal(p);
    recordStep(s, now, actor, p, ProposalAction::kSendToVote, p.last_reason);
    return Status::ok();
}

Result<std::int64_t> ProposalService::formProjectOfRound(Stores& s, ProposalId id, const ProposalOutcome::Input& input,
                                                         const std::string& reason, Instant now) {
    std::optional<Proposal> found = s.get<ProposalStore>().proposal(id);
    if (!found) return notFound();
    Proposal p = std::move(*found);
    if (p.kind != ProposalKind::kWish || p.state != ProposalState::kAdopted) {
        return Status::conflict("proposal.action_not_allowed",
                                std::string("A round forms projects of adopted wishes; this is a ") +
                                    proposalKindName(p.kind) + " in state " + proposalStateName(p.state) + ".");
    }
    ProposalOutcome* outcome = outcomeFor(ProposalAction::kFormProject);
    if (outcome == nullptr)
        return Status::conflict("proposal.outcome_unavailable", "This server cannot form that outcome.");
    YISHI_ASSIGN_OR_RETURN(p.outcome_id, outcome->form(s, p, input, now));
    p.state = ProposalState::kProject;
    p.updated_at = now;
    p.last_reason = reason;
    s.get<ProposalStore>().updateProposal(p);
    recordStep(s, now, Actor::anonymous(), p, ProposalAction::kFormProject, reason);
    return p.outcome_id;
}

void ProposalService::setOutcome(ProposalAction action, ProposalOutcome& outcome) {
    outcomes_.emplace_back(action, &outcome);
}

void ProposalService::keepActorPrivate(const ChangeKind& kind) { private_actions_.push_back(kind.action); }

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
            const bool is_private =
                std::find(private_actions_.begin(), private_actions_.end(), e.action) != private_actions_.end();
            if (is_private && (!actor.isAuthenticated() || e.actor != actor.userId())) continue;
            HistoryEntry h{e.at, e.action, e.reason, "", "resident"};
            if (std::optional<User> u = s.users.user(e.actor)) {
                h.actor_name = u->display_name;
                h.actor_role = Actor(*u, s.users.grants(u->id), {}).publicRoleIn(*c);
            }
            if (e.assisted_by.valid()) {
                std::optional<User> helper = s.users.user(e.assisted_by);
                h.assisted_by_name = helper ? helper->display_name : "";
                h.assisted_role = e.assisted_role;
                h.consent = e.consent;
                h.consent_note = e.consent_note;
            }
            out.push_back(std::move(h));
        }
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
