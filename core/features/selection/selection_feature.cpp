#include "feature.h"
#include "http/selection_routes.h"
#include "yishi/plugins/plugin_registry.h"

namespace yishi::app {

std::unique_ptr<Feature> make_selection_feature(FeatureContext& c) {
    return serviceFeature<domain::PluginService>(c, http::addPluginRoutes, c.db, c.plugins, c.clock);
}

}  // namespace yishi::app
