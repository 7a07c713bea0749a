#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the projects feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kProjectProgress;
extern const ChangeKind kProjectExpense;
extern const ChangeKind kProjectExpenseCorrected;
extern const ChangeKind kProjectCompleted;
extern const ChangeKind kProjectRated;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& projects_changes();

}  // namespace yishi::domain
