#include "yishi/domain/conventions_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kConventionAcknowledged{"convention.acknowledged", "convention", "convention.acknowledged",
                                         "the resident who acknowledged", ""};
// In the amendment's (the proposal's) public history.
const ChangeKind kAmendmentRebased{"convention.rebased", "proposal", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& conventions_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kConventionAcknowledged,
                                                         &changes::kAmendmentRebased};
    return kinds;
}

}  // namespace yishi::domain
