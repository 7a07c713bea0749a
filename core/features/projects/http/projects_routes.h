#pragma once

#include "yishi/domain/project_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addProjectRoutes(Router& router, domain::ProjectService& projects);

}  // namespace yishi::http
