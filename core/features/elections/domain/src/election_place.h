#pragma once

#include <optional>
#include <string>

#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/election.h"
#include "yishi/domain/ports.h"

// Where an election belongs (a community, a street, the district) and what
// follows from it: who runs it, who votes in it, which district's plugins
// select. Used by ElectionService only.
namespace yishi::domain {

struct ElectionPlace {
    ScopeRef owner;
    DistrictId district;
    CommunityId community;       // a community's election only
    std::string manifest_scope;  // election-record.md 5.3: community/<id>, street/<id>, district
    std::optional<Community> community_row;
    std::optional<Street> street_row;
};

// The place `owner` names, as the scopes hold it now. not_found
// "community.not_found", "street.not_found", "district.not_found".
Result<ElectionPlace> findPlace(Stores& s, ScopeRef owner);

// Those who manage the place run its elections: a community's committee or
// its district's admins; a street's staff or its district's admins; the
// district's admins.
bool managesPlace(const Actor& actor, const ElectionPlace& place);

// The community within the election's scope in which `actor` is a verified
// resident (the one a vote counts for). A community's election asks
// requireVerifiedResident of that community; a street's or the district's
// asks requireVerifiedResidentWithin over the person's memberships.
Result<CommunityId> voterCommunity(Stores& s, const Actor& actor, const Election& election);

}  // namespace yishi::domain
