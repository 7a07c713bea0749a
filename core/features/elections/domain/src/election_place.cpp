#include "election_place.h"

#include <vector>

namespace yishi::domain {

Result<ElectionPlace> findPlace(Stores& s, ScopeRef owner) {
    ElectionPlace place;
    place.owner = owner;
    switch (owner.kind) {
        case ScopeKind::kCommunity:
            place.community_row = s.scopes.community(CommunityId(owner.id));
            if (!place.community_row) return Status::notFound("community.not_found", "There is no such community.");
            place.district = place.community_row->district_id;
            place.community = place.community_row->id;
            place.manifest_scope = "community/" + std::to_string(owner.id);
            break;
        case ScopeKind::kStreet:
            place.street_row = s.scopes.street(StreetId(owner.id));
            if (!place.street_row) return Status::notFound("street.not_found", "There is no such street.");
            place.district = place.street_row->district_id;
            place.manifest_scope = "street/" + std::to_string(owner.id);
            break;
        case ScopeKind::kDistrict:
            if (!s.scopes.district(DistrictId(owner.id)))
                return Status::notFound("district.not_found", "There is no such district.");
            place.district = DistrictId(owner.id);
            place.manifest_scope = "district";
            break;
    }
    return place;
}

bool managesPlace(const Actor& actor, const ElectionPlace& place) {
    if (place.community_row) return actor.canManage(*place.community_row);
    if (place.street_row) return actor.canManage(*place.street_row);
    return actor.isDistrictAdmin(place.district);
}

Result<CommunityId> voterCommunity(Stores& s, const Actor& actor, const Election& election) {
    if (election.owner.kind == ScopeKind::kCommunity) {
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(election.community_id));
        return election.community_id;
    }
    std::vector<Community> theirs;
    for (const Membership& m : actor.memberships()) {
        if (std::optional<Community> c = s.scopes.community(m.community_id)) theirs.push_back(std::move(*c));
    }
    CommunityId where;
    YISHI_RETURN_IF_ERROR(actor.requireVerifiedResidentWithin(election.owner, theirs, &where));
    return where;
}

}  // namespace yishi::domain
