#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/project.h"
#include "yishi/domain/proposal_outcome.h"

namespace yishi::domain {

// 推动实施 and 效果评估: progress and expenses, published as they happen
// (公开之栏), completion, then residents' star ratings. Projects are made by
// ProposalService's form_project step, which it hands over to this service
// (a ProposalOutcome). Reading is public; the committee reports; verified
// residents rate. Thread-safe.
class ProjectService final : public ProposalOutcome {
  public:
    struct View {
        Project project;
        std::vector<ProgressUpdate> progress;
        std::vector<Expense> expenses;
        // Each original expense at its newest correction's amount.
        std::int64_t spent_fen = 0;
        // Spent past the budget: by how much (0 when within it).
        std::int64_t over_budget_fen = 0;
        // The newest correction of each corrected expense, by its id.
        std::map<std::int64_t, std::int64_t> corrected_by;
        std::int64_t ratings = 0;
        double average_stars = 0;  // 0 when not rated yet
        std::optional<int> my_stars;
    };

    ProjectService(Database& db, const Clock& clock);

    Result<View> get(const Actor& actor, ProjectId id);
    Result<Page<Project>> list(CommunityId community, PageRequest page);

    // Committee. invalid "progress.percent" (0..100, never going back),
    // "text.invalid"; conflict "project.completed". An unset `date` (the
    // epoch) is now; so for addExpense.
    Result<View> reportProgress(const Actor& actor, ProjectId id, std::int64_t percent, const std::string& text,
                                Instant date);
    // Committee. invalid "expense.amount" (1..kMaxAmountFen), "purpose.invalid";
    // conflict "expense.total" when the project's expenses would add up to
    // more than kMaxAmountFen (money.h).
    Result<View> addExpense(const Actor& actor, ProjectId id, std::int64_t amount_fen, const std::string& purpose,
                            Instant date);
    // Committee: a new entry correcting expense `corrects` of the project
    // (a correction of a correction corrects the same original) to
    // `amount_fen` (0 or more), with a reason. Never edits the wrong entry.
    // invalid "expense.amount", "purpose.invalid", "expense.reason_required",
    // "reason.invalid"; not_found "expense.not_found".
    Result<View> correctExpense(const Actor& actor, ProjectId id, std::int64_t corrects, std::int64_t amount_fen,
                                const std::string& purpose, const std::string& reason, Instant date);
    // Committee. conflict "project.completed".
    Result<View> complete(const Actor& actor, ProjectId id, const std::string& note);
    // A verified resident, once, after completion. invalid "rating.stars"
    // (1..5); conflict "project.not_completed", "rating.exists".
    Result<View> rate(const Actor& actor, ProjectId id, std::int64_t stars, const std::string& comment);

    // ProposalOutcome: a wish or problem becomes a project with a budget
    // (fen, 0..kMaxAmountFen, else invalid "project.budget") and someone
    // responsible. get() and the writes answer internal "storage.inconsistent"
    // for a project whose stored expenses pass kMaxAmountFen (rows from before
    // the bound).
    Status checkDraft(Stores& stores, Proposal& draft) override;
    Result<std::int64_t> form(Stores& stores, const Proposal& proposal, const ProposalOutcome::Input& input,
                              Instant now) override;

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
