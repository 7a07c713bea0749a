#include "yishi/domain/admin_service.h"

#include <utility>

#include "yishi/domain/admin_changes.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxScopeName = 60;

Status forbidden() { return Status::forbidden("district.forbidden", "Only an admin of this district may do this."); }

}  // namespace

AdminService::AdminService(Database& db, SecretSource& secrets, const Clock& clock)
    : db_(db), secrets_(secrets), clock_(clock) {}

Result<DistrictId> AdminService::districtOf(Stores& s, ScopeRef scope) {
    switch (scope.kind) {
        case ScopeKind::kDistrict:
            if (s.scopes.district(DistrictId(scope.id))) return DistrictId(scope.id);
            return Status::notFound("district.not_found", "There is no such district.");
        case ScopeKind::kStreet:
            if (auto street = s.scopes.street(StreetId(scope.id))) return street->district_id;
            return Status::notFound("street.not_found", "There is no such street.");
        case ScopeKind::kCommunity:
            if (auto c = s.scopes.community(CommunityId(scope.id))) return c->district_id;
            return Status::notFound("community.not_found", "There is no such community.");
    }
    return Status::notFound("scope.not_found", "There is no such scope.");
}

Result<Street> AdminService::createStreet(const Actor& actor, DistrictId district, const std::string& name) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("name", name, kMaxScopeName));
    Street street{StreetId(), district, name};
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(DistrictId d, districtOf(s, {ScopeKind::kDistrict, district.value}));
        if (!actor.isDistrictAdmin(d)) return forbidden();
        street.id = s.scopes.insertStreet(district, name);
        s.record({changes::kStreetCreated, clock_.now(), actor.userId(), street.id.value, CommunityId(), name});
        return Status::ok();
    }));
    return street;
}

Result<Community> AdminService::createCommunity(const Actor& actor, StreetId street, const std::string& name) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("name", name, kMaxScopeName));
    Community community;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Street> st = s.scopes.street(street);
        if (!st) return Status::notFound("street.not_found", "There is no such street.");
        if (!actor.isDistrictAdmin(st->district_id)) return forbidden();
        std::string code = secrets_.newJoinCode();
        while (s.scopes.communityByJoinCode(code)) code = secrets_.newJoinCode();
        community = Community{CommunityId(), street, st->district_id, name, code};
        community.id = s.scopes.insertCommunity(community);
        s.record({changes::kCommunityCreated, clock_.now(), actor.userId(), community.id.value, community.id, name});
        return Status::ok();
    }));
    return community;
}

Result<RoleGrant> AdminService::grantRole(const Actor& actor, UserId user, Role role, ScopeRef scope) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (scopeKindOf(role) != scope.kind) {
        return Status::invalid("role.scope_mismatch", std::string("The role ") + roleName(role) + " is granted on a " +
                                                          scopeKindName(scopeKindOf(role)) + ".");
    }
    RoleGrant grant{user, role, scope, clock_.now(), actor.userId()};
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(DistrictId d, districtOf(s, scope));
        if (!actor.isDistrictAdmin(d)) return forbidden();
        if (!s.users.user(user)) return Status::notFound("user.not_found", "There is no such user.");
        const Instant now = clock_.now();
        const CommunityId community = scope.kind == ScopeKind::kCommunity ? CommunityId(scope.id) : CommunityId();
        if (role == Role::kResident) {
            std::optional<Membership> m = s.users.membership(user, community);
            if (m && m->status == MembershipStatus::kVerified) {
                return Status::conflict("role.exists", "This person already has this role here.");
            }
            s.users.saveMembership(Membership{user, community, MembershipStatus::kVerified, m ? m->joined_at : now, now,
                                              actor.userId(), "granted by the district"});
        } else if (!s.users.insertGrant(grant)) {
            return Status::conflict("role.exists", "This person already has this role here.");
        }
        s.record({roleGranted(role), now, actor.userId(), user.value, community,
                  std::string(scopeKindName(scope.kind)) + ":" + std::to_string(scope.id)});
        return Status::ok();
    }));
    return grant;
}

Result<RoleGrant> AdminService::revokeRole(const Actor& actor, UserId user, Role role, ScopeRef scope,
                                           const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (role == Role::kResident) {
        return Status::invalid("role.resident_is_membership",
                               "A resident's membership is rejected by the committee or left by the resident.");
    }
    if (scopeKindOf(role) != scope.kind) {
        return Status::invalid("role.scope_mismatch", std::string("The role ") + roleName(role) + " is granted on a " +
                                                          scopeKindName(scopeKindOf(role)) + ".");
    }
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, 200));
    RoleGrant revoked{user, role, scope, clock_.now(), actor.userId()};
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(DistrictId d, districtOf(s, scope));
        if (!actor.isDistrictAdmin(d)) return forbidden();
        if (!s.users.deleteGrant(user, role, scope))
            return Status::notFound("role.not_found", "This person does not have this role here.");
        const CommunityId community = scope.kind == ScopeKind::kCommunity ? CommunityId(scope.id) : CommunityId();
        std::string trace = std::string(scopeKindName(scope.kind)) + ":" + std::to_string(scope.id);
        if (!reason.empty()) trace += " " + reason;
        s.record({roleRevoked(role), clock_.now(), actor.userId(), user.value, community, trace});
        return Status::ok();
    }));
    return revoked;
}

Result<Page<AuditEntry>> AdminService::auditLog(const Actor& actor, DistrictId district, AuditQuery query,
                                                PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Page<AuditEntry> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.district(district)) return Status::notFound("district.not_found", "There is no such district.");
        const bool whole_district = actor.isDistrictAdmin(district) || actor.isObserver(district);
        if (query.community.valid()) {
            std::optional<Community> c = s.scopes.community(query.community);
            if (!c || c->district_id != district)
                return Status::notFound("community.not_found", "There is no such community in this district.");
            if (!whole_district && !actor.canOversee(*c))
                return Status::forbidden("audit.forbidden", "Only those who oversee this community read its log.");
        } else if (!whole_district) {
            return Status::forbidden("audit.forbidden",
                                     "The district's log is for its admins and observers; a committee reads its "
                                     "community's (?community=).");
        }
        query.district = district;
        query.unscoped = whole_district;
        out = s.audit.query(query, page);
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
