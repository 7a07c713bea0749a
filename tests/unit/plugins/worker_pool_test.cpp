#include <boost/test/unit_test.hpp>

#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <thread>

#include "crypto_ports.h"
#include "unit/plugins/plugin_fixtures.h"
#include "yishi/common/json.h"
#include "yishi/plugins/selection.h"
#include "yishi/plugins/worker_pool.h"

using yishi::Value;
using yishi::plugins::WorkerPool;

namespace {

const char* kEcho =
    "if input.stall then string.find(string.rep('a', 20000), '.-.-.-.-.-.-.-.-.-b') end\n"
    "if input.spin then local t = os_clock_free or 0 for i = 1, 3e7 do t = t + i end end\n"
    "return input.n * 2";

// Pids of this process's plugin workers.
std::vector<pid_t> workerPids() {
    std::vector<pid_t> pids;
    DIR* proc = ::opendir("/proc");
    while (dirent* entry = ::readdir(proc)) {
        const pid_t pid = std::atoi(entry->d_name);
        if (pid <= 0) continue;
        std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
        std::string ignored, state;
        pid_t parent = 0;
        stat >> ignored >> ignored >> state >> parent;
        if (parent == ::getpid()) pids.push_back(pid);
    }
    ::closedir(proc);
    return pids;
}

Value numbered(int n, const char* flag = nullptr) {
    Value::Object object{{"n", n}};
    if (flag) object.emplace(flag, true);
    return Value(std::move(object));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(worker_pool)

BOOST_AUTO_TEST_CASE(a_batch_is_one_round_trip_with_results_in_order) {
    WorkerPool pool(yishi::test::testPoolOptions(1));
    const auto echo = yishi::test::selectBody("echo", kEcho);
    std::vector<Value> inputs;
    for (int i = 0; i < 100; ++i) inputs.push_back(numbered(i));
    const auto results = pool.call(echo, "select", inputs);
    BOOST_REQUIRE(results.size() == 100u);
    for (int i = 0; i < 100; ++i) {
        BOOST_REQUIRE(results[i].ok);
        BOOST_TEST(results[i].value.asInt() == 2 * i);
    }
    BOOST_TEST(pool.workersStarted() == 1);
}

BOOST_AUTO_TEST_CASE(one_input_that_kills_its_worker_fails_alone) {
    WorkerPool pool(yishi::test::testPoolOptions(1));
    const auto echo = yishi::test::selectBody("echo", kEcho);
    const auto results = pool.call(echo, "select", {numbered(1), numbered(2, "stall"), numbered(3)});
    BOOST_REQUIRE(results.size() == 3u);
    BOOST_TEST(results[0].ok);
    BOOST_TEST(results[0].value.asInt() == 2);
    BOOST_TEST(!results[1].ok);
    BOOST_TEST((results[1].fault.code == "plugin.timeout" || results[1].fault.code == "plugin.cpu"));
    BOOST_TEST(results[2].ok);
    BOOST_TEST(results[2].value.asInt() == 6);
    BOOST_TEST(pool.workersStarted() >= 2);
}

BOOST_AUTO_TEST_CASE(a_crashed_worker_is_reported_and_replaced) {
    WorkerPool pool(yishi::test::testPoolOptions(1));
    auto echo = yishi::test::selectBody("echo", kEcho, 5000);
    echo.hooks["select"].limits.instructions = 10'000'000'000ull;
    BOOST_REQUIRE(pool.call(echo, "select", {numbered(1)}).front().ok);
    auto pending = std::async(std::launch::async, [&] { return pool.call(echo, "select", {numbered(5, "spin")}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (pid_t pid : workerPids()) ::kill(pid, SIGSEGV);
    const auto crashed = pending.get().front();
    BOOST_REQUIRE(!crashed.ok);
    BOOST_TEST(crashed.fault.code == "plugin.crashed");
    // Plain builds name the signal; under AddressSanitizer its handler turns
    // the signal into an exit with code 1.
    BOOST_TEST((crashed.fault.cause.find("SIGSEGV") != std::string::npos ||
                crashed.fault.cause.find("exited with code") != std::string::npos),
               crashed.fault.cause);
    const auto after = pool.call(echo, "select", {numbered(4)}).front();
    BOOST_REQUIRE(after.ok);
    BOOST_TEST(after.value.asInt() == 8);
    BOOST_TEST(pool.workersStarted() == 2);
}

// A worker that answers plugin.unknown_bundle to every call, even to the
// one that carried the bundle: a single resend at most, never a loop (the
// server recursed on it, resending, until the worker ran out of answers).
BOOST_AUTO_TEST_CASE(a_worker_that_forgets_the_bundle_it_was_sent_is_not_asked_forever) {
    yishi::plugins::WorkerPoolOptions options;
    // A stand-in worker in sh: the ready frame, then 50 frames of
    // {"error":{"code":"plugin.unknown_bundle","cause":"forgot it"}} (62
    // bytes, little-endian length first), then it waits for the end.
    const std::string forgot =
        "\\076\\000\\000\\000{\"error\":{\"code\":\"plugin.unknown_bundle\",\"cause\":\"forgot it\"}}";
    options.command = {"/bin/sh", "-c",
                       "printf '\\016\\000\\000\\000{\"ready\":true}'; i=0; while [ $i -lt 50 ]; do printf '" + forgot +
                           "'; i=$((i+1)); done; exec cat >/dev/null"};
    options.workers = 1;
    options.transport_slack_ms = 2000;
    WorkerPool pool(options);
    const auto echo = yishi::test::selectBody("echo", kEcho, 100);
    for (int call = 0; call < 2; ++call) {
        const auto r = pool.call(echo, "select", {numbered(1)}).front();
        BOOST_REQUIRE(!r.ok);
        BOOST_TEST(r.fault.code == "plugin.unknown_bundle", r.fault.code << ": " << r.fault.cause);
        BOOST_TEST(r.fault.cause == "forgot it");
    }
    BOOST_TEST(pool.workersStarted() == 1);
}

BOOST_AUTO_TEST_CASE(calls_from_many_threads_share_the_workers) {
    WorkerPool pool(yishi::test::testPoolOptions(2));
    const auto echo = yishi::test::selectBody("echo", kEcho);
    std::vector<std::future<int>> futures;
    for (int t = 0; t < 8; ++t)
        futures.push_back(std::async(std::launch::async, [&, t] {
            int good = 0;
            for (int i = 0; i < 20; ++i) {
                auto r = pool.call(echo, "select", {numbered(t * 100 + i)}).front();
                BOOST_TEST_MESSAGE(r.fault.code << " " << r.fault.describe());
                good += r.ok && r.value.asInt() == 2 * (t * 100 + i);
            }
            return good;
        }));
    for (auto& f : futures) BOOST_TEST(f.get() == 20);
    BOOST_TEST(pool.workersStarted() <= 2);
}

// Each shipped selection rule, 20 times, each time in a fresh worker
// process: byte-identical output.
BOOST_AUTO_TEST_CASE(shipped_selection_rules_are_deterministic_across_fresh_workers) {
    yishi::app::CryptoContentHasher hasher;
    auto bundle = yishi::plugins::loadPluginDirectory(std::string(YISHI_SOURCE_DIR) + "/plugins/default", hasher);
    BOOST_REQUIRE(bundle.isOk());
    // A fixed pseudo-random instance: 30 projects, 400 voters.
    std::uint64_t x = 42;
    auto next = [&] { return (x = x * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
    Value::Array projects, ballots;
    for (int p = 0; p < 30; ++p)
        projects.emplace_back(Value::Object{{"id", "p" + std::to_string(p)},
                                            {"cost", static_cast<std::int64_t>(500 + next() % 4500)},
                                            {"votes", static_cast<std::int64_t>(next() % 50)},
                                            {"community", static_cast<std::int64_t>(p % 4)}});
    for (int v = 0; v < 400; ++v) {
        Value::Array ballot;
        for (int p = 0; p < 30; ++p)
            if (next() % 6 == 0) ballot.emplace_back("p" + std::to_string(p));
        ballots.emplace_back(std::move(ballot));
    }
    for (const char* rule : {"greedy", "greedy-threshold", "greedy-quota", "mes-add1", "mes-add1-reference"}) {
        const Value input(Value::Object{{"budget", 20000},
                                        {"projects", projects},
                                        {"ballots", ballots},
                                        {"settings", Value::Object{{"rule", rule}, {"threshold", 20}}}});
        std::string first;
        for (int run = 0; run < 20; ++run) {
            WorkerPool fresh(yishi::test::testPoolOptions(1));
            auto result = yishi::plugins::runSelection(fresh, *bundle, input);
            BOOST_REQUIRE_MESSAGE(result.isOk(), result.status().toString());
            const std::string text = yishi::toJson(*result);
            if (run == 0) first = text;
            BOOST_TEST(text == first, rule << " run " << run);
            BOOST_TEST(!result->find("selected")->asArray().empty());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
