#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the notifications feature records (see change.h). A
// person's inbox, follows and preferences are theirs alone and record none;
// a district's outbound delivery is an official setting and does.
namespace yishi::domain {

namespace changes {
extern const ChangeKind kDeliverySettingsChanged;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& notifications_changes();

}  // namespace yishi::domain
