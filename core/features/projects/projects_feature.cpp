#include "feature.h"
#include "http/projects_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_projects_feature(FeatureContext& c) {
    return serviceFeature<domain::ProjectService>(c, http::addProjectRoutes, c.db, c.clock);
}

}  // namespace yishi::app
