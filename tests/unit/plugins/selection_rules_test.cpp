// The default plugin's rules in-process: the host's exact MES kernel
// (yishi.equal_shares, behind "mes-add1") against the same method written in
// Lua over yishi.fraction ("mes-add1-reference"), on random elections.

#include <boost/test/unit_test.hpp>

#include <random>

#include "crypto_ports.h"
#include "yishi/common/json.h"
#include "yishi/plugins/plugin_call.h"

using yishi::Value;

namespace {

yishi::plugins::PluginBundle defaultBundle() {
    yishi::app::CryptoContentHasher hasher;
    auto bundle = yishi::plugins::loadPluginDirectory(std::string(YISHI_SOURCE_DIR) + "/plugins/default", hasher);
    BOOST_REQUIRE_MESSAGE(bundle.isOk(), bundle.status().toString());
    return std::move(bundle).value();
}

Value randomElection(std::mt19937_64& random) {
    const int projects = 2 + static_cast<int>(random() % 11);
    const int voters = 1 + static_cast<int>(random() % 60);
    Value::Array list, ballots;
    std::int64_t total = 0;
    for (int p = 0; p < projects; ++p) {
        // Some equal costs, so ties happen.
        const std::int64_t cost = 1 + static_cast<std::int64_t>(random() % 4) * 25 + static_cast<std::int64_t>(random() % 2);
        total += cost;
        list.emplace_back(Value::Object{{"id", "p" + std::to_string(p)}, {"cost", cost}, {"votes", 0}});
    }
    for (int v = 0; v < voters; ++v) {
        Value::Array ballot;
        for (int p = 0; p < projects; ++p)
            if (random() % 3 == 0) ballot.emplace_back("p" + std::to_string(p));
        ballots.emplace_back(std::move(ballot));
    }
    const std::int64_t budget = 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(total + 1));
    return Value(Value::Object{{"budget", budget}, {"projects", std::move(list)}, {"ballots", std::move(ballots)}});
}

Value withRule(Value input, const char* rule) {
    input.asObject()["settings"] = Value(Value::Object{{"rule", rule}});
    return input;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(selection_rules)

BOOST_AUTO_TEST_CASE(host_equal_shares_matches_the_lua_reference_on_random_elections) {
    const auto bundle = defaultBundle();
    std::mt19937_64 random(20261123);
    int nonempty = 0;
    for (int round = 0; round < 150; ++round) {
        const Value election = randomElection(random);
        auto fast = yishi::plugins::runHookInProcess(bundle, "select", withRule(election, "mes-add1"));
        auto reference = yishi::plugins::runHookInProcess(bundle, "select", withRule(election, "mes-add1-reference"));
        BOOST_REQUIRE_MESSAGE(fast.ok, fast.fault.describe());
        BOOST_REQUIRE_MESSAGE(reference.ok, reference.fault.describe());
        BOOST_TEST(yishi::toJson(*fast.value.find("selected")) ==
                       yishi::toJson(*reference.value.find("selected")),
                   "election " << round << ": " << yishi::toJson(election));
        nonempty += !fast.value.find("selected")->asArray().empty();
    }
    BOOST_TEST(nonempty > 100);  // the elections are not degenerate
}

BOOST_AUTO_TEST_CASE(equal_shares_checks_its_arguments) {
    const auto bundle = defaultBundle();
    yishi::plugins::LuaState lua({}, 1);
    for (const char* source : {
             "return yishi.equal_shares({costs = {1}, ballots = {{2}}, order = {1}}, 1)",
             "return yishi.equal_shares({costs = {1, 2}, ballots = {}, order = {1, 1}}, 1)",
             "return yishi.equal_shares({costs = {-1}, ballots = {}, order = {1}}, 1)",
             "return yishi.equal_shares({costs = {1}, ballots = {}, order = {1}}, 1.5)",
         }) {
        auto r = lua.evaluate("args.lua", source);
        BOOST_TEST_INFO(source);
        BOOST_TEST(!r.ok);
        BOOST_TEST(r.fault.cause.find("equal_shares") != std::string::npos, r.fault.cause);
    }
    auto ok = lua.evaluate("ok.lua", "return yishi.equal_shares({costs = {10, 10}, ballots = {{1}, {1}, {2}}, "
                                     "order = {1, 2}}, 5)");
    BOOST_REQUIRE(ok.ok);
    BOOST_TEST(yishi::toJson(ok.value) == "[1]");
}

BOOST_AUTO_TEST_SUITE_END()
