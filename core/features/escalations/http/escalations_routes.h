#pragma once

#include "yishi/domain/escalation_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addEscalationRoutes(Router& router, domain::EscalationService& escalations);

}  // namespace yishi::http
