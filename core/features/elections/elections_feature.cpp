#include <optional>

#include "background_loop.h"
#include "feature.h"
#include "http/elections_routes.h"
#include "proposal_referendums.h"
#include "record_ballot_box.h"
#include "wish_rounds.h"
#include "yishi/plugins/plugin_registry.h"

namespace yishi::app {

namespace {

// Verifiable elections: the service over a ballot box of core/election's
// boards, its routes, and a ticker that closes elections on time.
class ElectionsFeature final : public Feature {
  public:
    explicit ElectionsFeature(FeatureContext& c)
        : box_(c.db, c.clock, &c.plugins),
          service_(c.db, c.clock, box_, c.secrets),
          referendums_(service_, c.service<domain::ProposalService>(),
                       c.config.getBool("yishi.elections.demo_trustees", c.config.getBool("yishi.demo", false))),
          wishes_(c.service<domain::ProposalService>()),
          warn_(c.warn) {
        c.provide(service_);
        // The chain's vote: send_to_vote opens a referendum, its result decides.
        c.service<domain::ProposalService>().setVoting(referendums_);
        service_.addListener(referendums_);
        // 民心项目 rounds: options that are wishes, moved on by the result.
        service_.setRoundWishes(wishes_);
        service_.addListener(wishes_);
    }
    ~ElectionsFeature() override { ticker_.reset(); }

    void addRoutes(http::Router& router) override { http::addElectionRoutes(router, service_); }
    // Elections whose deadline passed are closed and published on time even
    // when nobody looks at them (each access closes a due election too).
    void start() override {
        ticker_.emplace([this] { return service_.closeDue(); },
                        [this](const std::string& what) { warn_("elections: " + what); }, 1000);
    }

  private:
    RecordBallotBox box_;
    domain::ElectionService service_;
    ProposalReferendums referendums_;
    WishRounds wishes_;
    std::function<void(const std::string&)> warn_;
    std::optional<BackgroundLoop> ticker_;
};

}  // namespace

std::unique_ptr<Feature> make_elections_feature(FeatureContext& c) { return std::make_unique<ElectionsFeature>(c); }

}  // namespace yishi::app
