#include "yishi/domain/settings_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kDistrictSettingsChanged{"district.settings_changed", "district", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& settings_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kDistrictSettingsChanged};
    return kinds;
}

}  // namespace yishi::domain
