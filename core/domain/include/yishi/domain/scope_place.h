#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/scope.h"

// A node of the administrative tree as the scopes hold it now, for what
// belongs to a community, a street or the district (a street's election, a
// district's 民心项目 round): its district, its name, who manages it.
namespace yishi::domain {

struct ScopePlace {
    ScopeRef scope;
    DistrictId district;
    std::string name;
    std::optional<Community> community;  // a community's place only
    std::optional<Street> street;        // a street's place only
};

// The place `scope` names. not_found "community.not_found",
// "street.not_found", "district.not_found".
Result<ScopePlace> findScopePlace(ScopeStore& scopes, ScopeRef scope);

// Those who manage the place: a community's committee or its district's
// admins; a street's staff or its district's admins; the district's admins.
bool managesScopePlace(const Actor& actor, const ScopePlace& place);

// The communities of the person's memberships, as
// Actor::requireVerifiedResidentWithin wants them.
std::vector<Community> communitiesOf(ScopeStore& scopes, const Actor& actor);

}  // namespace yishi::domain
