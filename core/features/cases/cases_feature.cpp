#include "feature.h"
#include "http/cases_routes.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::app {

std::unique_ptr<Feature> make_cases_feature(FeatureContext& c) {
    auto feature = serviceFeature<domain::CaseService>(c, http::addCaseRoutes, c.db, c.clock);
    // Accepting a problem opens its case, in the accepting transaction.
    c.service<domain::ProposalService>().addStepListener(c.service<domain::CaseService>());
    return feature;
}

}  // namespace yishi::app
