#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the points feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kVolunteerLogged;
extern const ChangeKind kRewardCreated;
extern const ChangeKind kRewardUpdated;
extern const ChangeKind kRewardRedeemed;
extern const ChangeKind kRewardHandedOver;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& points_changes();

}  // namespace yishi::domain
