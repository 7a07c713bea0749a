#include "yishi/domain/proposal.h"

#include <algorithm>

namespace yishi::domain {

namespace {

template <typename E, std::size_t N>
bool parseByName(const std::string& text, const E (&all)[N], const char* (*name)(E), E* out) {
    for (E e : all) {
        if (text == name(e)) {
            *out = e;
            return true;
        }
    }
    return false;
}

constexpr ProposalKind kKinds[] = {ProposalKind::kProblem, ProposalKind::kWish, ProposalKind::kRule};
constexpr ProposalState kStates[] = {
    ProposalState::kDraft,        ProposalState::kSubmitted, ProposalState::kScreening, ProposalState::kNeedsRevision,
    ProposalState::kAccepted,     ProposalState::kMerged,    ProposalState::kRejected,  ProposalState::kWithdrawn,
    ProposalState::kConsultation, ProposalState::kVoting,    ProposalState::kClosed,    ProposalState::kAdopted,
    ProposalState::kNotAdopted,   ProposalState::kProject,   ProposalState::kConvention};
constexpr ProposalAction kActions[] = {
    ProposalAction::kSubmit,     ProposalAction::kWithdraw,         ProposalAction::kStartScreening,
    ProposalAction::kAccept,     ProposalAction::kRequestRevision,  ProposalAction::kMerge,
    ProposalAction::kReject,     ProposalAction::kResubmit,         ProposalAction::kOpenConsultation,
    ProposalAction::kSendToVote, ProposalAction::kCloseWithoutVote, ProposalAction::kAdopt,
    ProposalAction::kNotAdopt,   ProposalAction::kFormProject,      ProposalAction::kFormConvention};

}  // namespace

const char* proposalKindName(ProposalKind kind) {
    switch (kind) {
        case ProposalKind::kProblem: return "problem";
        case ProposalKind::kWish: return "wish";
        case ProposalKind::kRule: return "rule";
    }
    return "problem";
}

const char* proposalStateName(ProposalState state) {
    switch (state) {
        case ProposalState::kDraft: return "draft";
        case ProposalState::kSubmitted: return "submitted";
        case ProposalState::kScreening: return "screening";
        case ProposalState::kNeedsRevision: return "needs_revision";
        case ProposalState::kAccepted: return "accepted";
        case ProposalState::kMerged: return "merged";
        case ProposalState::kRejected: return "rejected";
        case ProposalState::kWithdrawn: return "withdrawn";
        case ProposalState::kConsultation: return "consultation";
        case ProposalState::kVoting: return "voting";
        case ProposalState::kClosed: return "closed";
        case ProposalState::kAdopted: return "adopted";
        case ProposalState::kNotAdopted: return "not_adopted";
        case ProposalState::kProject: return "project";
        case ProposalState::kConvention: return "convention";
    }
    return "draft";
}

const char* proposalActionName(ProposalAction action) {
    switch (action) {
        case ProposalAction::kSubmit: return "submit";
        case ProposalAction::kWithdraw: return "withdraw";
        case ProposalAction::kStartScreening: return "start_screening";
        case ProposalAction::kAccept: return "accept";
        case ProposalAction::kRequestRevision: return "request_revision";
        case ProposalAction::kMerge: return "merge";
        case ProposalAction::kReject: return "reject";
        case ProposalAction::kResubmit: return "resubmit";
        case ProposalAction::kOpenConsultation: return "open_consultation";
        case ProposalAction::kSendToVote: return "send_to_vote";
        case ProposalAction::kCloseWithoutVote: return "close_without_vote";
        case ProposalAction::kAdopt: return "adopt";
        case ProposalAction::kNotAdopt: return "not_adopt";
        case ProposalAction::kFormProject: return "form_project";
        case ProposalAction::kFormConvention: return "form_convention";
    }
    return "submit";
}

const char* proposalRoleName(ProposalRole role) { return role == ProposalRole::kAuthor ? "author" : "committee"; }

bool parseProposalKind(const std::string& text, ProposalKind* kind) {
    return parseByName(text, kKinds, proposalKindName, kind);
}
bool parseProposalState(const std::string& text, ProposalState* state) {
    return parseByName(text, kStates, proposalStateName, state);
}
bool parseProposalAction(const std::string& text, ProposalAction* action) {
    return parseByName(text, kActions, proposalActionName, action);
}

const std::vector<ProposalTransition>& proposalTransitions() {
    using S = ProposalState;
    using A = ProposalAction;
    constexpr ProposalRole author = ProposalRole::kAuthor;
    constexpr ProposalRole committee = ProposalRole::kCommittee;
    static const std::vector<ProposalTransition> table = {
        {S::kDraft, A::kSubmit, author, S::kSubmitted, false},
        {S::kDraft, A::kWithdraw, author, S::kWithdrawn, false},
        {S::kSubmitted, A::kWithdraw, author, S::kWithdrawn, false},
        {S::kSubmitted, A::kStartScreening, committee, S::kScreening, false},
        {S::kScreening, A::kAccept, committee, S::kAccepted, true},
        {S::kScreening, A::kRequestRevision, committee, S::kNeedsRevision, true},
        {S::kScreening, A::kMerge, committee, S::kMerged, true},
        {S::kScreening, A::kReject, committee, S::kRejected, true},
        {S::kNeedsRevision, A::kResubmit, author, S::kSubmitted, false},
        {S::kNeedsRevision, A::kWithdraw, author, S::kWithdrawn, false},
        {S::kAccepted, A::kOpenConsultation, committee, S::kConsultation, false},
        {S::kConsultation, A::kSendToVote, committee, S::kVoting, true},
        {S::kConsultation, A::kCloseWithoutVote, committee, S::kClosed, true},
        {S::kVoting, A::kAdopt, committee, S::kAdopted, true},
        {S::kVoting, A::kNotAdopt, committee, S::kNotAdopted, true},
        {S::kAdopted, A::kFormProject, committee, S::kProject, false, {ProposalKind::kProblem, ProposalKind::kWish}},
        {S::kAdopted, A::kFormConvention, committee, S::kConvention, false, {ProposalKind::kRule}},
    };
    return table;
}

bool transitionFitsKind(const ProposalTransition& t, ProposalKind kind) {
    return t.kinds.empty() || std::find(t.kinds.begin(), t.kinds.end(), kind) != t.kinds.end();
}

std::optional<ProposalTransition> findTransition(ProposalState from, ProposalAction action, ProposalRole role) {
    for (const ProposalTransition& t : proposalTransitions()) {
        if (t.from == from && t.action == action && t.role == role) return t;
    }
    return std::nullopt;
}

bool proposalIsPublic(const Proposal& p) {
    // A draft, or one withdrawn before it was ever submitted, was never asked
    // in public.
    if (p.state == ProposalState::kDraft) return false;
    return !(p.state == ProposalState::kWithdrawn && p.submitted_at == Instant());
}

bool proposalVisibleTo(const Proposal& p, UserId viewer) {
    return proposalIsPublic(p) || (viewer.valid() && viewer == p.author_id);
}

const std::vector<OverdueRule>& overdueRules() {
    using S = ProposalState;
    static const std::vector<OverdueRule> rules = {
        {"first_response",
         {S::kSubmitted},
         ProposalDeadline::kResponse,
         {ProposalMark::kResponded, ProposalMark::kEscalationResolved}},
        {"decision", {S::kSubmitted, S::kScreening}, ProposalDeadline::kDecision, {ProposalMark::kEscalationResolved}},
        {"consultation_ended", {S::kConsultation}, ProposalDeadline::kConsultationEnd, {}},
    };
    return rules;
}

Instant deadlineOf(const Proposal& p, ProposalDeadline deadline) {
    switch (deadline) {
        case ProposalDeadline::kResponse: return p.response_due_at;
        case ProposalDeadline::kDecision: return p.decision_due_at;
        case ProposalDeadline::kConsultationEnd: return p.consultation_ends_at;
    }
    return Instant();
}

Instant markOf(const Proposal& p, ProposalMark mark) {
    switch (mark) {
        case ProposalMark::kResponded: return p.responded_at;
        case ProposalMark::kEscalationResolved: return p.escalation_resolved_at;
    }
    return Instant();
}

std::vector<std::string> overdueReasons(const Proposal& p, Instant now) {
    std::vector<std::string> out;
    for (const OverdueRule& rule : overdueRules()) {
        if (std::find(rule.states.begin(), rule.states.end(), p.state) == rule.states.end()) continue;
        if (std::any_of(rule.ended_by.begin(), rule.ended_by.end(),
                        [&](ProposalMark mark) { return markOf(p, mark) != Instant(); })) {
            continue;
        }
        const Instant due = deadlineOf(p, rule.deadline);
        if (due > Instant() && now.seconds() > due.seconds()) out.push_back(rule.reason);
    }
    return out;
}

std::optional<Instant> nextOverdueAt(const Proposal& p, Instant now) {
    std::optional<Instant> next;
    for (const OverdueRule& rule : overdueRules()) {
        if (std::find(rule.states.begin(), rule.states.end(), p.state) == rule.states.end()) continue;
        if (std::any_of(rule.ended_by.begin(), rule.ended_by.end(),
                        [&](ProposalMark mark) { return markOf(p, mark) != Instant(); })) {
            continue;
        }
        const Instant due = deadlineOf(p, rule.deadline);
        if (due == Instant() || now.seconds() > due.seconds()) continue;  // none, or late already
        // Late once the whole second of the deadline has passed (overdueReasons).
        const Instant late = Instant::fromSeconds(due.seconds() + 1);
        if (!next || late < *next) next = late;
    }
    return next;
}

}  // namespace yishi::domain
