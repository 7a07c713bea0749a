#pragma once

#include "yishi/domain/poll_service.h"
#include "yishi/domain/service_rating_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addPollRoutes(Router& router, domain::PollService& polls);
void addServiceRatingRoutes(Router& router, domain::ServiceRatingService& ratings);

}  // namespace yishi::http
