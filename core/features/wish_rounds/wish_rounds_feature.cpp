#include "feature.h"
#include "http/wish_rounds_routes.h"
#include "yishi/domain/election_service.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/plugins/plugin_registry.h"

namespace yishi::app {

namespace {

// The yearly 民心项目 round (docs/wish-rounds.md): its service over the
// proposals' and the elections' services, and the listener that forms the
// year's projects when the round's vote is published. Wired after
// elections, so that the elections' own listener has adopted the selected
// wishes when this one hears of the result.
class WishRoundsFeature final : public Feature {
  public:
    explicit WishRoundsFeature(FeatureContext& c)
        : rounds_(c.db, c.clock, c.service<domain::ProposalService>(), c.service<domain::ElectionService>(),
                  c.plugins) {
        c.provide(rounds_);
        c.service<domain::ElectionService>().addListener(rounds_);
    }
    void addRoutes(http::Router& router) override { http::addWishRoundRoutes(router, rounds_); }

  private:
    domain::WishRoundService rounds_;
};

}  // namespace

std::unique_ptr<Feature> make_wish_rounds_feature(FeatureContext& c) { return std::make_unique<WishRoundsFeature>(c); }

}  // namespace yishi::app
