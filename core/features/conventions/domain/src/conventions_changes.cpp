#include "yishi/domain/conventions_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kConventionAcknowledged{"convention.acknowledged", "convention", "convention.acknowledged",
                                         "the resident who acknowledged", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& conventions_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kConventionAcknowledged};
    return kinds;
}

}  // namespace yishi::domain
