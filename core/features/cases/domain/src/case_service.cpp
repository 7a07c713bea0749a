#include "yishi/domain/case_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/case_store.h"
#include "yishi/domain/cases_changes.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxReason = 1000;

constexpr CaseAction kActions[] = {CaseAction::kAssign, CaseAction::kReassign,  CaseAction::kStep,    CaseAction::kDone,
                                   CaseAction::kRate,   CaseAction::kNotSolved, CaseAction::kFollowUp};

Status notFound() { return Status::notFound("case.not_found", "There is no such case."); }

bool finished(CaseState s) { return s == CaseState::kDone || s == CaseState::kClosed; }

// Who gives a case to someone: those who run its community (its committee,
// a district admin).
Status mayWork(const Actor& actor, const Community& community) {
    if (actor.isAuthenticated() && actor.canManage(community)) return Status::ok();
    return Status::forbidden("case.forbidden", "Only this community's committee handles its cases.");
}

// Who works on a case: those above, and the one responsible for it (a
// 网格员 the case was routed or given to, docs/grids.md).
Status mayHandle(const Actor& actor, const Case& c, const Community& community) {
    if (actor.isAuthenticated() && c.assignee.valid() && actor.userId() == c.assignee) return Status::ok();
    return mayWork(actor, community);
}

Status mayJudge(const Actor& actor, const Case& c) {
    if (actor.isAuthenticated() && actor.userId() == c.raised_by) return Status::ok();
    return Status::forbidden("case.not_raiser", "Only the resident who raised the problem judges how it was handled.");
}

Status stillWorkable(const Case& c) {
    if (!finished(c.state)) return Status::ok();
    return Status::conflict("case.finished", std::string("This case is ") + caseStateName(c.state) +
                                                 "; it is worked on again only if the resident says it is not solved.");
}

Status awaitsJudgement(const Case& c) {
    if (c.state == CaseState::kDone) return Status::ok();
    if (c.state == CaseState::kClosed) {
        return Status::conflict("case.closed", "This case was rated and closed.");
    }
    return Status::conflict("case.not_done", "This case is not done yet.");
}

// The role and state checks of `action`, in the order the action makes them;
// allowed_actions is made from them, so an offered action never fails them.
Status permits(const Actor& actor, const Case& c, const Community& community, CaseAction action) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    switch (action) {
        case CaseAction::kAssign:
        case CaseAction::kReassign:
            YISHI_RETURN_IF_ERROR(mayWork(actor, community));
            YISHI_RETURN_IF_ERROR(stillWorkable(c));
            if ((action == CaseAction::kAssign) != (c.state == CaseState::kOpen)) {
                // Told apart for allowed_actions only: one route does both.
                return Status::conflict("case.finished", "The case is assigned already; hand it on instead.");
            }
            return Status::ok();
        case CaseAction::kStep: YISHI_RETURN_IF_ERROR(mayHandle(actor, c, community)); return stillWorkable(c);
        case CaseAction::kDone:
            YISHI_RETURN_IF_ERROR(mayHandle(actor, c, community));
            YISHI_RETURN_IF_ERROR(stillWorkable(c));
            if (c.state == CaseState::kOpen) {
                return Status::conflict("case.not_assigned", "Give the case to someone responsible first.");
            }
            return Status::ok();
        case CaseAction::kRate:
        case CaseAction::kNotSolved: YISHI_RETURN_IF_ERROR(mayJudge(actor, c)); return awaitsJudgement(c);
        case CaseAction::kFollowUp:
            YISHI_RETURN_IF_ERROR(mayHandle(actor, c, community));
            if (!finished(c.state)) return Status::conflict("case.not_done", "This case is not done yet.");
            return Status::ok();
    }
    return Status::ok();
}

std::string nameOf(Stores& s, UserId id) {
    if (!id.valid()) return "";
    std::optional<User> u = s.users.user(id);
    return u ? u->display_name : "";
}

// Those a case of `community` may be given to: its committee, then those the
// routing adds (its 网格员), each once.
std::vector<User> assignableIn(Stores& s, CaseRouting* routing, CommunityId community) {
    std::vector<User> out = s.get<CaseStore>().committeeOf(community);
    if (routing == nullptr) return out;
    for (User& u : routing->otherAssignees(s, community)) {
        if (std::none_of(out.begin(), out.end(), [&](const User& o) { return o.id == u.id; })) {
            out.push_back(std::move(u));
        }
    }
    return out;
}

// The audit action each kind of entry is recorded with (cases_changes.h).
const std::string& actionOf(CaseEntryKind kind) {
    switch (kind) {
        case CaseEntryKind::kOpened: return changes::kCaseOpened.action;
        case CaseEntryKind::kAssigned: return changes::kCaseAssigned.action;
        case CaseEntryKind::kReassigned: return changes::kCaseReassigned.action;
        case CaseEntryKind::kStep: return changes::kCaseStep.action;
        case CaseEntryKind::kDone: return changes::kCaseDone.action;
        case CaseEntryKind::kRated: return changes::kCaseRated.action;
        case CaseEntryKind::kNotSolved: return changes::kCaseReopened.action;
        case CaseEntryKind::kFollowUp: return changes::kCaseFollowedUp.action;
    }
    return changes::kCaseStep.action;
}

// Marks `out` as done by a helper when the audit row of its act, recorded
// in the same transaction (same actor, time and action), says so.
void markAssisted(Stores& s, const std::vector<AuditEntry>& assisted, CaseService::Entry& out) {
    const std::string& action = actionOf(out.entry.kind);
    for (const AuditEntry& a : assisted) {
        if (a.actor != out.entry.by || a.at.seconds() != out.entry.at.seconds() || a.action != action) continue;
        std::optional<User> helper = s.users.user(a.assisted_by);
        out.assisted_by_name = helper ? helper->display_name : "";
        out.assisted_role = a.assisted_role;
        out.consent = a.consent;
        out.consent_note = a.consent_note;
        return;
    }
}

CaseService::View viewOf(Stores& s, CaseRouting* routing, const Actor& actor, const Case& c,
                         const Community& community) {
    CaseService::View v;
    v.c = c;
    if (std::optional<Proposal> p = s.get<ProposalStore>().proposal(c.proposal_id)) v.title = p->title;
    v.raised_by_name = nameOf(s, c.raised_by);
    v.assignee_name = nameOf(s, c.assignee);
    std::vector<AuditEntry> assisted = s.audit.forSubject(changes::kCaseOpened.subject_kind, c.proposal_id.value, 1000);
    std::erase_if(assisted, [](const AuditEntry& a) { return !a.assisted_by.valid(); });
    for (CaseEntry& e : s.get<CaseStore>().entries(c.id)) {
        CaseService::Entry out{std::move(e), "", "resident", ""};
        if (std::optional<User> u = s.users.user(out.entry.by)) {
            out.by_name = u->display_name;
            out.by_role = Actor(*u, s.users.grants(u->id), {}).publicRoleIn(community);
        }
        out.assignee_name = nameOf(s, out.entry.assignee);
        if (!assisted.empty()) markAssisted(s, assisted, out);
        v.entries.push_back(std::move(out));
    }
    for (CaseAction a : kActions) {
        if (permits(actor, c, community, a).isOk()) v.allowed_actions.push_back(a);
    }
    if (permits(actor, c, community, CaseAction::kAssign).isOk() ||
        permits(actor, c, community, CaseAction::kReassign).isOk()) {
        for (const User& u : assignableIn(s, routing, c.community_id)) {
            v.assignable.push_back({u.id, u.display_name});
        }
    }
    return v;
}

// Appends `entry` to the case's record and moves the case by it.
void append(Stores& s, Case& c, CaseEntry entry) {
    entry.case_id = c.id;
    s.get<CaseStore>().insertEntry(entry);
    applyEntry(c, entry);
    s.get<CaseStore>().updateCase(c);
}

Status validStars(std::int64_t stars, const char* what) {
    if (stars >= kMinStars && stars <= kMaxStars) return Status::ok();
    return Status::invalid("case.stars", std::string(what) + " is rated with 1 to 5 stars.");
}

}  // namespace

const char* caseActionName(CaseAction action) {
    switch (action) {
        case CaseAction::kAssign: return "assign";
        case CaseAction::kReassign: return "reassign";
        case CaseAction::kStep: return "step";
        case CaseAction::kDone: return "done";
        case CaseAction::kRate: return "rate";
        case CaseAction::kNotSolved: return "not_solved";
        case CaseAction::kFollowUp: return "follow_up";
    }
    return "step";
}

CaseService::CaseService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<CaseService::View> CaseService::get(const Actor& actor, CaseId id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Case> c = s.get<CaseStore>().byId(id);
        if (!c) return notFound();
        std::optional<Community> community = s.scopes.community(c->community_id);
        if (!community) return notFound();
        view = viewOf(s, routing_, actor, *c, *community);
        return Status::ok();
    }));
    return view;
}

Result<CaseService::View> CaseService::ofProposal(const Actor& actor, ProposalId proposal) {
    CaseId id;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Case> c = s.get<CaseStore>().ofProposal(proposal);
        if (!c) return Status::notFound("case.not_found", "This proposal has no case: only accepted problems do.");
        id = c->id;
        return Status::ok();
    }));
    return get(actor, id);
}

Result<Page<CaseSummary>> CaseService::list(CommunityId community, std::optional<CaseState> state, PageRequest page) {
    Page<CaseSummary> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        out = s.get<CaseStore>().list(community, state, page.clamped());
        return Status::ok();
    }));
    return out;
}

Result<CaseService::View> CaseService::change(const Actor& actor, CaseId id, const Write& write) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Case> c = s.get<CaseStore>().byId(id);
        if (!c) return notFound();
        std::optional<Community> community = s.scopes.community(c->community_id);
        if (!community) return notFound();
        YISHI_RETURN_IF_ERROR(write(s, *c, *community, clock_.now()));
        view = viewOf(s, routing_, actor, *c, *community);
        return Status::ok();
    }));
    return view;
}

Result<CaseService::View> CaseService::assign(const Actor& actor, CaseId id, UserId assignee,
                                              const std::string& reason) {
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, kMaxReason));
    return change(actor, id, [&](Stores& s, Case& c, const Community& community, Instant now) -> Status {
        YISHI_RETURN_IF_ERROR(mayWork(actor, community));
        YISHI_RETURN_IF_ERROR(stillWorkable(c));
        const bool reassigning = c.state != CaseState::kOpen;
        std::optional<User> who;
        for (User& u : assignableIn(s, routing_, c.community_id)) {
            if (u.id == assignee) who = std::move(u);
        }
        if (!who) {
            return Status::invalid("case.assignee",
                                   "A case goes to a member of this community's committee or one of its 网格员 "
                                   "(assignee_id).");
        }
        if (reassigning && assignee == c.assignee) {
            return Status::conflict("case.same_assignee", "This person is responsible for the case already.");
        }
        if (reassigning && reason.empty()) {
            return Status::invalid("case.reason_required", "Say why the case is handed to someone else.");
        }
        CaseEntry e;
        e.kind = reassigning ? CaseEntryKind::kReassigned : CaseEntryKind::kAssigned;
        e.at = now;
        e.by = actor.userId();
        e.text = reason;
        e.assignee = assignee;
        append(s, c, e);
        s.record({reassigning ? changes::kCaseReassigned : changes::kCaseAssigned, now, actor.userId(),
                  c.proposal_id.value, c.community_id, encodeFact(facts::kAssignedTo, who->display_name, reason)});
        return Status::ok();
    });
}

Result<CaseService::View> CaseService::addStep(const Actor& actor, CaseId id, const std::string& text) {
    YISHI_RETURN_IF_ERROR(validateName("text", text, kMaxText));
    return change(actor, id, [&](Stores& s, Case& c, const Community& community, Instant now) -> Status {
        YISHI_RETURN_IF_ERROR(permits(actor, c, community, CaseAction::kStep));
        CaseEntry e;
        e.kind = CaseEntryKind::kStep;
        e.at = now;
        e.by = actor.userId();
        e.text = text;
        append(s, c, e);
        s.record({changes::kCaseStep, now, actor.userId(), c.proposal_id.value, c.community_id, text});
        return Status::ok();
    });
}

Result<CaseService::View> CaseService::markDone(const Actor& actor, CaseId id, const std::string& summary) {
    YISHI_RETURN_IF_ERROR(validateName("summary", summary, kMaxText));
    return change(actor, id, [&](Stores& s, Case& c, const Community& community, Instant now) -> Status {
        YISHI_RETURN_IF_ERROR(permits(actor, c, community, CaseAction::kDone));
        CaseEntry e;
        e.kind = CaseEntryKind::kDone;
        e.at = now;
        e.by = actor.userId();
        e.text = summary;
        append(s, c, e);
        s.record({changes::kCaseDone, now, actor.userId(), c.proposal_id.value, c.community_id, summary, c.raised_by});
        return Status::ok();
    });
}

Result<CaseService::View> CaseService::rate(const Actor& actor, CaseId id, std::int64_t handling_stars,
                                            std::int64_t result_stars, bool solved, const std::string& comment) {
    YISHI_RETURN_IF_ERROR(validStars(handling_stars, "The handling"));
    YISHI_RETURN_IF_ERROR(validStars(result_stars, "The result"));
    YISHI_RETURN_IF_ERROR(validateText("comment", comment, kMaxReason));
    return change(actor, id, [&](Stores& s, Case& c, const Community& community, Instant now) -> Status {
        YISHI_RETURN_IF_ERROR(permits(actor, c, community, CaseAction::kRate));
        CaseEntry e;
        e.kind = CaseEntryKind::kRated;
        e.at = now;
        e.by = actor.userId();
        e.text = comment;
        e.handling_stars = static_cast<int>(handling_stars);
        e.result_stars = static_cast<int>(result_stars);
        e.solved = solved;
        const bool reopens = ratingReopens(e);
        append(s, c, e);
        s.record(
            {changes::kCaseRated, now, actor.userId(), c.proposal_id.value, c.community_id,
             encodeFact(facts::kRated, std::to_string(handling_stars) + "-" + std::to_string(result_stars), comment),
             actor.userId(), result_stars});
        if (reopens) {
            s.record({changes::kCaseReopened, now, actor.userId(), c.proposal_id.value, c.community_id,
                      solved ? encodeFact(facts::kLowRating, std::to_string(result_stars)) : comment, c.raised_by});
        }
        return Status::ok();
    });
}

Result<CaseService::View> CaseService::notSolved(const Actor& actor, CaseId id, const std::string& reason) {
    if (reason.empty()) {
        return Status::invalid("case.reason_required", "Say what is still not solved, so that it can be handled.");
    }
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, kMaxReason));
    return change(actor, id, [&](Stores& s, Case& c, const Community& community, Instant now) -> Status {
        YISHI_RETURN_IF_ERROR(permits(actor, c, community, CaseAction::kNotSolved));
        CaseEntry e;
        e.kind = CaseEntryKind::kNotSolved;
        e.at = now;
        e.by = actor.userId();
        e.text = reason;
        append(s, c, e);
        s.record(
            {changes::kCaseReopened, now, actor.userId(), c.proposal_id.value, c.community_id, reason, c.raised_by});
        return Status::ok();
    });
}

Result<CaseService::View> CaseService::followUp(const Actor& actor, CaseId id, const std::string& note) {
    YISHI_RETURN_IF_ERROR(validateName("note", note, kMaxText));
    return change(actor, id, [&](Stores& s, Case& c, const Community& community, Instant now) -> Status {
        YISHI_RETURN_IF_ERROR(permits(actor, c, community, CaseAction::kFollowUp));
        CaseEntry e;
        e.kind = CaseEntryKind::kFollowUp;
        e.at = now;
        e.by = actor.userId();
        e.text = note;
        append(s, c, e);
        s.record({changes::kCaseFollowedUp, now, actor.userId(), c.proposal_id.value, c.community_id, note});
        return Status::ok();
    });
}

Result<CaseStats> CaseService::stats(CommunityId community) {
    CaseStats out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        out = computeCaseStats(s.get<CaseStore>().entriesOfCommunity(community));
        return Status::ok();
    }));
    return out;
}

Status CaseService::afterStep(Stores& s, const Actor& actor, const Proposal& p, ProposalAction action, Instant now) {
    if (action != ProposalAction::kAccept || p.kind != ProposalKind::kProblem) return Status::ok();
    CaseStore& store = s.get<CaseStore>();
    if (store.ofProposal(p.id)) return Status::ok();  // accepted before: its case goes on
    Case c;
    c.proposal_id = p.id;
    c.community_id = p.community_id;
    c.raised_by = p.author_id;
    c.opened_at = now;
    c.id = store.insertCase(c);
    CaseEntry e;
    e.case_id = c.id;
    e.kind = CaseEntryKind::kOpened;
    e.at = now;
    e.by = actor.userId();
    store.insertEntry(e);
    s.record({changes::kCaseOpened, now, actor.userId(), p.id.value, p.community_id, "", p.author_id});
    if (routing_ == nullptr) return Status::ok();
    // Routed to the 网格员 of the problem's grid, by the one who accepted it.
    std::optional<User> worker = routing_->defaultAssignee(s, p);
    if (!worker) return Status::ok();
    CaseEntry assigned;
    assigned.kind = CaseEntryKind::kAssigned;
    assigned.at = now;
    assigned.by = actor.userId();
    assigned.assignee = worker->id;
    append(s, c, assigned);
    s.record({changes::kCaseAssigned, now, actor.userId(), p.id.value, p.community_id,
              encodeFact(facts::kAssignedTo, worker->display_name)});
    return Status::ok();
}

}  // namespace yishi::domain
