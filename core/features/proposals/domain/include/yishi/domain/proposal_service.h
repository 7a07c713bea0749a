#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/change.h"
#include "yishi/domain/deadlines.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/proposal_outcome.h"
#include "yishi/domain/proposal_step_listener.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/proposal_voting.h"

namespace yishi::domain {

// Topics (议题) through the 议事 chain: raising, screening, consultation,
// decision, and what they become. Each change is checked against the
// lifecycle table (proposalTransitions) and the actor's role, and writes an
// audit entry and an outbox event in its transaction. Thread-safe.
class ProposalService {
  public:
    struct Draft {
        ProposalKind kind = ProposalKind::kProblem;
        std::string title;
        std::string body;
        bool submit = false;                 // submit at once instead of keeping a draft
        std::int64_t amends_convention = 0;  // rules only: the convention it would amend
        int amends_version = 0;              // the version of it the author read (0: the current one)
    };

    // Parameters some actions need.
    struct ActionInput {
        ProposalAction action = ProposalAction::kSubmit;
        std::string reason;
        ProposalId merge_target;       // merge
        Instant consultation_ends_at;  // open_consultation
        std::int64_t election_id = 0;  // send_to_vote (optional): attach this referendum
        Instant vote_closes_at;        // send_to_vote (optional): when the referendum closes
        // send_to_vote: residents vote at a meeting (居民会议) instead of by
        // ballot; the committee then records the decision with its reason.
        bool vote_at_meeting = false;
        std::int64_t budget_fen = -1;  // form_project (required, >= 0)
        std::string responsible;       // form_project (required)
        // submit and resubmit: the author's revised words (unset: kept).
        std::optional<std::string> title;
        std::optional<std::string> body;
        // send_to_vote, close_without_vote before the consultation's announced
        // end: why it ends early (required then; shown in the history).
        std::string early_end_reason;
    };

    // The author's revision of a draft or of a proposal that awaits revision.
    struct Edit {
        std::optional<std::string> title;  // unset: kept
        std::optional<std::string> body;   // unset: kept
    };

    struct View {
        Proposal proposal;
        std::string author_name;
        std::vector<ProposalId> merged_from;
        std::vector<ProposalAction> allowed_actions;  // for the actor who asked: each would succeed
        bool editable = false;                        // the actor who asked may edit it (edit())
        std::vector<std::string> overdue;             // see overdueReasons
    };

    // A proposal as lists show it: who wrote it and how much it is discussed.
    struct ListItem {
        Proposal proposal;
        std::string author_name;
        ProposalActivity activity;
    };

    struct ListResult {
        Instant now;  // the time `overdue` flags were computed for
        Page<ListItem> page;
        std::vector<std::pair<ProposalState, std::int64_t>> counts;
        // Whoever has drafts in the community, by id: the list reads
        // differently to them (their drafts are in it), and the same to
        // everyone else.
        std::vector<UserId> draft_authors;
    };

    struct HistoryEntry {
        Instant at;
        std::string action;
        std::string reason;
        std::string actor_name;  // display name
        std::string actor_role;  // "committee", "district_admin", ... or "resident"
        // Made for the actor by a helper (帮办代办, docs/grids.md): the
        // helper's display name, role and the consent; empty otherwise.
        std::string assisted_by_name = {};
        std::string assisted_role = {};
        std::string consent = {};
        std::string consent_note = {};
    };

    // When proposals are due: the district's working days and deadline rules.
    struct Schedule {
        WorkingCalendar calendar{{}, kChinaUtcOffset};
        DeadlineRules rules;
    };

    // Without a schedule: no holidays, China's time zone, the default rules.
    ProposalService(Database& db, const Clock& clock);
    ProposalService(Database& db, const Clock& clock, Schedule schedule);

    // A verified resident (or the committee) raises a topic. Errors:
    // unauthenticated; forbidden "membership.*"; invalid "title.invalid",
    // "body.invalid", "proposal.amends" (not a rule, no such convention in
    // the community, or no such version of it); conflict
    // "convention.stale_base" (the version read is no longer the current
    // one); not_found "community.not_found".
    Result<View> create(const Actor& actor, CommunityId community, const Draft& draft);

    // Drafts are visible to their author only (not_found for others).
    Result<View> get(const Actor& actor, ProposalId id);

    // The community's proposals the actor may see (others' drafts never, in
    // the search too), filtered and sorted as `filter` says. not_found
    // "community.not_found".
    Result<ListResult> list(const Actor& actor, CommunityId community, const ProposalFilter& filter, PageRequest page);

    // Takes an action. form_project creates the project (budget, responsible
    // party), form_convention the convention's first version or, for an
    // amendment, its next version, in the same transaction. The checks that
    // do not depend on the input come first, in this order, and are the ones
    // View::allowed_actions is made from, so an offered action never fails
    // them: conflict "proposal.action_not_allowed" when the state has no such
    // action for anyone; forbidden "proposal.own_proposal" when the step is
    // the committee's and the actor wrote the proposal (nobody decides on
    // their own), "proposal.forbidden" when the actor lacks the role it
    // needs; conflict "proposal.kind_mismatch" (a project from a rule, a
    // convention from a wish or problem), "proposal.outcome_unavailable".
    // Then the input: invalid "proposal.reason_required",
    // "proposal.early_end_reason" (ending a consultation before its
    // announced end without saying why, or the field with another action),
    // "proposal.edit_not_allowed" (title or body with an action other than
    // submit or resubmit), "title.invalid", "body.invalid",
    // "proposal.merge_target", "proposal.consultation_end", "project.budget",
    // "responsible.invalid"; conflict
    // "proposal.kind_mismatch" (a project from a rule, a convention from a
    // wish or problem), "convention.stale_base" (an amendment written against
    // a version that is no longer the current one, until it is rebased).
    // The proposal's `last_reason` becomes this step's reason (empty when it
    // gave none): earlier reasons stay in the history.
    Result<View> act(const Actor& actor, ProposalId id, const ActionInput& input);

    // The author revises the title or body of a draft, or of a proposal that
    // awaits revision; the history records the edit. forbidden
    // "proposal.not_author"; conflict "proposal.not_editable" (other
    // states); invalid "title.invalid", "body.invalid"; not_found.
    Result<View> edit(const Actor& actor, ProposalId id, const Edit& edit);

    // Hands the step `action` (form_project, form_convention) to the feature
    // that forms that outcome. Not thread-safe: called while wiring, before
    // the service is used. Without one, the step answers 409
    // "proposal.outcome_unavailable".
    void setOutcome(ProposalAction action, ProposalOutcome& outcome);
    // Where send_to_vote opens its referendum. Without one (a server with no
    // elections), send_to_vote only records an election_id given to it.
    // Call before the server starts; not thread-safe.
    void setVoting(ProposalVoting& voting) { voting_ = &voting; }
    // Tells `listener` of every step act() takes, inside its transaction
    // (ProposalStepListener). Call before the server starts; not thread-safe.
    void addStepListener(ProposalStepListener& listener) { listeners_.push_back(&listener); }

    // The published result of election `election_id` decides a proposal
    // waiting for it, inside the publishing transaction: a referendum on it
    // (adopted when yes outnumbered no) or a 民心项目 round it is an option
    // of (adopted when selected); else not_adopted. The history names the
    // election. Nothing happens (OK) when the proposal is no longer waiting
    // for that election.
    Status decideByVote(Stores& s, ProposalId id, std::int64_t election_id, bool adopted, Instant now);

    // A 民心项目 round takes accepted wishes as its options
    // (docs/proposal-lifecycle.md, "Wishes in a 民心项目 round"): inside the
    // transaction that creates election `election_id`, the wish `id` moves
    // from accepted to voting, waiting for that election (a step outside the
    // lifecycle table, taken by whoever created the round; the history
    // names the election). Its result then decides it (decideByVote), and
    // while it runs the committee cannot (proposal.decided_by_vote). conflict
    // "proposal.action_not_allowed" unless it is an accepted wish; not_found
    // "proposal.not_found".
    Status enterRound(Stores& s, const Actor& actor, ProposalId id, std::int64_t election_id, Instant now);
    // Inside the transaction of a 民心项目 round's decision
    // (docs/wish-rounds.md): forms the project of the wish `id`, adopted by
    // that round's election, with `input` (the wish's cost as its budget),
    // as form_project would (a step of the system, its reason `reason`).
    // Returns the project's id. conflict "proposal.action_not_allowed" (not
    // an adopted wish), conflict "proposal.outcome_unavailable" (no projects feature).
    Result<std::int64_t> formProjectOfRound(Stores& s, ProposalId id, const ProposalOutcome::Input& input,
                                            const std::string& reason, Instant now);

    // Entries of `kind` in a proposal's history are shown only to the one
    // who acted: supports are counted in public, never listed by name. Not
    // thread-safe: called while wiring, before the service is used.
    void keepActorPrivate(const ChangeKind& kind);

    // The public trace of a proposal, oldest first: officials by role and
    // name, residents by display name only; entries of the kinds kept
    // private (keepActorPrivate) only for the one who acted.
    Result<std::vector<HistoryEntry>> history(const Actor& actor, ProposalId id);

  private:
    // Sets the deadlines of a proposal submitted at `now`, by its district's
    // settings (the schedule is the default).
    void setDeadlines(Stores& s, Proposal& p, Instant now) const;

    ProposalOutcome* outcomeFor(ProposalAction action) const;

    // The checks of act() that do not depend on its input (see act()); on
    // success `step` is the row taken.
    Status permits(const Actor& actor, const Proposal& p, const Community& c, ProposalAction action,
                   ProposalTransition* step) const;
    // Every action permits() lets `actor` take now.
    std::vector<ProposalAction> allowedActions(const Actor& actor, const Proposal& p, const Community& c) const;
    View viewOf(Stores& s, const Actor& actor, Proposal p, const Community& c) const;

    Database& db_;
    const Clock& clock_;
    const Schedule schedule_;
    // send_to_vote with elections: the referendum the step records, opened
    // (or checked, when the caller names one) before the step's transaction.
    Result<std::int64_t> referendumFor(const Actor& actor, ProposalId id, const ActionInput& input);

    std::vector<std::pair<ProposalAction, ProposalOutcome*>> outcomes_;
    ProposalVoting* voting_ = nullptr;
    std::vector<ProposalStepListener*> listeners_;
    std::vector<std::string> private_actions_;  // audit actions of the kinds kept private
};

}  // namespace yishi::domain
