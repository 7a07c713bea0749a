#pragma once

#include "yishi/domain/election_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addElectionRoutes(Router& router, domain::ElectionService& elections);

}  // namespace yishi::http
