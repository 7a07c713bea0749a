#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"

namespace yishi::domain {

// 民心项目 selection: which projects a budget buys, given residents' votes.
// The rule itself is a district plugin (docs/plugins.md, hook "select").

struct SelectionProject {
    std::string id;
    std::int64_t cost = 0;  // fen
    std::int64_t votes = 0;
    std::optional<std::int64_t> community;  // for per-community quotas
};

struct SelectionRequest {
    std::int64_t budget = 0;  // fen
    std::vector<SelectionProject> projects;
    // Approval ballots (sets of project ids), when the election gives them;
    // the Method of Equal Shares needs them.
    std::optional<std::vector<std::vector<std::string>>> ballots;
    std::string rule;  // empty: the plugin's default
    std::optional<std::int64_t> threshold;
    std::optional<std::int64_t> quota_per_community;
};

// Which plugin produced a result: name, version, API major and the hash of
// its sources, so anyone can re-run exactly that code.
struct PluginInfo {
    std::string name;
    std::string version;
    int api = 0;
    std::string hash;
    bool district_specific = false;  // false: the shipped default
    std::vector<std::string> hooks;
};

struct SelectionOutcome {
    std::vector<std::string> selected;
    std::string rule;
    std::string notes;
    PluginInfo plugin;
};

// The port the plugin host implements. Thread-safe.
class DistrictPlugins {
  public:
    virtual ~DistrictPlugins() = default;
    // The plugin serving `district` now (its own or the default).
    virtual Result<PluginInfo> info(DistrictId district) = 0;
    // Loads the district's plugin again and tests it aside; it replaces the
    // serving one only if it loads and passes its own test cases.
    // invalid "plugin.refused" naming the cause otherwise; the old one keeps
    // serving.
    virtual Result<PluginInfo> reload(DistrictId district) = 0;
    // Runs the district's select hook. unavailable "plugin.*" when the
    // plugin fails (timeout, crash, error, malformed result).
    virtual Result<SelectionOutcome> select(DistrictId district, const SelectionRequest& request) = 0;
};

// Bounds on a selection request, checked before any plugin runs: invalid
// "selection.invalid" naming the field.
Status validateSelectionRequest(const SelectionRequest& request);

}  // namespace yishi::domain
