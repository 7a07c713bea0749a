#pragma once

#include "yishi/domain/consultation_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addConsultationRoutes(Router& router, domain::ConsultationService& consultation);

}  // namespace yishi::http
