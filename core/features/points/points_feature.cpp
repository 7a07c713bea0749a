#include <optional>

#include "feature.h"
#include "http/points_routes.h"
#include "points_pump.h"
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
    void start() override { pump_.emplace(processor_, warn_); }

  private:
    domain::PointsService service_;
    domain::PointsProcessor processor_;
    std::function<void(const std::string&)> warn_;
    std::optional<PointsPump> pump_;
};

}  // namespace

std::unique_ptr<Feature> make_points_feature(FeatureContext& c) { return std::make_unique<PointsFeature>(c); }

}  // namespace yishi::app
