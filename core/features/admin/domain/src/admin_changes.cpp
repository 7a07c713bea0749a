#include "yishi/domain/admin_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kStreetCreated{"street.created", "street", "", "", ""};
const ChangeKind kCommunityCreated{"community.created", "community", "", "", ""};
const ChangeKind kRoleGrantedResident{"role.granted.resident", "user", "", "", ""};
const ChangeKind kRoleGrantedCommittee{"role.granted.committee", "user", "", "", ""};
const ChangeKind kRoleGrantedStreetStaff{"role.granted.street_staff", "user", "", "", ""};
const ChangeKind kRoleGrantedDistrictAdmin{"role.granted.district_admin", "user", "", "", ""};
const ChangeKind kRoleGrantedObserver{"role.granted.observer", "user", "", "", ""};
const ChangeKind kRoleRevokedCommittee{"role.revoked.committee", "user", "", "", ""};
const ChangeKind kRoleRevokedStreetStaff{"role.revoked.street_staff", "user", "", "", ""};
const ChangeKind kRoleRevokedDistrictAdmin{"role.revoked.district_admin", "user", "", "", ""};
const ChangeKind kRoleRevokedObserver{"role.revoked.observer", "user", "", "", ""};
}  // namespace changes

const ChangeKind& roleGranted(Role role) {
    switch (role) {
        case Role::kResident: return changes::kRoleGrantedResident;
        case Role::kCommittee: return changes::kRoleGrantedCommittee;
        case Role::kStreetStaff: return changes::kRoleGrantedStreetStaff;
        case Role::kDistrictAdmin: return changes::kRoleGrantedDistrictAdmin;
        case Role::kObserver: return changes::kRoleGrantedObserver;
    }
    return changes::kRoleGrantedResident;
}

const ChangeKind& roleRevoked(Role role) {
    switch (role) {
        case Role::kResident:
        case Role::kCommittee: return changes::kRoleRevokedCommittee;
        case Role::kStreetStaff: return changes::kRoleRevokedStreetStaff;
        case Role::kDistrictAdmin: return changes::kRoleRevokedDistrictAdmin;
        case Role::kObserver: return changes::kRoleRevokedObserver;
    }
    return changes::kRoleRevokedCommittee;
}

const std::vector<const ChangeKind*>& admin_changes() {
    static const std::vector<const ChangeKind*> kinds = {
        &changes::kStreetCreated,          &changes::kCommunityCreated,
        &changes::kRoleGrantedResident,    &changes::kRoleGrantedCommittee,
        &changes::kRoleGrantedStreetStaff, &changes::kRoleGrantedDistrictAdmin,
        &changes::kRoleGrantedObserver,    &changes::kRoleRevokedCommittee,
        &changes::kRoleRevokedStreetStaff, &changes::kRoleRevokedDistrictAdmin,
        &changes::kRoleRevokedObserver};
    return kinds;
}

}  // namespace yishi::domain
