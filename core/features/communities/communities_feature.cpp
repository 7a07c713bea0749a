#include "feature.h"
#include "http/communities_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_communities_feature(FeatureContext& c) {
    return serviceFeature<domain::CommunityService>(
        c,
        [](http::Router& router, domain::CommunityService& communities) {
            http::addCommunityRoutes(router, communities);
            http::addMemberRoutes(router, communities);
        },
        c.db, c.hasher, c.clock);
}

}  // namespace yishi::app
