#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the selection feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kPluginReloaded;
extern const ChangeKind kPluginRefused;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& selection_changes();

}  // namespace yishi::domain
