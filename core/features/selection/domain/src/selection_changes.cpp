#include "yishi/domain/selection_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kPluginReloaded{"plugin.reloaded", "district", "", "", ""};
const ChangeKind kPluginRefused{"plugin.refused", "district", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& selection_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kPluginReloaded, &changes::kPluginRefused};
    return kinds;
}

}  // namespace yishi::domain
