#include <optional>

#include "feature.h"
#include "http/admin_routes.h"

namespace yishi::app {

namespace {

// The district's shape, roles and audit log; and, on a server started with
// --test-clock, the route that moves its clock.
class AdminFeature final : public Feature {
  public:
    explicit AdminFeature(FeatureContext& c) : admin_(c.db, c.secrets, c.clock) {
        c.provide(admin_);
        if (c.test_clock) test_clock_.emplace(*c.test_clock);
    }
    void addRoutes(http::Router& router) override {
        http::addAdminRoutes(router, admin_);
        if (test_clock_) http::addTestClockRoutes(router, *test_clock_);
    }

  private:
    domain::AdminService admin_;
    std::optional<domain::TestClockService> test_clock_;
};

}  // namespace

std::unique_ptr<Feature> make_admin_feature(FeatureContext& c) { return std::make_unique<AdminFeature>(c); }

}  // namespace yishi::app
