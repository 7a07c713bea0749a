#include <boost/test/unit_test.hpp>

#include "yishi/common/json.h"
#include "yishi/plugins/lua_state.h"

using yishi::Value;
using yishi::plugins::CallOutcome;
using yishi::plugins::LuaLimits;
using yishi::plugins::LuaState;

namespace {

LuaLimits small() { return LuaLimits{1u << 20, 1'000'000}; }

CallOutcome run(const std::string& source, std::uint64_t seed = 1) {
    LuaState lua(small(), seed);
    return lua.evaluate("test.lua", source);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lua_state)

BOOST_AUTO_TEST_CASE(evaluates_a_text_chunk_into_a_value) {
    auto r = run("local t = 0 for i = 1, 10 do t = t + i end return {sum = t, half = t / 2, list = {1, 'two'}}");
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(r.value.find("sum")->asInt() == 55);
    BOOST_TEST(r.value.find("half")->asDouble() == 27.5);
    BOOST_TEST(r.value.find("list")->asArray().at(1).asString() == "two");
    LuaState lua(small(), 1);
    BOOST_TEST(std::string(lua.version()).rfind("Lua 5.4", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(runtime_errors_name_the_file_and_line) {
    auto r = run("local x = 1\nlocal y = nil\nreturn x + y");
    BOOST_REQUIRE(!r.ok);
    BOOST_TEST(r.fault.code == "plugin.error");
    BOOST_TEST(r.fault.where == "test.lua:3");
    BOOST_TEST(r.fault.cause.find("nil") != std::string::npos);
}

// Issue 12, item 4: what a plugin raises is its own; the host keeps 2 KB.
BOOST_AUTO_TEST_CASE(a_huge_or_invalid_error_text_is_cut_to_a_valid_excerpt) {
    LuaState lua(LuaLimits{64u << 20, 10'000'000}, 1);
    auto r = lua.evaluate("test.lua", "error(string.rep('x', 8 * 1024 * 1024) .. '\\255')");
    BOOST_REQUIRE(!r.ok);
    BOOST_TEST(r.fault.code == "plugin.error");
    BOOST_TEST(r.fault.where == "test.lua:1");
    BOOST_TEST(r.fault.cause.size() <= yishi::plugins::kMaxFaultCauseBytes + 32);
    BOOST_TEST(r.fault.cause.find("8388609 bytes") != std::string::npos);
    auto raw = run("error('\\255\\254 not UTF-8', 0)");
    BOOST_REQUIRE(!raw.ok);
    BOOST_TEST(raw.fault.cause.find('\xFF') == std::string::npos);
    BOOST_TEST(raw.fault.cause.find("not UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_raised_by_library_functions_get_the_plugin_line) {
    auto r = run("\n\nreturn string.rep()");
    BOOST_REQUIRE(!r.ok);
    BOOST_TEST(r.fault.where == "test.lua:3");
}

// yishi.refuse says the input is wrong: its own code, so the host answers
// the caller's 400 rather than a broken plugin's 503 (issue 9, item 12).
BOOST_AUTO_TEST_CASE(a_refusal_is_the_callers_mistake_not_a_plugin_error) {
    auto refused = run("\nyishi.refuse('unknown rule lottery')");
    BOOST_REQUIRE(!refused.ok);
    BOOST_TEST(refused.fault.code == "plugin.input");
    BOOST_TEST(refused.fault.cause == "unknown rule lottery");
    // Caught by pcall and followed by another error: that error counts.
    auto other = run("pcall(yishi.refuse, 'x')\nerror('broken')");
    BOOST_REQUIRE(!other.ok);
    BOOST_TEST(other.fault.code == "plugin.error");
    auto plain = run("error('unknown rule lottery')");
    BOOST_TEST(plain.fault.code == "plugin.error");
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_the_chunk_and_line) {
    auto r = run("return\n1 +");
    BOOST_REQUIRE(!r.ok);
    BOOST_TEST(r.fault.where == "test.lua:2");
}

BOOST_AUTO_TEST_CASE(memory_is_capped_and_the_state_survives) {
    LuaState lua(small(), 1);
    auto bomb = lua.evaluate("bomb.lua", "local t = {} for i = 1, 1e8 do t[i] = i end return #t");
    BOOST_REQUIRE(!bomb.ok);
    BOOST_TEST(bomb.fault.code == "plugin.memory");
    BOOST_TEST(lua.bytesInUse() <= (1u << 20));
    auto after = lua.evaluate("after.lua", "return 6 * 7");
    BOOST_REQUIRE(after.ok);
    BOOST_TEST(after.value.asInt() == 42);
}

BOOST_AUTO_TEST_CASE(the_instruction_budget_stops_loops_even_inside_pcall) {
    auto r = run("while true do pcall(function() while true do end end) end");
    BOOST_REQUIRE(!r.ok);
    BOOST_TEST(r.fault.code == "plugin.instructions");
}

BOOST_AUTO_TEST_CASE(random_numbers_follow_the_seed) {
    const std::string source = "local t = {} for i = 1, 5 do t[i] = math.random(1, 1000000) end return t";
    auto a = run(source, 7), b = run(source, 7), c = run(source, 8);
    BOOST_REQUIRE(a.ok && b.ok && c.ok);
    BOOST_TEST(yishi::toJson(a.value) == yishi::toJson(b.value));
    BOOST_TEST(yishi::toJson(a.value) != yishi::toJson(c.value));
}

BOOST_AUTO_TEST_CASE(pairs_walks_keys_in_sorted_order) {
    auto r =
        run("local t = {zeta = 1, alpha = 2, mid = 3, [3] = 'c', [1] = 'a'} local keys = {} "
            "for k in pairs(t) do keys[#keys + 1] = tostring(k) end return table.concat(keys, ',')");
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(r.value.asString() == "1,3,alpha,mid,zeta");
}

BOOST_AUTO_TEST_CASE(no_addresses_reach_the_plugin) {
    auto r = run("return tostring({}) .. ' ' .. tostring(print or tostring) .. ' ' .. string.format('%s', {})");
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(r.value.asString() == "table function table");
    auto p = run("return string.format('%p', {})");
    BOOST_TEST(!p.ok);
}

BOOST_AUTO_TEST_CASE(fractions_are_exact) {
    auto r =
        run("local F = yishi.fraction local x = F(1, 3) + F(1, 6) "
            "return {tostring(x), tostring(x * 2), tostring(F(10) / 4), F(7, 2):floor(), F(-7, 2):floor(), "
            "F(7, 2):ceil(), x == F(1, 2), x < 1, 1 <= x}");
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(yishi::toJson(r.value) == R"(["1/2","1","5/2",3,-4,4,true,true,false])");
}

BOOST_AUTO_TEST_CASE(fractions_refuse_floats_and_zero_denominators) {
    BOOST_TEST(!run("return yishi.fraction(1.5)").ok);
    BOOST_TEST(!run("return yishi.fraction(1, 0)").ok);
    BOOST_TEST(!run("return yishi.fraction(1) / 0").ok);
}

BOOST_AUTO_TEST_CASE(results_with_functions_or_mixed_tables_are_refused) {
    for (const char* source : {"return {f = print or tostring}", "return {1, 2, x = 3}", "return {[1] = 1, [3] = 3}",
                               "return 0/0", "return '\\xff'"}) {
        auto r = run(source);
        BOOST_TEST_INFO(source);
        BOOST_REQUIRE(!r.ok);
        BOOST_TEST(r.fault.code == "plugin.bad_result");
    }
}

BOOST_AUTO_TEST_CASE(hooks_are_called_on_the_module_a_file_returns) {
    LuaState lua(small(), 1);
    auto loaded = lua.runFile("rules.lua", "return { double = function(input) return input.n * 2 end }");
    BOOST_REQUIRE(loaded.ok);
    auto r = lua.callHook("rules.lua", "double", Value(Value::Object{{"n", 21}}));
    BOOST_REQUIRE(r.ok);
    BOOST_TEST(r.value.asInt() == 42);
    auto missing = lua.callHook("rules.lua", "triple", Value());
    BOOST_TEST(!missing.ok);
}

BOOST_AUTO_TEST_SUITE_END()
