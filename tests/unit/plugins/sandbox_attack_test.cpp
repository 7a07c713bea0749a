// The sandbox attack suite (issue 4): every attack fails cleanly within its
// budget, through the real worker processes, and the next call, of another
// district's plugin, succeeds.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <set>

#include "unit/plugins/plugin_fixtures.h"
#include "yishi/plugins/selection.h"
#include "yishi/plugins/worker_pool.h"

using yishi::Value;
using yishi::plugins::WorkerPool;

namespace {

struct Attack {
    const char* name;
    const char* body;             // the body of select(input)
    std::set<std::string> codes;  // acceptable failure codes
};

std::ostream& operator<<(std::ostream& out, const Attack& attack) { return out << attack.name; }

const std::set<std::string> kError{"plugin.error"};
const std::set<std::string> kMemory{"plugin.memory", "plugin.error"};
// A loop ends on the instruction budget, or on the wall clock when the
// machine is busy enough that 200 ms pass first: either is a clean end.
const std::set<std::string> kInstructions{"plugin.instructions", "plugin.timeout", "plugin.cpu"};
const std::set<std::string> kWallClock{"plugin.timeout", "plugin.cpu", "plugin.instructions"};
const std::set<std::string> kBadResult{"plugin.bad_result"};

const Attack kAttacks[] = {
    {"infinite_loop", "while true do end", kInstructions},
    {"infinite_tail_calls", "local function f() return f() end return f()", kInstructions},
    // Growing the stack to its limit takes long enough that a loaded machine
    // may reach the wall-clock budget first: any of the three is clean.
    {"deep_recursion",
     "local function f(n) return 1 + f(n + 1) end return f(1)",
     {"plugin.error", "plugin.memory", "plugin.timeout"}},
    {"table_memory_bomb", "local t = {} for i = 1, 1e9 do t[i] = i end", kMemory},
    {"string_doubling", "local s = 'x' while true do s = s .. s end", kMemory},
    {"string_rep_huge", "return string.rep('x', 1 << 40)", kMemory},
    {"string_rep_with_separator", "return string.rep('x', 1e8, ',')", kMemory},
    {"many_big_strings", "local t = {} for i = 1, 1e5 do t[i] = string.rep(tostring(i), 1000) end", kMemory},
    {"catastrophic_pattern", "return string.find(string.rep('a', 20000), '.-.-.-.-.-.-.-.-.-b')", kWallClock},
    {"garbage_churn", "while true do local t = {1, 2, 3} end", kInstructions},
    {"pcall_swallows_budget", "while true do pcall(function() while true do end end) end", kInstructions},
    {"xpcall_swallows_budget", "while true do xpcall(function() while true do end end, function() end) end",
     kInstructions},
    {"io_open", "return io.open('/etc/passwd')", kError},
    {"os_execute", "return os.execute('id')", kError},
    {"os_exit", "os.exit(0)", kError},
    {"debug_sethook", "debug.sethook()", kError},
    {"load_text", "return load('return 1')()", kError},
    {"loadfile", "return loadfile('/etc/passwd')", kError},
    {"dofile", "return dofile('/etc/passwd')", kError},
    {"require", "return require('os')", kError},
    {"package_loaded", "return package.loaded.os", kError},
    {"string_dump_bytecode", "return string.dump(function() end)", kError},
    {"coroutine_close_chain",
     "local co = coroutine.create(function() end) for i = 1, 50000 do co = coroutine.create(function() "
     "coroutine.close(co) end) end",
     kError},
    {"string_metatable_tamper", "getmetatable('').__index = {}", kError},
    {"gc_finalizer_loop", "setmetatable({}, {__gc = function() while true do end end})", kError},
    {"weak_table", "setmetatable({}, {__mode = 'k'})", kError},
    {"tostring_metamethod_loop", "return tostring(setmetatable({}, {__tostring = function() while true do end end}))",
     kInstructions},
    {"tostring_returns_table", "return tostring(setmetatable({}, {__tostring = function() return {} end}))", kError},
    {"collectgarbage", "collectgarbage('stop')", kError},
    {"randomseed", "math.randomseed(1)", kError},
    {"format_pointer", "return string.format('%p', {})", kError},
    {"error_with_table", "error(setmetatable({}, {__tostring = function() while true do end end}))", kError},
    {"unpack_huge", "return select('#', table.unpack({}, 1, 1e8))", kError},
    {"fraction_bomb", "local f = yishi.fraction(3) for i = 1, 100 do f = f * f end return tostring(f)", kMemory},
    {"result_too_deep", "local t = {} for i = 1, 100 do t = {t} end return {selected = t}", kBadResult},
    {"result_cycle", "local t = {} t.self = t return t", kBadResult},
    {"result_with_function", "return {selected = {print or tostring}}", kBadResult},
    {"result_not_utf8", "return {selected = {'\\xff\\xfe'}}", kBadResult},
    {"result_nan", "return {selected = {}, notes = 0/0}", kBadResult},
    {"result_index_metamethod", "return setmetatable({}, {__index = function() while true do end end})", kBadResult},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sandbox_attacks)

BOOST_DATA_TEST_CASE(fails_cleanly_and_the_next_district_is_served, boost::unit_test::data::make(kAttacks), attack) {
    static WorkerPool pool(yishi::test::testPoolOptions(2));
    const auto bad = yishi::test::selectBody(std::string("attacker-") + attack.name, attack.body);
    const auto good = yishi::test::selectBody("district-2", "return {selected = {}, notes = 'fine'}");
    const Value input(Value::Object{{"budget", 10}});

    const auto started = std::chrono::steady_clock::now();
    const auto result = yishi::plugins::runSelection(pool, bad, input);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    BOOST_TEST_MESSAGE(attack.name << ": " << result.status().toString());
    BOOST_REQUIRE(!result.isOk());
    BOOST_TEST(attack.codes.count(result.status().code()) == 1u, result.status().toString());
    // The error names the plugin and the hook.
    BOOST_TEST(result.status().message().find("plugin 'attacker-") == 0u, result.status().message());
    BOOST_TEST(result.status().message().find("hook 'select'") != std::string::npos);
    // The wall-clock budget is 200 ms; allow for starting a worker on a busy
    // machine.
    BOOST_TEST((elapsed < std::chrono::milliseconds(2500)));

    const auto next = yishi::plugins::runSelection(pool, good, input);
    BOOST_REQUIRE_MESSAGE(next.isOk(), next.status().toString());
    BOOST_TEST(next->find("notes")->asString() == "fine");
}

BOOST_AUTO_TEST_CASE(errors_never_show_host_paths) {
    WorkerPool pool(yishi::test::testPoolOptions(1));
    const auto bad = yishi::test::selectBody("paths", "local x = nil\nreturn x.y");
    const auto result = pool.call(bad, "select", {Value()}).front();
    BOOST_REQUIRE(!result.ok);
    BOOST_TEST(result.fault.where == "attack.lua:3");
    BOOST_TEST(result.fault.describe().find('/') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bytecode_files_are_refused) {
    WorkerPool pool(yishi::test::testPoolOptions(1));
    const auto bad = yishi::test::oneFileBundle("bytecode", std::string("\x1bLua\x54\x00", 6));
    const auto result = pool.call(bad, "select", {Value()}).front();
    BOOST_REQUIRE(!result.ok);
    BOOST_TEST(result.fault.code == "plugin.error");
    BOOST_TEST(result.fault.cause.find("binary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_plugin_cannot_leave_state_for_the_next_call) {
    WorkerPool pool(yishi::test::testPoolOptions(1));
    const auto plugin =
        yishi::test::selectBody("stateful",
                                "local seen = counter ; counter = (counter or 0) + 1 ; string.rep = nil ; "
                                "return {selected = {}, notes = tostring(seen)}");
    for (int i = 0; i < 3; ++i) {
        const auto result = pool.call(plugin, "select", {Value()}).front();
        BOOST_REQUIRE(result.ok);
        BOOST_TEST(result.value.find("notes")->asString() == "nil");
    }
}

BOOST_AUTO_TEST_SUITE_END()
