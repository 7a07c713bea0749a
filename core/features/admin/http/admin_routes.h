#pragma once

#include "yishi/domain/admin_service.h"
#include "yishi/domain/test_clock_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addAdminRoutes(Router& router, domain::AdminService& admin);
// Only for a server started with --test-clock.
void addTestClockRoutes(Router& router, domain::TestClockService& clock);

}  // namespace yishi::http
