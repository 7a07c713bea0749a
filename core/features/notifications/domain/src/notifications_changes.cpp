#include "yishi/domain/notifications_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kDeliverySettingsChanged{"notification.delivery_changed", "district", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& notifications_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kDeliverySettingsChanged};
    return kinds;
}

}  // namespace yishi::domain
