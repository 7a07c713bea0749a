#include "yishi/domain/actor.h"

#include <algorithm>
#include <utility>

namespace yishi::domain {

Actor::Actor(User user, std::vector<RoleGrant> grants, std::vector<Membership> memberships)
    : user_(std::move(user)), grants_(std::move(grants)), memberships_(std::move(memberships)) {}

std::vector<RoleGrant> Actor::roles() const {
    std::vector<RoleGrant> out = grants_;
    for (const Membership& m : memberships_) {
        if (m.status != MembershipStatus::kVerified) continue;
        out.push_back(
            {m.user_id, Role::kResident, {ScopeKind::kCommunity, m.community_id.value}, m.decided_at, m.decided_by});
    }
    return out;
}

bool Actor::hasGrant(Role role, ScopeRef scope) const {
    return std::any_of(grants_.begin(), grants_.end(),
                       [&](const RoleGrant& g) { return g.role == role && g.scope == scope; });
}

bool Actor::isDistrictAdmin(DistrictId district) const {
    return hasGrant(Role::kDistrictAdmin, {ScopeKind::kDistrict, district.value});
}

bool Actor::isStreetStaff(StreetId street) const {
    return hasGrant(Role::kStreetStaff, {ScopeKind::kStreet, street.value});
}

bool Actor::isCommittee(CommunityId community) const {
    return hasGrant(Role::kCommittee, {ScopeKind::kCommunity, community.value});
}

bool Actor::isObserver(DistrictId district) const {
    return hasGrant(Role::kObserver, {ScopeKind::kDistrict, district.value});
}

std::optional<MembershipStatus> Actor::membershipIn(CommunityId community) const {
    for (const Membership& m : memberships_) {
        if (m.community_id == community) return m.status;
    }
    return std::nullopt;
}

bool Actor::isVerifiedResident(CommunityId community) const {
    return membershipIn(community) == MembershipStatus::kVerified;
}

bool Actor::canManage(const Community& community) const {
    return isCommittee(community.id) || isDistrictAdmin(community.district_id);
}

bool Actor::canManage(const Street& street) const {
    return isStreetStaff(street.id) || isDistrictAdmin(street.district_id);
}

bool Actor::canOversee(const Community& community) const {
    return canManage(community) || isStreetStaff(community.street_id) || isObserver(community.district_id);
}

const char* Actor::publicRoleIn(const Community& community) const {
    if (isCommittee(community.id)) return "committee";
    if (isDistrictAdmin(community.district_id)) return "district_admin";
    if (isStreetStaff(community.street_id)) return "street_staff";
    return "resident";
}

Status Actor::requireSignedIn() const {
    if (isAuthenticated()) return Status::ok();
    return Status::unauthenticated("session.required", "Please log in first.");
}

Status Actor::requireVerifiedResident(CommunityId community) const {
    YISHI_RETURN_IF_ERROR(requireSignedIn());
    std::optional<MembershipStatus> status = membershipIn(community);
    if (!status) {
        return Status::forbidden("membership.none", "You are not a resident of this community.");
    }
    switch (*status) {
        case MembershipStatus::kVerified: return Status::ok();
        case MembershipStatus::kPending:
            return Status::forbidden("membership.pending",
                                     "The committee has not verified your membership yet; "
                                     "until then you may read but not take part.");
        case MembershipStatus::kRejected:
            return Status::forbidden("membership.rejected", "Your membership of this community was rejected.");
        case MembershipStatus::kLeft: break;
    }
    return Status::forbidden("membership.none", "You are not a resident of this community.");
}

Status Actor::requireVerifiedResidentWithin(ScopeRef scope, const std::vector<Community>& theirs,
                                            CommunityId* where) const {
    YISHI_RETURN_IF_ERROR(requireSignedIn());
    std::optional<Status> refusal;
    for (const Membership& m : memberships_) {
        const auto c =
            std::find_if(theirs.begin(), theirs.end(), [&](const Community& x) { return x.id == m.community_id; });
        if (c == theirs.end() || !scopeContains(scope, *c)) continue;
        if (m.status == MembershipStatus::kVerified) {
            *where = m.community_id;
            return Status::ok();
        }
        if (!refusal && m.status != MembershipStatus::kLeft) refusal = requireVerifiedResident(m.community_id);
    }
    if (refusal) return *refusal;
    return Status::forbidden(
        "membership.outside_scope",
        std::string("You are not a verified resident of a community in this ") + scopeKindName(scope.kind) + ".");
}

}  // namespace yishi::domain
