#include "feature.h"
#include "http/settings_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_settings_feature(FeatureContext& c) {
    return serviceFeature<domain::SettingsService>(c, http::addSettingsRoutes, c.db, c.clock, c.default_settings);
}

}  // namespace yishi::app
