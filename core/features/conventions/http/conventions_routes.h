#pragma once

#include "yishi/domain/convention_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addConventionRoutes(Router& router, domain::ConventionService& conventions);

}  // namespace yishi::http
