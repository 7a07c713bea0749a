#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The dashboards record no change of their own: their figures are derived
// from the records of the features they read, and refreshing them changes
// nothing anyone did (see change.h).
namespace yishi::domain {

// Empty, for changeCatalog().
const std::vector<const ChangeKind*>& dashboards_changes();

}  // namespace yishi::domain
