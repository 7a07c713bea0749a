#pragma once

#include "yishi/domain/dashboard_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addDashboardRoutes(Router& router, domain::DashboardService& dashboards);

}  // namespace yishi::http
