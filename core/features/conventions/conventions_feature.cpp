#include "feature.h"
#include "http/conventions_routes.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::app {

std::unique_ptr<Feature> make_conventions_feature(FeatureContext& c) {
    auto feature = serviceFeature<domain::ConventionService>(c, http::addConventionRoutes, c.db, c.clock);
    // Adopted proposals become this feature's outcome.
    c.service<domain::ProposalService>().setOutcome(domain::ProposalAction::kFormConvention,
                                                    c.service<domain::ConventionService>());
    return feature;
}

}  // namespace yishi::app
