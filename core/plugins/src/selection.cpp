#include "yishi/plugins/selection.h"

#include <map>
#include <set>

namespace yishi::plugins {

namespace {

Status badResult(const std::string& message) { return Status::invalid("plugin.bad_result", message); }

}  // namespace

Result<Value> checkSelection(const Value& input, const Value& output) {
    std::map<std::string, std::int64_t> costs;
    if (const Value* projects = input.find("projects"); projects && projects->isArray())
        for (const auto& p : projects->asArray()) {
            const Value* id = p.find("id");
            const Value* cost = p.find("cost");
            if (id && id->isString() && cost && cost->isInt()) costs[id->asString()] = cost->asInt();
        }
    const Value* budget = input.find("budget");
    if (!output.isObject()) return badResult("select must return a table {selected = {...}, notes = ...}");
    const Value* selected = output.find("selected");
    if (!selected || !selected->isArray()) return badResult("select must return 'selected', a list of project ids");
    std::set<std::string> seen;
    std::int64_t total = 0;
    for (const auto& id : selected->asArray()) {
        if (!id.isString()) return badResult("'selected' holds something that is not a project id");
        auto it = costs.find(id.asString());
        if (it == costs.end()) return badResult("'selected' names an unknown project " + id.asString());
        if (!seen.insert(id.asString()).second)
            return badResult("'selected' names project " + id.asString() + " twice");
        total += it->second;
    }
    if (budget && budget->isInt() && total > budget->asInt())
        return badResult("the selected projects cost " + std::to_string(total) + ", more than the budget of " +
                         std::to_string(budget->asInt()));
    Value::Object checked{{"selected", *selected}};
    for (const char* key : {"notes", "rule"}) {
        if (const Value* v = output.find(key)) {
            if (!v->isString()) return badResult(std::string("'") + key + "' must be a string");
            checked.emplace(key, *v);
        }
    }
    return Value(std::move(checked));
}

Result<Value> runSelection(WorkerPool& pool, const PluginBundle& bundle, const Value& input,
                           std::vector<std::string>* log) {
    const HookResult result = pool.callOne(bundle, "select", input);
    if (log) log->insert(log->end(), result.log.begin(), result.log.end());
    if (!result.ok) return faultStatus(bundle, "select", result.fault);
    auto checked = checkSelection(input, result.value);
    if (!checked.isOk())
        return faultStatus(bundle, "select", {checked.status().code(), "", checked.status().message()});
    return checked;
}

}  // namespace yishi::plugins
