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
#include "yishi/plugins/plugin_cases.h"
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
    plugins::WorkerPool pool(workerPoolOptionsForSelf(1));
    const Status loads = plugins::checkBundleLoads(pool, *bundle);
    if (!loads.isOk()) {
        std::cout << "FAIL the plugin does not load: " << loads.message() << "\n";
        return 1;
    }
    const auto outcomes = plugins::runPluginCases(pool, *bundle, directory);
    if (outcomes.empty()) {
        std::cerr << "yishi plugin test: no test cases in " << (directory / "tests").string() << "\n";
        return kDataError;
    }
    std::size_t failed = 0;
    for (const auto& outcome : outcomes) {
        if (outcome.passed) {
            std::cout << "ok   " << outcome.name << "\n";
            continue;
        }
        ++failed;
        std::cout << "FAIL " << outcome.name << "\n  expected " << outcome.expected << "\n  got      " << outcome.got
                  << "\n";
    }
    std::cout << (outcomes.size() - failed) << " of " << outcomes.size() << " cases passed\n";
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
