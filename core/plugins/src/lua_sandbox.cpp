// The first line of defence: what a plugin's global environment holds.
// Everything not listed here is absent; see docs/plugins.md.

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "sandbox.h"
#include "yishi/plugins/plugin_call.h"

namespace yishi::plugins {

namespace {

// Lua's own function, kept in an upvalue of the wrapper that replaces it.
int callOriginal(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

bool hasMetaField(lua_State* L, int index, const char* field) {
    if (luaL_getmetafield(L, index, field) == LUA_TNIL) return false;
    lua_pop(L, 1);
    return true;
}

// setmetatable refuses __gc (finalizers run during collection, where no
// hook fires) and __mode (weak tables make results depend on when the
// collector runs).
int safeSetmetatable(lua_State* L) {
    if (lua_istable(L, 2)) {
        for (const char* field : {"__gc", "__mode"}) {
            lua_getfield(L, 2, field);
            const bool present = !lua_isnil(L, -1);
            lua_pop(L, 1);
            if (present) return luaL_error(L, "setmetatable: %s is not allowed in plugins", field);
        }
    }
    return callOriginal(L);
}

// pcall and xpcall cannot swallow the end of the instruction budget.
int safePcall(lua_State* L) {
    const int results = callOriginal(L);
    auto& sandbox = LuaState::Sandbox::of(L);
    if (sandbox.instructions_exhausted && lua_toboolean(L, 1) == 0)
        return luaL_error(L, "instruction budget of %d exceeded", static_cast<int>(sandbox.limits.instructions));
    return results;
}

// tostring never shows an address: tables, functions and userdata without
// __tostring print as their type name.
int safeTostring(lua_State* L) {
    luaL_checkany(L, 1);
    const int type = lua_type(L, 1);
    if ((type == LUA_TTABLE || type == LUA_TUSERDATA || type == LUA_TFUNCTION || type == LUA_TTHREAD ||
         type == LUA_TLIGHTUSERDATA) &&
        !hasMetaField(L, 1, "__tostring")) {
        lua_pushstring(L, lua_typename(L, type));
        return 1;
    }
    luaL_tolstring(L, 1, nullptr);
    return 1;
}

// string.format without %p, and with the same address-free rendering of
// tables as tostring.
int safeFormat(lua_State* L) {
    const char* format = luaL_checkstring(L, 1);
    for (const char* p = std::strchr(format, '%'); p; p = std::strchr(p + 2, '%')) {
        if (p[1] == '\0') break;
        if (p[1] == '%') continue;
        const char* spec = p + 1;
        while (*spec && std::strchr("-+ #0123456789.", *spec)) ++spec;
        if (*spec == 'p') return luaL_error(L, "string.format: %%p is not allowed in plugins");
    }
    for (int i = 2; i <= lua_gettop(L); ++i) {
        const int type = lua_type(L, i);
        if (type == LUA_TTABLE || type == LUA_TUSERDATA || type == LUA_TFUNCTION || type == LUA_TTHREAD) {
            if (!hasMetaField(L, i, "__tostring")) {
                lua_pushstring(L, lua_typename(L, type));
                lua_replace(L, i);
            }
        }
    }
    return callOriginal(L);
}

// yishi.refuse(message): the hook finds its input wrong (an unknown rule, a
// missing setting). Raises an error the host reports as "plugin.input", the
// caller's mistake rather than the plugin's.
int refuse(lua_State* L) {
    const char* message = luaL_checkstring(L, 1);
    LuaState::Sandbox::of(L).refusal = message;
    lua_pushstring(L, message);
    return lua_error(L);
}

int log(lua_State* L) {
    auto& sandbox = LuaState::Sandbox::of(L);
    std::string line;
    for (int i = 1; i <= lua_gettop(L); ++i) {
        lua_pushcfunction(L, &safeTostring);
        lua_pushvalue(L, i);
        lua_call(L, 1, 1);
        std::size_t n = 0;
        const char* s = lua_tolstring(L, -1, &n);
        if (i > 1) line.push_back(' ');
        line.append(s, n);
        lua_pop(L, 1);
    }
    if (sandbox.log.size() < kMaxLogLines && sandbox.log_bytes + line.size() <= kMaxLogBytes) {
        sandbox.log_bytes += line.size();
        sandbox.log.push_back(std::move(line));
    }
    return 0;
}

// Keys in a fixed order: booleans, then numbers ascending, then strings
// bytewise. Tables, functions and other keys are refused: they have no
// order that does not depend on addresses.
int sortedKeys(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    struct Key {
        int rank;
        bool b = false;
        lua_Number n = 0;
        lua_Integer i = 0;
        bool is_int = false;
        std::string s;
    };
    std::vector<Key> keys;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        Key key{0, false, 0, 0, false, {}};
        switch (lua_type(L, -1)) {
            case LUA_TBOOLEAN:
                key.rank = 0;
                key.b = lua_toboolean(L, -1);
                break;
            case LUA_TNUMBER:
                key.rank = 1;
                key.is_int = lua_isinteger(L, -1);
                key.i = lua_tointeger(L, -1);
                key.n = lua_tonumber(L, -1);
                break;
            case LUA_TSTRING: {
                key.rank = 2;
                std::size_t len = 0;
                const char* s = lua_tolstring(L, -1, &len);
                key.s.assign(s, len);
                break;
            }
            default: return luaL_error(L, "cannot order a key of type %s", luaL_typename(L, -1));
        }
        keys.push_back(std::move(key));
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.rank == 0) return a.b < b.b;
        if (a.rank == 1) {
            if (a.is_int && b.is_int) return a.i < b.i;
            return a.n < b.n;
        }
        return a.s < b.s;
    });
    lua_createtable(L, static_cast<int>(keys.size()), 0);
    lua_Integer index = 0;
    for (const auto& key : keys) {
        if (key.rank == 0)
            lua_pushboolean(L, key.b);
        else if (key.rank == 1 && key.is_int)
            lua_pushinteger(L, key.i);
        else if (key.rank == 1)
            lua_pushnumber(L, key.n);
        else
            lua_pushlstring(L, key.s.data(), key.s.size());
        lua_rawseti(L, -2, ++index);
    }
    return 1;
}

int sortedNext(lua_State* L) {
    // upvalue 1: the table, upvalue 2: its sorted keys, upvalue 3: position
    lua_Integer position = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    lua_pushinteger(L, position);
    lua_replace(L, lua_upvalueindex(3));
    if (lua_rawgeti(L, lua_upvalueindex(2), position) == LUA_TNIL) return 1;
    lua_pushvalue(L, -1);
    lua_rawget(L, lua_upvalueindex(1));
    return 2;
}

// pairs walks the keys in the order of yishi.sorted_keys, so a plugin's
// output never depends on the layout of a hash table.
int sortedPairs(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushvalue(L, 1);
    lua_pushcfunction(L, &sortedKeys);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, &sortedNext, 3);
    return 1;
}

// yishi.points_today(event, user, rule): what `user` was awarded under
// `rule` on the event's day before it (0 when nothing), from the snapshot
// the host puts in the event.
int pointsToday(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const lua_Integer user = luaL_checkinteger(L, 2);
    luaL_checkstring(L, 3);
    lua_pushliteral(L, "awarded_today");
    if (lua_rawget(L, 1) != LUA_TTABLE) {
        lua_pushinteger(L, 0);
        return 1;
    }
    lua_pushfstring(L, "%I", user);
    if (lua_rawget(L, -2) != LUA_TTABLE) {
        lua_pushinteger(L, 0);
        return 1;
    }
    lua_pushvalue(L, 3);
    if (lua_rawget(L, -2) != LUA_TNUMBER) lua_pushinteger(L, 0);
    return 1;
}

// xoshiro256** seeded by the host.
std::uint64_t nextRandom(LuaState::Sandbox& sandbox) {
    auto* s = sandbox.random_state;
    auto rotl = [](std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

// math.random with Lua's signature: (), (m) or (m, n).
int seededRandom(lua_State* L) {
    auto& sandbox = LuaState::Sandbox::of(L);
    const std::uint64_t r = nextRandom(sandbox);
    lua_Integer low = 1, high = 0;
    switch (lua_gettop(L)) {
        case 0: lua_pushnumber(L, static_cast<lua_Number>(r >> 11) * (0.5 / (std::uint64_t{1} << 52))); return 1;
        case 1: high = luaL_checkinteger(L, 1); break;
        case 2:
            low = luaL_checkinteger(L, 1);
            high = luaL_checkinteger(L, 2);
            break;
        default: return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, low <= high, lua_gettop(L), "interval is empty");
    const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    const std::uint64_t offset = span == UINT64_MAX ? r : r % (span + 1);
    lua_pushinteger(L, static_cast<lua_Integer>(static_cast<std::uint64_t>(low) + offset));
    return 1;
}

void wrap(lua_State* L, int table, const char* name, lua_CFunction wrapper) {
    lua_getfield(L, table, name);
    lua_pushcclosure(L, wrapper, 1);
    lua_setfield(L, table, name);
}

void removeFields(lua_State* L, int table, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        lua_pushnil(L);
        lua_setfield(L, table, name);
    }
}

}  // namespace

void installSandbox(lua_State* L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);
    // luaL_requiref records the libraries in package.loaded; nothing may
    // reach that table.
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);

    lua_pushglobaltable(L);
    const int globals = lua_gettop(L);
    removeFields(L, globals, {"load", "loadfile", "dofile", "collectgarbage", "print", "next", "warn"});
    wrap(L, globals, "setmetatable", &safeSetmetatable);
    wrap(L, globals, "pcall", &safePcall);
    wrap(L, globals, "xpcall", &safePcall);
    lua_pushcfunction(L, &safeTostring);
    lua_setfield(L, globals, "tostring");
    lua_pushcfunction(L, &sortedPairs);
    lua_setfield(L, globals, "pairs");

    lua_getfield(L, globals, "string");
    const int string_table = lua_gettop(L);
    removeFields(L, string_table, {"dump"});
    wrap(L, string_table, "format", &safeFormat);
    // The string metatable is shared by every string: plugins may not reach it.
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_settop(L, globals);

    lua_getfield(L, globals, "math");
    removeFields(L, lua_gettop(L), {"randomseed"});
    lua_pushcfunction(L, &seededRandom);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);

    lua_newtable(L);
    lua_pushcfunction(L, &log);
    lua_setfield(L, -2, "log");
    lua_pushcfunction(L, &refuse);
    lua_setfield(L, -2, "refuse");
    lua_pushcfunction(L, &sortedKeys);
    lua_setfield(L, -2, "sorted_keys");
    lua_pushcfunction(L, &sortedPairs);
    lua_setfield(L, -2, "sorted_pairs");
    lua_pushcfunction(L, &pointsToday);
    lua_setfield(L, -2, "points_today");
    lua_pushinteger(L, 1);
    lua_setfield(L, -2, "api");
    installFraction(L);
    installEqualShares(L);
    lua_setfield(L, globals, "yishi");
    lua_settop(L, 0);
}

}  // namespace yishi::plugins
