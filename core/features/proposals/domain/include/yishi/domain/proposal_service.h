#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/deadlines.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/proposal_outcome.h"
#include "yishi/domain/proposal_store.h"

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
        std::int64_t election_id = 0;  // send_to_vote (optional)
        std::int64_t budget_fen = -1;  // form_project (required, >= 0)
        std::string responsible;       // form_project (required)
    };

    struct View {
        Proposal proposal;
        std::string author_name;
        std::vector<ProposalId> merged_from;
        std::vector<ProposalAction> allowed_actions;  // for the actor who asked
        std::vector<std::string> overdue;             // see overdueReasons
    };

    struct ListResult {
        Instant now;  // the time `overdue` flags were computed for
        Page<Proposal> page;
        std::vector<std::pair<ProposalState, std::int64_t>> counts;
    };

    struct HistoryEntry {
        Instant at;
        std::string action;
        std::string reason;
        std::string actor_name;  // display name
        std::string actor_role;  // "committee", "district_admin", ... or "resident"
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

    Result<ListResult> list(const Actor& actor, CommunityId community, const ProposalFilter& filter, PageRequest page);

    // Takes an action. form_project creates the project (budget, responsible
    // party), form_convention the convention's first version or, for an
    // amendment, its next version, in the same transaction. Errors: conflict "proposal.action_not_allowed" when the
    // state has no such action for anyone; forbidden "proposal.forbidden" when
    // the actor lacks the role it needs; invalid "proposal.reason_required",
    // "proposal.merge_target", "proposal.consultation_end", "project.budget",
    // "responsible.invalid"; conflict
    // "proposal.kind_mismatch" (a project from a rule, a convention from a
    // wish or problem), "convention.stale_base" (an amendment written against
    // a version that is no longer the current one, until it is rebased).
    Result<View> act(const Actor& actor, ProposalId id, const ActionInput& input);

    // Hands the step `action` (form_project, form_convention) to the feature
    // that forms that outcome. Not thread-safe: called while wiring, before
    // the service is used. Without one, the step answers 409
    // "proposal.outcome_unavailable".
    void setOutcome(ProposalAction action, ProposalOutcome& outcome);

    // The public trace of a proposal, oldest first: officials by role and
    // name, residents by display name only.
    Result<std::vector<HistoryEntry>> history(const Actor& actor, ProposalId id);

  private:
    // Sets the deadlines of a proposal submitted at `now`, by its district's
    // settings (the schedule is the default).
    void setDeadlines(Stores& s, Proposal& p, Instant now) const;

    ProposalOutcome* outcomeFor(ProposalAction action) const;

    Database& db_;
    const Clock& clock_;
    const Schedule schedule_;
    std::vector<std::pair<ProposalAction, ProposalOutcome*>> outcomes_;
};

}  // namespace yishi::domain
