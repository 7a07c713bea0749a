#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the polls feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kPollCreated;
extern const ChangeKind kPollAnswered;
extern const ChangeKind kServiceDefined;
extern const ChangeKind kRatingPeriodOpened;
extern const ChangeKind kServiceRated;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& polls_changes();

}  // namespace yishi::domain
