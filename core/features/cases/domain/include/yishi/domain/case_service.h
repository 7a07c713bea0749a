#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/case.h"
#include "yishi/domain/case_routing.h"
#include "yishi/domain/case_store.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal_step_listener.h"

namespace yishi::domain {

// What may be done to a case, by whom (docs/cases.md).
enum class CaseAction {
    kAssign,     // those who run the community: give an open case to someone responsible
    kReassign,   // those who run the community: hand an in-progress case to someone else (转办)
    kStep,       // those who run the community: a visible step, while open or in progress
    kDone,       // those who run the community: 办结 an in-progress case
    kRate,       // the resident who raised it: rate a done case
    kNotSolved,  // the resident who raised it: say a done case is not solved
    kFollowUp,   // those who run the community: 回访, once done or closed
};

const char* caseActionName(CaseAction action);

// The closed loop on problems (docs/cases.md): a `problem` the committee
// accepts becomes a case at once (this service listens to the proposal
// lifecycle), which the committee assigns, works on in visible steps and
// marks done; the resident who raised it rates it, and a low rating or "not
// solved" reopens it. Every change is an entry of the case's record and a
// Change of the proposal's trace, in one transaction; the community's
// figures are computed from the entries. Reading is public (a case belongs
// to a public proposal). Thread-safe.
class CaseService final : public ProposalStepListener {
  public:
    struct Person {
        UserId id;
        std::string display_name;
    };

    struct Entry {
        CaseEntry entry;
        std::string by_name;  // display name; empty for the system
        std::string by_role;  // as Actor::publicRoleIn: "committee", ..., "resident"
        std::string assignee_name;
        // Done by a helper for `by` (帮办代办, read from the audit row of the
        // act): the helper's name, role and the consent; empty for own acts.
        std::string assisted_by_name = {};
        std::string assisted_role = {};
        std::string consent = {};
        std::string consent_note = {};
    };

    struct View {
        Case c;
        std::string title;  // the problem's
        std::string raised_by_name;
        std::string assignee_name;                // empty while nobody is responsible
        std::vector<Entry> entries;               // oldest first
        std::vector<CaseAction> allowed_actions;  // for the actor who asked: each passes the role and state checks
        // Whom the actor may give the case to (assign, reassign), when they may.
        std::vector<Person> assignable;
    };

    CaseService(Database& db, const Clock& clock);

    // Who besides the committee works on cases, and who gets a new one
    // (docs/grids.md). Set once at start, before any request; without it a
    // case goes to the committee alone.
    void setRouting(CaseRouting& routing) { routing_ = &routing; }

    // not_found "case.not_found" (also when the proposal has no case).
    Result<View> get(const Actor& actor, CaseId id);
    Result<View> ofProposal(const Actor& actor, ProposalId proposal);
    // not_found "community.not_found".
    Result<Page<CaseSummary>> list(CommunityId community, std::optional<CaseState> state, PageRequest page);

    // Those who run the case's community (else forbidden "case.forbidden").
    // The one responsible (a 网格员 among them) works on it too: steps,
    // 办结 and 回访. An open case is assigned; an in-progress one is handed on (转办), which
    // needs a reason (invalid "case.reason_required"). invalid "case.assignee"
    // (not one of assignable), "reason.invalid"; conflict "case.same_assignee",
    // "case.finished" (done or closed).
    Result<View> assign(const Actor& actor, CaseId id, UserId assignee, const std::string& reason);
    // A visible step of the work, while open or in progress. invalid
    // "text.invalid"; conflict "case.finished".
    Result<View> addStep(const Actor& actor, CaseId id, const std::string& text);
    // 办结 with what was done. invalid "summary.invalid"; conflict
    // "case.not_assigned" (open), "case.finished" (done or closed already).
    Result<View> markDone(const Actor& actor, CaseId id, const std::string& summary);
    // The resident who raised it (else forbidden "case.not_raiser"), once the
    // case is done: stars 1..5 for the handling and for the result (invalid
    // "case.stars"), whether it is solved, a comment ("comment.invalid"). A
    // result of 2 stars or fewer, or solved = false, reopens the case.
    // conflict "case.not_done" (open, in progress), "case.closed" (rated already).
    Result<View> rate(const Actor& actor, CaseId id, std::int64_t handling_stars, std::int64_t result_stars,
                      bool solved, const std::string& comment);
    // The resident who raised it says a done case is not solved: it reopens.
    // invalid "case.reason_required", "reason.invalid"; forbidden
    // "case.not_raiser"; conflict "case.not_done", "case.closed".
    Result<View> notSolved(const Actor& actor, CaseId id, const std::string& reason);
    // 回访 by those who run the community, once done or closed. invalid
    // "note.invalid"; conflict "case.not_done".
    Result<View> followUp(const Actor& actor, CaseId id, const std::string& note);

    // The community's figures (CaseStats). not_found "community.not_found".
    Result<CaseStats> stats(CommunityId community);

    // ProposalStepListener: accepting a problem opens its case, in the
    // accepting transaction, assigned at once to the routing's default
    // assignee when there is one (the 网格员 of the problem's grid).
    Status afterStep(Stores& stores, const Actor& actor, const Proposal& proposal, ProposalAction action,
                     Instant now) override;

  private:
    using Write = std::function<Status(Stores&, Case&, const Community&, Instant)>;
    // Runs `write` on the case in one write transaction and answers the view after it.
    Result<View> change(const Actor& actor, CaseId id, const Write& write);

    Database& db_;
    const Clock& clock_;
    CaseRouting* routing_ = nullptr;
};

}  // namespace yishi::domain
