#include "yishi/domain/dashboards_changes.h"

namespace yishi::domain {

const std::vector<const ChangeKind*>& dashboards_changes() {
    static const std::vector<const ChangeKind*> kinds;
    return kinds;
}

}  // namespace yishi::domain
