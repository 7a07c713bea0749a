#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include "yishi/common/mutex.h"
#include "yishi/domain/points.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/selection.h"
#include "yishi/plugins/plugin_bundle.h"
#include "yishi/plugins/worker_pool.h"

namespace yishi::plugins {

// The plugins serving each district, loaded from `root`: a district with
// `root`/<district id>/manifest.json runs that plugin, any other runs
// `root`/default. A bundle is loaded on first use and kept until a reload
// replaces it; the replacement is swapped in whole, so a call in progress
// finishes on the version it started with. Thread-safe: only the map of
// loaded bundles is shared (under mutex_), and a bundle, once loaded, is
// immutable and shared by pointer; loading and testing run without the lock.
class PluginRegistry final : public domain::DistrictPlugins, public domain::PointsRule {
  public:
    using Logger = std::function<void(const std::string&)>;

    PluginRegistry(std::filesystem::path root, domain::ContentHasher& hasher, WorkerPool& pool, Logger log);

    Result<domain::PluginInfo> info(DistrictId district) override;
    Result<domain::PluginInfo> reload(DistrictId district) override;
    Result<domain::SelectionOutcome> select(DistrictId district, const domain::SelectionRequest& request) override;

    // Points: the hook on_event over a batch of events, in one round trip,
    // with the identity of the bundle that ran it. A plugin without
    // on_event awards nothing.
    domain::RuleAwards awardsFor(DistrictId district, const std::vector<domain::PointsEvent>& events) override;
    std::string identity(DistrictId district) override;
    // A kept version: its source is the bundle as JSON (PluginBundle::toValue).
    domain::RuleAwards awardsWith(const domain::RuleVersion& version,
                                  const std::vector<domain::PointsEvent>& events) override;

    // Reloads every district loaded so far (SIGHUP). Each refusal is logged
    // and leaves that district's plugin as it was.
    void reloadAll();

  private:
    struct Loaded {
        std::shared_ptr<const PluginBundle> bundle;
        bool district_specific = false;
    };
    std::filesystem::path directoryFor(DistrictId district, bool& district_specific) const;
    // Loads and tests a bundle aside, without mutex_ (the tests run hooks);
    // does not install it.
    Result<Loaded> loadAside(DistrictId district) YISHI_EXCLUDES(mutex_);
    Result<Loaded> current(DistrictId district) YISHI_EXCLUDES(mutex_);
    // on_event of `bundle` over `events`, for district `district` (logs only).
    domain::RuleAwards runOnEvent(DistrictId district, const PluginBundle& bundle,
                                  const std::vector<domain::PointsEvent>& events);
    // What a plugin wrote with yishi.log, to the server log.
    void logPluginLines(DistrictId district, const PluginBundle& bundle, const std::vector<std::string>& lines);

    std::filesystem::path root_;
    domain::ContentHasher& hasher_;
    WorkerPool& pool_;
    Logger log_;
    Mutex mutex_;
    std::map<std::int64_t, Loaded> loaded_ YISHI_GUARDED_BY(mutex_);
};

// The select hook's input for a request (docs/plugins.md) and its output
// as an outcome.
Value selectionInput(const domain::SelectionRequest& request);
domain::SelectionOutcome selectionOutcome(const Value& checked, const domain::PluginInfo& plugin);

// The on_event hook's input for an event, and its output as awards
// (invalid "plugin.bad_result" saying what is malformed).
Value eventInput(const domain::PointsEvent& event);
Result<std::vector<domain::Award>> awardsFrom(const Value& output);

}  // namespace yishi::plugins
