#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/common/value.h"
#include "yishi/plugins/lua_state.h"
#include "yishi/plugins/plugin_bundle.h"

namespace yishi::plugins {

// What a call's yishi.log lines may hold at most (the sandbox keeps to it;
// a worker's reply is cut to it again).
inline constexpr std::size_t kMaxLogLines = 200;
inline constexpr std::size_t kMaxLogBytes = 64 * 1024;

// The result of one hook call on one input. A failed one's fault is capped
// (PluginFault::capped) however it was made.
struct HookResult {
    bool ok = false;
    Value value;
    PluginFault fault;
    std::vector<std::string> log;  // what the plugin wrote with yishi.log

    Value toValue() const;
    static HookResult fromValue(const Value& value);
    static HookResult failed(std::string code, std::string cause);
};

// A pseudo-hook: runs the bundle's files and no hook (does it load?).
inline constexpr const char* kLoadCheckHook = "(load)";

// The budgets of `hook` in `bundle` (the default ones for kLoadCheckHook),
// or null when the bundle has no such hook.
const HookSpec* hookSpec(const PluginBundle& bundle, const std::string& hook);

// Runs `hook` of `bundle` on `input` in a fresh sandboxed state, in this
// process. The state is seeded from the hook name and the input alone, so
// the same input gives the same output wherever it runs. Server code calls
// hooks through WorkerPool, which runs this in a worker process.
HookResult runHookInProcess(const PluginBundle& bundle, const std::string& hook, const Value& input);

// A failed call as a Status that names the plugin, its version, the hook,
// the position (when known) and the cause. The code is the fault's; the kind
// is unavailable (the plugin failed), except invalid for "plugin.input" (the
// hook refused its input with yishi.refuse: the caller's mistake), whose
// message is the refusal alone. The fault is capped first, so the message
// stays a few KB whatever the plugin raised.
Status faultStatus(const PluginBundle& bundle, const std::string& hook, const PluginFault& fault);

}  // namespace yishi::plugins
