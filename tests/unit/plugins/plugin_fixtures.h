#pragma once

#include <string>

#include "yishi/plugins/plugin_bundle.h"
#include "yishi/plugins/worker_pool.h"

namespace yishi::test {

// A one-file bundle whose "select" hook is the function `select` of the
// module `source` returns; hashed by name and source.
inline plugins::PluginBundle oneFileBundle(const std::string& name, const std::string& source, int budget_ms = 200) {
    plugins::PluginBundle bundle;
    bundle.name = name;
    bundle.version = "1.0.0";
    bundle.api = plugins::kPluginApiMajor;
    bundle.files = {{"attack.lua", source}};
    plugins::HookSpec hook;
    hook.file = "attack.lua";
    hook.function = "select";
    hook.budget_ms = budget_ms;
    bundle.hooks.emplace("select", hook);
    bundle.settings = Value(Value::Object{});
    bundle.hash = name + ":" + std::to_string(std::hash<std::string>{}(source));
    return bundle;
}

// A bundle whose select body is `body` (run inside function(input)).
inline plugins::PluginBundle selectBody(const std::string& name, const std::string& body, int budget_ms = 200) {
    return oneFileBundle(name, "return { select = function(input)\n" + body + "\nend }", budget_ms);
}

inline plugins::WorkerPoolOptions testPoolOptions(int workers = 2) {
    plugins::WorkerPoolOptions options;
    options.command = {YISHI_BINARY, "plugin-worker"};
    options.workers = workers;
    options.address_space_mb = 1024;
    return options;
}

}  // namespace yishi::test
