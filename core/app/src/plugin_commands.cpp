#include "plugin_commands.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "crypto_ports.h"
#include "plugin_host.h"
#include "plugin_paths.h"
#include "yishi/common/json.h"
#include "yishi/domain/pabulib.h"
#include "yishi/plugins/plugin_cases.h"
#include "yishi/plugins/plugin_worker.h"
#include "yishi/plugins/selection.h"

namespace yishi::app {

namespace {

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

// Paths in messages are absolute, so they say where yishi looked whatever
// the working directory was.
std::string shown(const std::filesystem::path& path) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    return (error ? path : absolute.lexically_normal()).string();
}

// `--plugins` names a plugins directory as serve's --plugins-dir does (its
// default/ is used), or one plugin's own directory (with a manifest.json).
std::filesystem::path selectionPluginDirectory(const std::string& plugins_option) {
    const std::filesystem::path dir = pluginsDirectory(plugins_option);
    std::error_code error;
    if (std::filesystem::exists(dir / "manifest.json", error)) return dir;
    return dir / "default";
}

// The MES rules need to know which projects each voter approves: with cost
// utilities a voter's utility is the cost of the approved projects funded.
// Points and ranks are not approvals, and reading them as such (or as
// utilities) would be a different rule with different payments, so such
// files are refused rather than answered with an empty or made-up outcome.
bool ruleNeedsApprovalBallots(const std::string& rule) { return rule.rfind("mes-", 0) == 0; }

bool approvalBallots(const std::string& vote_type) { return vote_type == "approval" || vote_type == "choose-1"; }

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
    CryptoContentHasher hasher;
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
    std::string file, rule, plugins_option;
    std::optional<std::int64_t> threshold;
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rule" && i + 1 < argc)
            rule = argv[++i];
        else if (arg == "--plugins" && i + 1 < argc)
            plugins_option = argv[++i];
        else if (arg == "--threshold" && i + 1 < argc)
            threshold = std::strtoll(argv[++i], nullptr, 10);
        else if (file.empty() && arg.rfind("--", 0) != 0)
            file = arg;
        else
            file.clear(), i = argc;
    }
    if (argc < 3 || std::strcmp(argv[2], "select") != 0 || file.empty() || rule.empty()) {
        std::cerr << "usage: yishi pb select FILE.pb --rule greedy|greedy-threshold|mes-add1 "
                     "[--plugins DIR] [--threshold N]\n";
        return kUsage;
    }
    std::string text;
    if (!readText(file, text)) {
        std::cerr << "yishi pb select: cannot read " << shown(file) << "\n";
        return kDataError;
    }
    auto election = domain::parsePabulib(text);
    if (!election.isOk()) {
        std::cerr << "yishi pb select: " << shown(file) << ": " << election.status().message() << "\n";
        return kDataError;
    }
    auto scores = domain::pabulibScores(*election);
    if (!scores.isOk()) {
        std::cerr << "yishi pb select: " << shown(file) << ": " << scores.status().message() << "\n";
        return kDataError;
    }
    const std::string vote_type = election->metaOr("vote_type", "approval");
    if (ruleNeedsApprovalBallots(rule) && !approvalBallots(vote_type)) {
        std::cerr << "yishi pb select: " << shown(file) << ": rule " << rule
                  << " needs approval ballots (the Method of Equal Shares with cost utilities), and this file's "
                     "vote_type is "
                  << vote_type << "; use --rule greedy or greedy-threshold, which rank projects by their scores\n";
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
    if (approvalBallots(vote_type)) {
        Value::Array ballots;
        ballots.reserve(election->votes.size());
        for (const auto& vote : election->votes)
            ballots.emplace_back(Value::Array(vote.projects.begin(), vote.projects.end()));
        input.emplace("ballots", std::move(ballots));
    }
    CryptoContentHasher hasher;
    const std::filesystem::path plugin_dir = selectionPluginDirectory(plugins_option);
    auto bundle = plugins::loadPluginDirectory(plugin_dir, hasher);
    if (!bundle.isOk()) {
        std::cerr << "yishi pb select: cannot load the plugin in " << shown(plugin_dir) << ": "
                  << bundle.status().message() << "\n";
        return kDataError;
    }
    plugins::WorkerPool pool(workerPoolOptionsForSelf(1));
    auto outcome = plugins::runSelection(pool, *bundle, Value(std::move(input)));
    if (!outcome.isOk()) {
        std::cerr << "yishi pb select: " << outcome.status().toString() << "\n";
        return kDataError;
    }
    Value result = std::move(outcome).value();
    result.asObject().emplace(
        "plugin",
        Value::Object{
            {"name", bundle->name}, {"version", bundle->version}, {"api", bundle->api}, {"hash", bundle->hash}});
    std::cout << toJson(result) << "\n";
    return 0;
}

}  // namespace yishi::app
