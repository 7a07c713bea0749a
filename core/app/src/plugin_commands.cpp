#include "plugin_commands.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "plugin_host.h"
#include "yishi/crypto/blake2b_content_hasher.h"
#include "yishi/domain/pabulib.h"
#include "yishi/plugins/plugin_worker.h"
#include "yishi/plugins/selection.h"

namespace yishi::app {

namespace {

using plugins::Value;

constexpr int kUsage = 64;
constexpr int kDataError = 65;

bool readText(const std::filesystem::path& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

// Every key of `expected` must equal the same key of `actual`.
bool matches(const Value& expected, const Value& actual) {
    if (!expected.isObject() || !actual.isObject()) return expected == actual;
    for (const auto& [key, value] : expected.asObject()) {
        const Value* got = actual.find(key);
        if (!got || !(*got == value)) return false;
    }
    return true;
}

}  // namespace

int runPluginWorkerCommand(int argc, char** argv) {
    std::size_t memory_mb = 2048;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--memory-mb") == 0) memory_mb = std::strtoull(argv[i + 1], nullptr, 10);
    return plugins::runPluginWorker(0, 1, memory_mb);
}

int runPluginTestCommand(int argc, char** argv) {
    if (argc != 4 || std::strcmp(argv[2], "test") != 0) {
        std::cerr << "usage: yishi plugin test DIR\n";
        return kUsage;
    }
    const std::filesystem::path directory = argv[3];
    crypto::Blake2bContentHasher hasher;
    auto bundle = plugins::loadPluginDirectory(directory, hasher);
    if (!bundle.isOk()) {
        std::cerr << "yishi plugin test: " << bundle.status().message() << "\n";
        return kDataError;
    }
    std::vector<std::filesystem::path> cases;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(directory / "tests", ec))
        if (entry.path().extension() == ".json") cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    if (cases.empty()) {
        std::cerr << "yishi plugin test: no test cases in " << (directory / "tests").string() << "\n";
        return kDataError;
    }
    plugins::WorkerPool pool(workerPoolOptionsForSelf(1));
    int failed = 0;
    for (const auto& path : cases) {
        const std::string name = path.filename().string();
        std::string text;
        auto test = readText(path, text) ? plugins::parseJson(text) : Result<Value>(Status::invalid("io", "unreadable"));
        const Value* hook = test.isOk() ? test->find("hook") : nullptr;
        const Value* input = test.isOk() ? test->find("input") : nullptr;
        const Value* expected = test.isOk() ? test->find("expected") : nullptr;
        const Value* expected_error = test.isOk() ? test->find("expected_error") : nullptr;
        if (!hook || !hook->isString() || !input || (!expected && !expected_error)) {
            std::cout << "FAIL " << name << ": a case needs \"hook\", \"input\" and \"expected\" or \"expected_error\"\n";
            ++failed;
            continue;
        }
        Result<Value> actual = hook->asString() == "select"
                                   ? plugins::runSelection(pool, *bundle, *input)
                                   : [&]() -> Result<Value> {
                                         auto r = pool.call(*bundle, hook->asString(), {*input}).front();
                                         if (!r.ok) return plugins::faultStatus(*bundle, hook->asString(), r.fault);
                                         return r.value;
                                     }();
        bool ok = false;
        std::string got;
        if (expected_error) {
            ok = !actual.isOk() && expected_error->isString() && actual.status().code() == expected_error->asString();
            got = actual.isOk() ? plugins::toJson(*actual) : actual.status().toString();
        } else {
            ok = actual.isOk() && matches(*expected, *actual);
            got = actual.isOk() ? plugins::toJson(*actual) : actual.status().toString();
        }
        if (ok) {
            std::cout << "ok   " << name << "\n";
        } else {
            ++failed;
            std::cout << "FAIL " << name << "\n  expected "
                      << (expected ? plugins::toJson(*expected) : plugins::toJson(*expected_error)) << "\n  got      "
                      << got << "\n";
        }
    }
    std::cout << (cases.size() - failed) << " of " << cases.size() << " cases passed\n";
    return failed == 0 ? 0 : 1;
}

int runPbSelectCommand(int argc, char** argv) {
    std::string file, rule, plugin_dir = "plugins/default";
    std::optional<std::int64_t> threshold;
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rule" && i + 1 < argc) rule = argv[++i];
        else if (arg == "--plugins" && i + 1 < argc) plugin_dir = argv[++i];
        else if (arg == "--threshold" && i + 1 < argc) threshold = std::strtoll(argv[++i], nullptr, 10);
        else if (file.empty() && arg.rfind("--", 0) != 0) file = arg;
        else file.clear(), i = argc;
    }
    if (argc < 3 || std::strcmp(argv[2], "select") != 0 || file.empty() || rule.empty()) {
        std::cerr << "usage: yishi pb select FILE.pb --rule greedy|greedy-threshold|mes-add1 "
                     "[--plugins DIR] [--threshold N]\n";
        return kUsage;
    }
    std::string text;
    if (!readText(file, text)) {
        std::cerr << "yishi pb select: cannot read " << file << "\n";
        return kDataError;
    }
    auto election = domain::parsePabulib(text);
    if (!election.isOk()) {
        std::cerr << "yishi pb select: " << file << ": " << election.status().message() << "\n";
        return kDataError;
    }
    auto scores = domain::pabulibScores(*election);
    if (!scores.isOk()) {
        std::cerr << "yishi pb select: " << file << ": " << scores.status().message() << "\n";
        return kDataError;
    }
    // Money becomes integers in the smallest unit the file writes.
    const int scale = domain::pabulibMoneyScale(*election);
    auto budget = domain::parsePbMoney(election->metaOr("budget", ""), scale);
    if (!budget.isOk()) {
        std::cerr << "yishi pb select: budget: " << budget.status().message() << "\n";
        return kDataError;
    }
    Value::Array projects;
    for (const auto& p : election->projects) {
        auto cost = domain::parsePbMoney(p.cost, scale);
        if (!cost.isOk()) {
            std::cerr << "yishi pb select: project " << p.id << ": " << cost.status().message() << "\n";
            return kDataError;
        }
        projects.emplace_back(Value::Object{{"id", p.id}, {"cost", *cost}, {"votes", scores->at(p.id)}});
    }
    Value::Object settings{{"rule", rule}};
    if (!threshold) {
        const std::string declared = election->metaOr("min_project_score_threshold", "");
        if (!declared.empty()) threshold = std::strtoll(declared.c_str(), nullptr, 10);
    }
    if (threshold) settings.emplace("threshold", *threshold);
    Value::Object input{{"budget", *budget}, {"projects", std::move(projects)}, {"settings", std::move(settings)}};
    const std::string vote_type = election->metaOr("vote_type", "approval");
    if (vote_type == "approval" || vote_type == "choose-1") {
        Value::Array ballots;
        ballots.reserve(election->votes.size());
        for (const auto& vote : election->votes) ballots.emplace_back(Value::Array(vote.projects.begin(), vote.projects.end()));
        input.emplace("ballots", std::move(ballots));
    }
    crypto::Blake2bContentHasher hasher;
    auto bundle = plugins::loadPluginDirectory(plugin_dir, hasher);
    if (!bundle.isOk()) {
        std::cerr << "yishi pb select: " << plugin_dir << ": " << bundle.status().message() << "\n";
        return kDataError;
    }
    plugins::WorkerPool pool(workerPoolOptionsForSelf(1));
    auto outcome = plugins::runSelection(pool, *bundle, Value(std::move(input)));
    if (!outcome.isOk()) {
        std::cerr << "yishi pb select: " << outcome.status().toString() << "\n";
        return kDataError;
    }
    Value result = std::move(outcome).value();
    result.asObject().emplace("plugin", Value::Object{{"name", bundle->name}, {"version", bundle->version},
                                                     {"api", bundle->api}, {"hash", bundle->hash}});
    std::cout << plugins::toJson(result) << "\n";
    return 0;
}

}  // namespace yishi::app
