#pragma once

#include "yishi/domain/proposal_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addProposalRoutes(Router& router, domain::ProposalService& proposals);

}  // namespace yishi::http
