#pragma once

#include "yishi/domain/case_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addCaseRoutes(Router& router, domain::CaseService& cases);

}  // namespace yishi::http
