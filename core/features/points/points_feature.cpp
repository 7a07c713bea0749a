#include <optional>

#include "background_loop.h"
#include "feature.h"
#include "http/points_routes.h"
#include "yishi/domain/points_processor.h"
#include "yishi/plugins/plugin_registry.h"

namespace yishi::app {

namespace {

// Points: the ledger and rewards over HTTP, and a pump that turns outbox
// events into awards in the background through the district plugins.
class PointsFeature final : public Feature {
  public:
    explicit PointsFeature(FeatureContext& c)
        : service_(c.db, c.clock, c.calendar.utcOffset()),
          processor_(c.db, c.plugins, c.clock, {c.config.getInt("yishi.points_batch", 500), c.calendar.utcOffset()}),
          warn_(c.warn) {
        service_.setProcessor(&processor_);
        c.provide(service_);
    }
    ~PointsFeature() override { pump_.reset(); }

    void addRoutes(http::Router& router) override { http::addPointsRoutes(router, service_); }
    // Outbox events to awards, batch after batch while events wait; when
    // none wait, the skipped events due for an automatic retry.
    void start() override {
        pump_.emplace(
            [this]() -> Result<int> {
                Result<int> done = processor_.processBatch();
                if (done.isOk() && done.value() == 0) {
                    Result<int> retried = processor_.retryDue();
                    if (!retried.isOk()) warn_("points retry: " + retried.status().toString());
                }
                return done;
            },
            [this](const std::string& what) { warn_("points: " + what); }, 200);
    }

  private:
    domain::PointsService service_;
    domain::PointsProcessor processor_;
    std::function<void(const std::string&)> warn_;
    std::optional<BackgroundLoop> pump_;
};

}  // namespace

std::unique_ptr<Feature> make_points_feature(FeatureContext& c) { return std::make_unique<PointsFeature>(c); }

}  // namespace yishi::app
