#include "feature.h"
#include "http/projects_routes.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::app {

std::unique_ptr<Feature> make_projects_feature(FeatureContext& c) {
    auto feature = serviceFeature<domain::ProjectService>(c, http::addProjectRoutes, c.db, c.clock);
    // Adopted proposals become this feature's outcome.
    c.service<domain::ProposalService>().setOutcome(domain::ProposalAction::kFormProject,
                                                    c.service<domain::ProjectService>());
    return feature;
}

}  // namespace yishi::app
