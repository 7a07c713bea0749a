// The default plugin's rules in-process: the host's exact MES with Add1
// (yishi.equal_shares_add1, behind "mes-add1") against the same method
// written in Lua over yishi.fraction ("mes-add1-reference"), on random
// elections.

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
        const std::int64_t cost =
            1 + static_cast<std::int64_t>(random() % 4) * 25 + static_cast<std::int64_t>(random() % 2);
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
        BOOST_TEST(yishi::toJson(*fast.value.find("selected")) == yishi::toJson(*reference.value.find("selected")),
                   "election " << round << ": " << yishi::toJson(election));
        nonempty += !fast.value.find("selected")->asArray().empty();
    }
    BOOST_TEST(nonempty > 100);  // the elections are not degenerate
}

// Add1 by unit steps would run MES about 5 x 10^8 times here; the host
// jumps to where the outcome can change (equal_shares_add1_test.cpp has
// the same election worked out).
BOOST_AUTO_TEST_CASE(mes_add1_with_two_ballots_and_a_billion_fen_finishes) {
    const auto bundle = defaultBundle();
    Value::Array projects{Value(Value::Object{{"id", "p0"}, {"cost", std::int64_t{1'200'000'000}}}),
                          Value(Value::Object{{"id", "p1"}, {"cost", std::int64_t{900'000'000}}}),
                          Value(Value::Object{{"id", "p2"}, {"cost", std::int64_t{300'000'000}}})};
    Value::Array ballots{Value(Value::Array{Value("p0"), Value("p2")}), Value(Value::Array{Value("p1"), Value("p2")})};
    const Value election(Value::Object{
        {"budget", std::int64_t{1'000'000'000}}, {"projects", std::move(projects)}, {"ballots", std::move(ballots)}});
    auto result = yishi::plugins::runHookInProcess(bundle, "select", withRule(election, "mes-add1"));
    BOOST_REQUIRE_MESSAGE(result.ok, result.fault.describe());
    BOOST_TEST(yishi::toJson(*result.value.find("selected")) == "[\"p2\"]");
    BOOST_TEST(result.value.find("notes")->asString().find("per-voter budget 1049999999 after 549999999 Add1 steps") !=
                   std::string::npos,
               result.value.find("notes")->asString());
}

BOOST_AUTO_TEST_CASE(equal_shares_checks_its_arguments) {
    const auto bundle = defaultBundle();
    yishi::plugins::LuaState lua({}, 1);
    for (const char* source : {
             "return yishi.equal_shares({costs = {1}, ballots = {{2}}, order = {1}}, 1)",
             "return yishi.equal_shares({costs = {1, 2}, ballots = {}, order = {1, 1}}, 1)",
             "return yishi.equal_shares({costs = {-1}, ballots = {}, order = {1}}, 1)",
             "return yishi.equal_shares({costs = {1}, ballots = {}, order = {1}}, 1.5)",
             "return yishi.equal_shares_add1({costs = {1}, ballots = {}, order = {1}}, -1)",
             "return yishi.equal_shares_add1({costs = {1}, ballots = {{0}}, order = {1}}, 10)",
         }) {
        auto r = lua.evaluate("args.lua", source);
        BOOST_TEST_INFO(source);
        BOOST_TEST(!r.ok);
        BOOST_TEST(r.fault.cause.find("equal_shares") != std::string::npos, r.fault.cause);
    }
    auto ok = lua.evaluate("ok.lua",
                           "return yishi.equal_shares({costs = {10, 10}, ballots = {{1}, {1}, {2}}, "
                           "order = {1, 2}}, 5)");
    BOOST_REQUIRE(ok.ok);
    BOOST_TEST(yishi::toJson(ok.value) == "[1]");
    // Add1 over the same: shares 5 (project 1), then 6 .. 9 the same, 10
    // buys project 2 too, costing 20 > 15; so it stops at 9.
    auto add1 = lua.evaluate("add1.lua",
                             "local chosen, share = yishi.equal_shares_add1({costs = {10, 10}, "
                             "ballots = {{1}, {1}, {2}}, order = {1, 2}}, 15) "
                             "return {chosen = chosen, share = share}");
    BOOST_REQUIRE_MESSAGE(add1.ok, add1.fault.describe());
    BOOST_TEST(yishi::toJson(add1.value) == R"({"chosen":[1],"share":9})");
}

BOOST_AUTO_TEST_SUITE_END()
