#include "feature.h"
#include "http/polls_routes.h"

namespace yishi::app {

namespace {

// Polls and service ratings (docs/polls.md): two services of one feature,
// each provided to the features after this one.
class PollsFeature final : public Feature {
  public:
    explicit PollsFeature(FeatureContext& c) : polls_(c.db, c.clock), ratings_(c.db, c.clock) {
        c.provide(polls_);
        c.provide(ratings_);
    }
    void addRoutes(http::Router& router) override {
        http::addPollRoutes(router, polls_);
        http::addServiceRatingRoutes(router, ratings_);
    }

  private:
    domain::PollService polls_;
    domain::ServiceRatingService ratings_;
};

}  // namespace

std::unique_ptr<Feature> make_polls_feature(FeatureContext& c) { return std::make_unique<PollsFeature>(c); }

}  // namespace yishi::app
