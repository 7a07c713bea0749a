#pragma once

#include "yishi/domain/assistance_service.h"
#include "yishi/domain/grid_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addGridRoutes(Router& router, domain::GridService& grids);
void addAssistanceRoutes(Router& router, domain::AssistanceService& assistance);

}  // namespace yishi::http
