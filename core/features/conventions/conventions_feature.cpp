#include "feature.h"
#include "http/conventions_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_conventions_feature(FeatureContext& c) {
    return serviceFeature<domain::ConventionService>(c, http::addConventionRoutes, c.db, c.clock);
}

}  // namespace yishi::app
