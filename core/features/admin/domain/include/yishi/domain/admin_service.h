#pragma once

#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// What a district admin does to shape the district: streets, communities,
// and role grants. Each call requires district_admin on the district that
// contains the target (forbidden "district.forbidden" otherwise) and leaves
// an audit entry. Thread-safe.
class AdminService {
  public:
    AdminService(Database& db, SecretSource& secrets, const Clock& clock);

    // not_found "district.not_found"; invalid "name.invalid".
    Result<Street> createStreet(const Actor& actor, DistrictId district, const std::string& name);

    // The community gets a fresh random join code. not_found "street.not_found".
    Result<Community> createCommunity(const Actor& actor, StreetId street, const std::string& name);

    // Grants `role` on `scope` to `user`. The scope kind must suit the role
    // (invalid "role.scope_mismatch"); granting resident verifies a
    // membership. Errors: not_found "user.not_found", "<scope>.not_found";
    // conflict "role.exists".
    Result<RoleGrant> grantRole(const Actor& actor, UserId user, Role role, ScopeRef scope);

    // Takes back `role` on `scope` from `user`, by whoever may grant it (a
    // district admin of the scope's district), with an optional reason; an
    // audit row "role.revoked.<role>" records it. The person's sessions stay,
    // their next request no longer carries the role. Errors: invalid
    // "role.scope_mismatch", "role.resident_is_membership" (a resident's
    // membership is rejected by the committee or left by the resident),
    // "reason.invalid"; not_found "role.not_found", "<scope>.not_found".
    Result<RoleGrant> revokeRole(const Actor& actor, UserId user, Role role, ScopeRef scope, const std::string& reason);

    // The audit log of `district` (newest first, paged): its admins and
    // observers read all of it, rows tied to no community included (but
    // never logins); those who oversee a community (its committee, its
    // street's staff) read that community's with `query.community` set.
    // `query.district` is set from `district`. Errors: not_found
    // "district.not_found", "community.not_found" (not in the district);
    // forbidden "audit.forbidden".
    Result<Page<AuditEntry>> auditLog(const Actor& actor, DistrictId district, AuditQuery query, PageRequest page);

  private:
    // The district containing `scope`, or not_found.
    Result<DistrictId> districtOf(Stores& stores, ScopeRef scope);

    Database& db_;
    SecretSource& secrets_;
    const Clock& clock_;
};

}  // namespace yishi::domain
