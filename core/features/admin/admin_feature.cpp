#include "feature.h"
#include "http/admin_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_admin_feature(FeatureContext& c) {
    return serviceFeature<domain::AdminService>(c, http::addAdminRoutes, c.db, c.secrets, c.clock);
}

}  // namespace yishi::app
