#include "yishi/plugins/plugin_cases.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "yishi/common/json.h"
#include "yishi/plugins/selection.h"

namespace yishi::plugins {

namespace {

// Every key of `expected` must equal the same key of `actual`.
bool matches(const Value& expected, const Value& actual) {
    if (!expected.isObject() || !actual.isObject()) return expected == actual;
    for (const auto& [key, value] : expected.asObject()) {
        const Value* got = actual.find(key);
        if (!got || !(*got == value)) return false;
    }
    return true;
}

Result<Value> runCase(WorkerPool& pool, const PluginBundle& bundle, const std::string& hook, const Value& input) {
    if (hook == "select") return runSelection(pool, bundle, input);
    auto result = pool.callOne(bundle, hook, input);
    if (!result.ok) return faultStatus(bundle, hook, result.fault);
    return result.value;
}

}  // namespace

std::vector<CaseOutcome> runPluginCases(WorkerPool& pool, const PluginBundle& bundle,
                                        const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(directory / "tests", ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<CaseOutcome> outcomes;
    for (const auto& path : files) {
        CaseOutcome outcome;
        outcome.name = path.filename().string();
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto test = parseJson(text.str());
        const Value* hook = test.isOk() ? test->find("hook") : nullptr;
        const Value* input = test.isOk() ? test->find("input") : nullptr;
        const Value* expected = test.isOk() ? test->find("expected") : nullptr;
        const Value* expected_error = test.isOk() ? test->find("expected_error") : nullptr;
        if (!hook || !hook->isString() || !input || (!expected && !(expected_error && expected_error->isString()))) {
            outcome.got = test.isOk() ? "a case needs \"hook\", \"input\" and \"expected\" or \"expected_error\""
                                      : test.status().message();
            outcomes.push_back(std::move(outcome));
            continue;
        }
        Result<Value> actual = runCase(pool, bundle, hook->asString(), *input);
        outcome.got = actual.isOk() ? toJson(*actual) : actual.status().toString();
        if (expected_error) {
            outcome.expected = expected_error->asString();
            outcome.passed = !actual.isOk() && actual.status().code() == expected_error->asString();
        } else {
            outcome.expected = toJson(*expected);
            outcome.passed = actual.isOk() && matches(*expected, *actual);
        }
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

Status checkBundleLoads(WorkerPool& pool, const PluginBundle& bundle) {
    auto result = pool.callOne(bundle, kLoadCheckHook, Value());
    if (!result.ok) return faultStatus(bundle, "(load)", result.fault);
    return Status::ok();
}

}  // namespace yishi::plugins
