#include "feature.h"
#include "http/escalations_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_escalations_feature(FeatureContext& c) {
    return serviceFeature<domain::EscalationService>(c, http::addEscalationRoutes, c.db, c.clock, c.calendar,
                                                     c.default_settings.rules);
}

}  // namespace yishi::app
