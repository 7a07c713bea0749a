#pragma once

#include "../router.h"

// Each resource registers its routes here; apiRouter() calls them in order.
namespace yishi::http {

void addHealthRoutes(Router& router);
void addSessionRoutes(Router& router);
void addDistrictRoutes(Router& router);
void addCommunityRoutes(Router& router);
void addMemberRoutes(Router& router);
void addAdminRoutes(Router& router);
void addProposalRoutes(Router& router);
void addConsultationRoutes(Router& router);
void addProjectRoutes(Router& router);
void addConventionRoutes(Router& router);
void addEscalationRoutes(Router& router);
void addPluginRoutes(Router& router);
void addPointsRoutes(Router& router);

}  // namespace yishi::http
