#pragma once

#include "yishi/common/result.h"
#include "yishi/common/value.h"
#include "yishi/plugins/plugin_bundle.h"
#include "yishi/plugins/worker_pool.h"

namespace yishi::plugins {

// Checks what a select hook returned against its input (docs/plugins.md,
// "select"): an object whose "selected" lists known project ids, each once,
// costing together no more than the budget; "notes" and "rule" strings if
// present. Returns {selected, notes, rule}. invalid "plugin.bad_result"
// saying what is wrong.
Result<Value> checkSelection(const Value& input, const Value& output);

// Runs the bundle's select hook on `input` through the pool and checks the
// result. The error names the plugin and the hook. What the plugin wrote
// with yishi.log is appended to `log` when given.
Result<Value> runSelection(WorkerPool& pool, const PluginBundle& bundle, const Value& input,
                           std::vector<std::string>* log = nullptr);

}  // namespace yishi::plugins
