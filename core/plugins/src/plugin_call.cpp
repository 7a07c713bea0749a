#include "yishi/plugins/plugin_call.h"

#include "sandbox.h"
#include "yishi/common/json.h"

namespace yishi::plugins {

namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    return hash;
}

}  // namespace

const HookSpec* hookSpec(const PluginBundle& bundle, const std::string& hook) {
    static const HookSpec kLoadCheckSpec{};
    return hook == kLoadCheckHook ? &kLoadCheckSpec : bundle.hook(hook);
}

HookResult runHookInProcess(const PluginBundle& bundle, const std::string& hook, const Value& input) {
    const bool load_check = hook == kLoadCheckHook;
    const HookSpec* spec = hookSpec(bundle, hook);
    if (!spec) return HookResult::failed("plugin.no_hook", "the plugin does not provide the hook '" + hook + "'");
    std::string seed_text = hook;
    seed_text.push_back('\0');
    appendJson(seed_text, input);
    LuaState state(spec->limits, fnv1a(seed_text));
    HookResult result;
    auto run = [&](CallOutcome outcome) {
        for (auto& line : state.takeLog()) result.log.push_back(std::move(line));
        if (!outcome.ok) result.fault = std::move(outcome.fault);
        return outcome.ok ? std::optional<Value>(std::move(outcome.value)) : std::nullopt;
    };
    if (!run(state.setSetting("settings", bundle.settings))) return result;
    // The files up to the hook's own, in manifest order (all of them for the
    // load check): a hook sees what the files before its file defined.
    for (const auto& file : bundle.files) {
        if (!run(state.runFile(file.name, file.source))) return result;
        if (!load_check && file.name == spec->file) break;
    }
    if (load_check) {
        result.ok = true;
        return result;
    }
    if (auto value = run(state.callHook(spec->file, spec->function, input))) {
        result.ok = true;
        result.value = std::move(*value);
    }
    return result;
}

Status faultStatus(const PluginBundle& bundle, const std::string& hook, const PluginFault& uncapped) {
    const PluginFault fault = uncapped.capped();
    // A hook that refused its input (yishi.refuse) says the request is wrong.
    if (fault.code == "plugin.input") return Status::invalid(fault.code, fault.cause);
    // A failing plugin is the server's problem, not the caller's request.
    return Status::unavailable(
        fault.code, "plugin '" + bundle.name + "' " + bundle.version + ", hook '" + hook + "': " + fault.describe());
}

}  // namespace yishi::plugins
