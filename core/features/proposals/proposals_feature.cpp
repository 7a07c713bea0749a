#include "feature.h"
#include "http/proposals_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_proposals_feature(FeatureContext& c) {
    return serviceFeature<domain::ProposalService>(
        c, http::addProposalRoutes, c.db, c.clock,
        domain::ProposalService::Schedule{c.calendar, c.default_settings.rules});
}

}  // namespace yishi::app
