#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/scope.h"

namespace yishi::domain {

// A person's account. The password hash is an opaque string produced by the
// PasswordHasher port; it never leaves the server.
struct User {
    UserId id;
    std::string login;
    std::string display_name;
    std::string password_hash;
    Instant created_at;
};

// Roles other than resident are granted on a scope. A resident is a user
// with a verified Membership of a community (see below).
enum class Role { kResident, kCommittee, kStreetStaff, kDistrictAdmin, kObserver };

const char* roleName(Role role);
bool parseRole(const std::string& text, Role* role);

// The scope kind a role is granted on: committee on a community,
// street_staff on a street, district_admin and observer on a district.
ScopeKind scopeKindOf(Role role);

struct RoleGrant {
    UserId user_id;
    Role role = Role::kObserver;
    ScopeRef scope;
    Instant granted_at;
    UserId granted_by;
};

// Joining a community with its 社区码 makes a pending membership; a
// committee member verifies or rejects it. A pending person may read public
// content but may not act.
// kLeft: the resident ended it themselves; they may join again.
enum class MembershipStatus { kPending, kVerified, kRejected, kLeft };

const char* membershipStatusName(MembershipStatus status);
bool parseMembershipStatus(const std::string& text, MembershipStatus* status);

struct Membership {
    UserId user_id;
    CommunityId community_id;
    MembershipStatus status = MembershipStatus::kPending;
    Instant joined_at;
    Instant decided_at;  // unset (the epoch) while pending
    UserId decided_by;   // invalid while pending
    std::string reason;  // why it was rejected (or a note on verification)
};

enum class VerificationDecision { kVerify, kReject };

bool parseVerificationDecision(const std::string& text, VerificationDecision* decision);

// The membership state machine. Returns the status after `decision`:
//   pending  + verify -> verified
//   pending  + reject -> rejected   (REQUIRES a non-empty reason)
//   verified + reject -> rejected   (revocation, REQUIRES a reason)
// Anything else is a conflict ("membership.not_pending" or
// "membership.already_verified"); a missing reason is invalid
// ("membership.reason_required").
Result<MembershipStatus> decideMembership(MembershipStatus current, VerificationDecision decision,
                                          const std::string& reason);

// Whether a person whose membership is in `current` may join again with the
// code: only after a rejection. Otherwise a conflict ("membership.exists").
Status checkRejoin(MembershipStatus current);

}  // namespace yishi::domain
