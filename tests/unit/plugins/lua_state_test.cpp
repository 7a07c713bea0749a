#include <boost/test/unit_test.hpp>

#include "yishi/plugins/lua_state.h"

using yishi::plugins::LuaState;

BOOST_AUTO_TEST_SUITE(lua_state)

BOOST_AUTO_TEST_CASE(evaluates_a_text_chunk) {
    LuaState lua(1 << 20);
    auto r = lua.evaluate("sum", "local t = 0 for i = 1, 10 do t = t + i end return t");
    BOOST_REQUIRE(r.isOk());
    BOOST_TEST(r.value() == "55");
    BOOST_TEST(std::string(lua.version()).rfind("Lua 5.4", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(no_libraries_are_open) {
    LuaState lua(1 << 20);
    auto r = lua.evaluate("escape", "return io.open('/etc/passwd')");
    BOOST_TEST(!r.isOk());
    BOOST_TEST(r.status().message().find("io") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_bytecode) {
    LuaState lua(1 << 20);
    auto r = lua.evaluate("bytecode", std::string("\x1bLua", 4));
    BOOST_TEST(!r.isOk());
}

BOOST_AUTO_TEST_CASE(memory_is_capped_and_the_state_survives) {
    LuaState lua(1 << 20);
    auto bomb = lua.evaluate("bomb", "local t = {} for i = 1, 1e8 do t[i] = i end return #t");
    BOOST_REQUIRE(!bomb.isOk());
    BOOST_TEST(bomb.status().message().find("not enough memory") != std::string::npos);
    BOOST_TEST(lua.bytesInUse() <= (1u << 20));
    auto after = lua.evaluate("after", "return 6 * 7");
    BOOST_REQUIRE(after.isOk());
    BOOST_TEST(after.value() == "42");
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_the_chunk_and_line) {
    LuaState lua(1 << 20);
    auto r = lua.evaluate("points.lua", "return\n1 +");
    BOOST_REQUIRE(!r.isOk());
    BOOST_TEST(r.status().message().find("points.lua:2") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
