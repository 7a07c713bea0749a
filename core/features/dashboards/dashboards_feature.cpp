#include <optional>

#include "background_loop.h"
#include "feature.h"
#include "http/dashboards_routes.h"
#include "yishi/domain/dashboard_service.h"

namespace yishi::app {

namespace {

// The 驾驶舱: its routes, and a pump that keeps the figures they read equal
// to the records in the background.
class DashboardsFeature final : public Feature {
  public:
    explicit DashboardsFeature(FeatureContext& c)
        : service_(c.db, c.clock,
                   {Duration::seconds(c.config.getInt("yishi.dashboard_max_age_seconds", 600)),
                    c.config.getInt("yishi.dashboard_stale_batch", 100)}),
          refresh_ms_(c.config.getInt("yishi.dashboard_refresh_ms", 1000)),
          warn_(c.warn) {
        c.provide(service_);
    }
    ~DashboardsFeature() override { pump_.reset(); }

    void addRoutes(http::Router& router) override { http::addDashboardRoutes(router, service_); }
    // A refresh round every refresh_ms_, whether the last found work or
    // not: under a steady stream of writes a busy community would otherwise
    // be counted again from its records round after round, on the cores the
    // requests need; figures a second old are what a dashboard is for.
    void start() override {
        pump_.emplace(
            [this]() -> Result<int> {
                YISHI_RETURN_IF_ERROR(service_.refresh().status());
                return 0;
            },
            [this](const std::string& what) { warn_("dashboards: " + what); }, refresh_ms_);
    }

  private:
    domain::DashboardService service_;
    const int refresh_ms_;
    std::function<void(const std::string&)> warn_;
    std::optional<BackgroundLoop> pump_;
};

}  // namespace

std::unique_ptr<Feature> make_dashboards_feature(FeatureContext& c) { return std::make_unique<DashboardsFeature>(c); }

}  // namespace yishi::app
