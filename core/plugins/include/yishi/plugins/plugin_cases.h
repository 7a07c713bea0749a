#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "yishi/plugins/plugin_bundle.h"
#include "yishi/plugins/worker_pool.h"

namespace yishi::plugins {

// One JSON case stored next to a plugin, in DIR/tests/*.json:
// {"hook": ..., "input": ..., "expected": {...}} (every key given must match)
// or {"hook": ..., "input": ..., "expected_error": "plugin.error"}.
struct CaseOutcome {
    std::string name;  // the file name
    bool passed = false;
    std::string expected;  // JSON, or the expected error code
    std::string got;       // JSON, or "code: message"
};

// Runs every case in `directory`/tests through the pool, in file-name order.
// A directory without tests gives an empty list.
std::vector<CaseOutcome> runPluginCases(WorkerPool& pool, const PluginBundle& bundle,
                                        const std::filesystem::path& directory);

// Runs the bundle's files in a worker without calling any hook: does it load?
// The error names the plugin, file and line.
Status checkBundleLoads(WorkerPool& pool, const PluginBundle& bundle);

}  // namespace yishi::plugins
