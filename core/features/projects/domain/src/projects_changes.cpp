#include "yishi/domain/projects_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kProjectProgress{"project.progress", "project", "", "", ""};
const ChangeKind kProjectExpense{"project.expense", "project", "", "", ""};
const ChangeKind kProjectExpenseCorrected{"project.expense_corrected", "project", "", "", ""};
const ChangeKind kProjectCompleted{"project.completed", "project", "project.completed", "", ""};
const ChangeKind kProjectRated{"project.rated", "project", "project.rated", "the resident who rated", "stars"};
}  // namespace changes

const std::vector<const ChangeKind*>& projects_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kProjectProgress, &changes::kProjectExpense,
                                                         &changes::kProjectExpenseCorrected,
                                                         &changes::kProjectCompleted, &changes::kProjectRated};
    return kinds;
}

}  // namespace yishi::domain
