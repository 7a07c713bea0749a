#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"
#include "yishi/common/time.h"

namespace yishi::domain {

using ProposalId = Id<struct ProposalTag>;

// What a resident raises: a problem (问题), a wish (心愿, feeds 民心项目) or a
// rule (规则, feeds 公约).
enum class ProposalKind { kProblem, kWish, kRule };

// The 议事 chain, as in docs/proposal-lifecycle.md.
enum class ProposalState {
    kDraft,
    kSubmitted,
    kScreening,
    kNeedsRevision,
    kAccepted,
    kMerged,
    kRejected,
    kWithdrawn,
    kConsultation,
    kVoting,
    kClosed,  // consultation ended without a vote
    kAdopted,
    kNotAdopted,
    kProject,     // an adopted problem or wish became a project (形成项目)
    kConvention,  // an adopted rule became a convention (建立公约)
};

enum class ProposalAction {
    kSubmit,
    kWithdraw,
    kStartScreening,
    kAccept,
    kRequestRevision,
    kMerge,
    kReject,
    kResubmit,
    kOpenConsultation,
    kSendToVote,
    kCloseWithoutVote,
    kAdopt,
    kNotAdopt,
    kFormProject,
    kFormConvention,
};

// Who acts on a proposal: its author (a verified resident of the community)
// or those who manage the community (its committee, or a district admin).
enum class ProposalRole { kAuthor, kCommittee };

const char* proposalKindName(ProposalKind kind);
const char* proposalStateName(ProposalState state);
const char* proposalActionName(ProposalAction action);
const char* proposalRoleName(ProposalRole role);
bool parseProposalKind(const std::string& text, ProposalKind* kind);
bool parseProposalState(const std::string& text, ProposalState* state);
bool parseProposalAction(const std::string& text, ProposalAction* action);

// One row of the lifecycle table: in state `from`, `role` may take `action`,
// which leads to `to`. Some actions need a reason (every decision the public
// sees), some only fit some kinds (`kinds`; empty: every kind).
struct ProposalTransition {
    ProposalState from;
    ProposalAction action;
    ProposalRole role;
    ProposalState to;
    bool reason_required;
    std::vector<ProposalKind> kinds = {};
};

// Whether the row applies to a proposal of `kind`.
bool transitionFitsKind(const ProposalTransition& transition, ProposalKind kind);

// Every allowed (state, action, role), the single source of truth that the
// service enforces and docs/proposal-lifecycle.md lists.
const std::vector<ProposalTransition>& proposalTransitions();

// The row for (from, action, role), if the table has one.
std::optional<ProposalTransition> findTransition(ProposalState from, ProposalAction action, ProposalRole role);

struct Proposal {
    ProposalId id;
    CommunityId community_id;
    UserId author_id;
    ProposalKind kind = ProposalKind::kProblem;
    std::string title;
    std::string body;
    ProposalState state = ProposalState::kDraft;
    ProposalId merged_into;              // set when merged
    std::int64_t election_id = 0;        // set when sent to a vote
    Instant consultation_ends_at;        // set when consultation opens
    std::string last_reason;             // the reason of the latest decision
    std::int64_t amends_convention = 0;  // a rule that amends this convention (0: a new one)
    int amends_version = 0;              // the version of it the amendment was written against (0: unknown)
    std::int64_t outcome_id = 0;         // the project or convention it became
    Instant response_due_at;             // a committee's first response is due (set on submission)
    Instant decision_due_at;             // the screening decision is due (set on submission)
    // The committee's first response since submission: a reply in the thread
    // by one who runs the community and did not write the proposal, or an
    // escalation (unset: none yet).
    Instant responded_at;
    // The street or the district resolved an escalation of it (unset: not).
    Instant escalation_resolved_at;
    Instant created_at;
    Instant submitted_at;  // unset (the epoch) until submitted
    Instant updated_at;
};

// Who may see a proposal: anyone once it is public (submitted: neither a
// draft nor a draft withdrawn before submission), its author always. The one rule for every service and store that
// shows proposals.
bool proposalIsPublic(const Proposal& proposal);
bool proposalVisibleTo(const Proposal& proposal, UserId viewer);

// The deadlines a proposal can miss, and when. The one source of the
// overdue rule: overdueReasons() applies it to one proposal, the store turns
// it into its query for the overdue filter.
enum class ProposalDeadline { kResponse, kDecision, kConsultationEnd };

// What, once it happened, ends a wait: the committee's first response, an
// escalation the street or district resolved.
enum class ProposalMark { kResponded, kEscalationResolved };

struct OverdueRule {
    const char* reason;                  // as shown to clients
    std::vector<ProposalState> states;   // late only while in one of these
    ProposalDeadline deadline;           // past this (when set: non-zero)
    std::vector<ProposalMark> ended_by;  // never late once one of these is set
};

// "first_response" while it waits in `submitted` past response_due_at with
// no response (a committee reply in its thread, an escalation) and no
// resolved escalation; "decision" while it waits in `submitted` or
// `screening` past decision_due_at and no escalation of it was resolved;
// "consultation_ended" while it stays in `consultation` past its end date
// (the committee must send it to a vote or close it).
const std::vector<OverdueRule>& overdueRules();

// The deadline's time on `proposal` (Instant(): not set).
Instant deadlineOf(const Proposal& proposal, ProposalDeadline deadline);

// When the mark was set on `proposal` (Instant(): not yet).
Instant markOf(const Proposal& proposal, ProposalMark mark);

// Why a proposal is overdue at `now`, by overdueRules(): late once the
// whole second of the deadline has passed (the store compares seconds too).
// Empty when nothing is late.
std::vector<std::string> overdueReasons(const Proposal& proposal, Instant now);

// The first instant after `now` at which time alone makes `proposal` late by
// a rule it is not late by yet (its deadline set and not passed, in a state
// the rule covers, no mark ending it), by the same rules; unset when none
// would. What a count of overdue topics made at `now` stays right until.
std::optional<Instant> nextOverdueAt(const Proposal& proposal, Instant now);

}  // namespace yishi::domain
