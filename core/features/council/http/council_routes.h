#pragma once

#include "yishi/domain/adoption_service.h"
#include "yishi/domain/representative_service.h"
#include "yishi/domain/topic_call_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addTopicCallRoutes(Router& router, domain::TopicCallService& calls);
void addAdoptionRoutes(Router& router, domain::AdoptionService& adoptions);
void addRepresentativeRoutes(Router& router, domain::RepresentativeService& reps);

}  // namespace yishi::http
