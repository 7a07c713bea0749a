#include "yishi/domain/communities_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kUserSignedUp{"user.signed_up", "user", "", "", ""};
const ChangeKind kMembershipRequested{"membership.requested", "user", "", "", ""};
const ChangeKind kMembershipVerified{"membership.verified", "user", "", "", ""};
const ChangeKind kMembershipRejected{"membership.rejected", "user", "", "", ""};
const ChangeKind kMembershipLeft{"membership.left", "user", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& communities_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kUserSignedUp, &changes::kMembershipRequested,
                                                         &changes::kMembershipVerified, &changes::kMembershipRejected,
                                                         &changes::kMembershipLeft};
    return kinds;
}

}  // namespace yishi::domain
