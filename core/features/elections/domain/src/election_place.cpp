#include "election_place.h"

#include <vector>

#include "yishi/domain/scope_place.h"

namespace yishi::domain {

Result<ElectionPlace> findPlace(Stores& s, ScopeRef owner) {
    YISHI_ASSIGN_OR_RETURN(ScopePlace found, findScopePlace(s.scopes, owner));
    ElectionPlace place;
    place.owner = owner;
    place.district = found.district;
    if (found.community) place.community = found.community->id;
    place.community_row = std::move(found.community);
    place.street_row = std::move(found.street);
    switch (owner.kind) {
        case ScopeKind::kCommunity: place.manifest_scope = "community/" + std::to_string(owner.id); break;
        case ScopeKind::kStreet: place.manifest_scope = "street/" + std::to_string(owner.id); break;
        case ScopeKind::kDistrict: place.manifest_scope = "district"; break;
    }
    return place;
}

bool managesPlace(const Actor& actor, const ElectionPlace& place) {
    return managesScopePlace(actor, {place.owner, place.district, "", place.community_row, place.street_row});
}

Result<CommunityId> voterCommunity(Stores& s, const Actor& actor, const Election& election) {
    if (election.owner.kind == ScopeKind::kCommunity) {
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(election.community_id));
        return election.community_id;
    }
    CommunityId where;
    YISHI_RETURN_IF_ERROR(actor.requireVerifiedResidentWithin(election.owner, communitiesOf(s.scopes, actor), &where));
    return where;
}

}  // namespace yishi::domain
