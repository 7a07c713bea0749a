#pragma once

#include <memory>
#include <vector>

#include "feature.h"

namespace yishi::app {

// Every feature of core/features/feature_list.h, made in that order.
// Destroying it stops the features' background work, in reverse order.
// Not thread-safe; made and started by the thread that runs the server.
class FeatureSet {
  public:
    explicit FeatureSet(FeatureContext& context);
    ~FeatureSet();
    FeatureSet(const FeatureSet&) = delete;
    FeatureSet& operator=(const FeatureSet&) = delete;

    // Every feature's routes, in the list's order.
    http::Router routes() const;
    // Starts the features' background work.
    void start();
    // Stops the background work and destroys the features, in reverse order
    // (a later feature may use an earlier one's service). Idempotent.
    void stop();

  private:
    std::vector<std::unique_ptr<Feature>> features_;
};

}  // namespace yishi::app
