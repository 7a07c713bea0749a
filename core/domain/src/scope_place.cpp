#include "yishi/domain/scope_place.h"

namespace yishi::domain {

Result<ScopePlace> findScopePlace(ScopeStore& scopes, ScopeRef scope) {
    ScopePlace p{scope, DistrictId(), "", std::nullopt, std::nullopt};
    switch (scope.kind) {
        case ScopeKind::kCommunity:
            p.community = scopes.community(CommunityId(scope.id));
            if (!p.community) return Status::notFound("community.not_found", "There is no such community.");
            p.district = p.community->district_id;
            p.name = p.community->name;
            break;
        case ScopeKind::kStreet:
            p.street = scopes.street(StreetId(scope.id));
            if (!p.street) return Status::notFound("street.not_found", "There is no such street.");
            p.district = p.street->district_id;
            p.name = p.street->name;
            break;
        case ScopeKind::kDistrict: {
            std::optional<District> d = scopes.district(DistrictId(scope.id));
            if (!d) return Status::notFound("district.not_found", "There is no such district.");
            p.district = d->id;
            p.name = d->name;
            break;
        }
    }
    return p;
}

bool managesScopePlace(const Actor& actor, const ScopePlace& place) {
    if (place.community) return actor.canManage(*place.community);
    if (place.street) return actor.canManage(*place.street);
    return actor.isDistrictAdmin(place.district);
}

std::vector<Community> communitiesOf(ScopeStore& scopes, const Actor& actor) {
    std::vector<Community> theirs;
    for (const Membership& m : actor.memberships()) {
        if (std::optional<Community> c = scopes.community(m.community_id)) theirs.push_back(std::move(*c));
    }
    return theirs;
}

}  // namespace yishi::domain
