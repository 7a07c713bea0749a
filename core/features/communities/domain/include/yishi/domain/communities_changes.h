#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the communities feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kUserSignedUp;
extern const ChangeKind kMembershipRequested;
extern const ChangeKind kMembershipVerified;
extern const ChangeKind kMembershipRejected;
extern const ChangeKind kMembershipLeft;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& communities_changes();

}  // namespace yishi::domain
