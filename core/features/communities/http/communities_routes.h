#pragma once

#include "yishi/domain/community_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addCommunityRoutes(Router& router, domain::CommunityService& communities);
void addMemberRoutes(Router& router, domain::CommunityService& communities);

}  // namespace yishi::http
