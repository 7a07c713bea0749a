#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the settings feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kDistrictSettingsChanged;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& settings_changes();

}  // namespace yishi::domain
