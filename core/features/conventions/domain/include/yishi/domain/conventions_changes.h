#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the conventions feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kConventionAcknowledged;
extern const ChangeKind kAmendmentRebased;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& conventions_changes();

}  // namespace yishi::domain
