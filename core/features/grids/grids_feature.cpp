#include "feature.h"
#include "http/grids_routes.h"
#include "yishi/domain/case_service.h"

namespace yishi::app {

std::unique_ptr<Feature> make_grids_feature(FeatureContext& c) {
    auto feature = serviceFeature<domain::GridService>(c, http::addGridRoutes, c.db, c.clock);
    // A problem accepted in a grid goes to the grid's 网格员 (docs/grids.md).
    c.service<domain::CaseService>().setRouting(c.service<domain::GridService>());
    return feature;
}

}  // namespace yishi::app
