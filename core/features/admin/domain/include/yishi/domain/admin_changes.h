#pragma once

#include <vector>

#include "yishi/domain/change.h"
#include "yishi/domain/people.h"

// The kinds of change the admin feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kStreetCreated;
extern const ChangeKind kCommunityCreated;
extern const ChangeKind kRoleGrantedResident;
extern const ChangeKind kRoleGrantedCommittee;
extern const ChangeKind kRoleGrantedStreetStaff;
extern const ChangeKind kRoleGrantedDistrictAdmin;
extern const ChangeKind kRoleGrantedObserver;
extern const ChangeKind kRoleRevokedCommittee;
extern const ChangeKind kRoleRevokedStreetStaff;
extern const ChangeKind kRoleRevokedDistrictAdmin;
extern const ChangeKind kRoleRevokedObserver;
}  // namespace changes

// The kind for granting `role`.
const ChangeKind& roleGranted(Role role);
// The kind for revoking `role` (resident is not revoked: see AdminService).
const ChangeKind& roleRevoked(Role role);

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& admin_changes();

}  // namespace yishi::domain
