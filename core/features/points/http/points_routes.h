#pragma once

#include "yishi/domain/points_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addPointsRoutes(Router& router, domain::PointsService& points);

}  // namespace yishi::http
