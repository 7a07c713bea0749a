#include "feature.h"
#include "http/council_routes.h"

namespace yishi::app {

namespace {

// 议事会 depth (docs/council.md): calls for topics; the committee's marks
// on suggestions with the adoption rate; representatives and who is invited
// to a meeting. Three services of one feature.
class CouncilFeature final : public Feature {
  public:
    explicit CouncilFeature(FeatureContext& c)
        : calls_(c.db, c.clock), adoptions_(c.db, c.clock), reps_(c.db, c.clock) {
        c.provide(calls_);
        c.provide(adoptions_);
        c.provide(reps_);
    }
    void addRoutes(http::Router& router) override {
        http::addTopicCallRoutes(router, calls_);
        http::addAdoptionRoutes(router, adoptions_);
        http::addRepresentativeRoutes(router, reps_);
    }

  private:
    domain::TopicCallService calls_;
    domain::AdoptionService adoptions_;
    domain::RepresentativeService reps_;
};

}  // namespace

std::unique_ptr<Feature> make_council_feature(FeatureContext& c) { return std::make_unique<CouncilFeature>(c); }

}  // namespace yishi::app
