// Plain data in and out of Lua. Reading never calls a metamethod (no
// __index, __len, __pairs or __tostring), so a result table cannot run
// plugin code while the host inspects it.

#include <cmath>

#include "sandbox.h"

namespace yishi::plugins {

namespace {

constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxNodes = 2'000'000;

bool validUtf8(const char* s, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c >> 5) == 6)
            extra = 1;
        else if ((c >> 4) == 14)
            extra = 2;
        else if ((c >> 3) == 30)
            extra = 3;
        else
            return false;
        if (i + extra >= n && extra > 0) return false;
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += extra + 1;
    }
    return true;
}

struct Reader {
    lua_State* L;
    std::string& error;
    std::size_t nodes = 0;

    bool fail(std::string message) {
        error = std::move(message);
        return false;
    }

    bool read(int index, Value& out, int depth) {
        if (++nodes > kMaxNodes) return fail("the result has more than 2,000,000 values");
        switch (lua_type(L, index)) {
            case LUA_TNIL: out = Value(); return true;
            case LUA_TBOOLEAN: out = Value(lua_toboolean(L, index) != 0); return true;
            case LUA_TNUMBER:
                if (lua_isinteger(L, index)) {
                    out = Value(static_cast<std::int64_t>(lua_tointeger(L, index)));
                } else {
                    const double d = lua_tonumber(L, index);
                    if (!std::isfinite(d)) return fail("the result holds a number that is not finite");
                    out = Value(d);
                }
                return true;
            case LUA_TSTRING: {
                std::size_t n = 0;
                const char* s = lua_tolstring(L, index, &n);
                if (!validUtf8(s, n)) return fail("the result holds a string that is not UTF-8");
                out = Value(std::string(s, n));
                return true;
            }
            case LUA_TTABLE: return readTable(index, out, depth);
            default: return fail(std::string("the result holds a ") + luaL_typename(L, index));
        }
    }

    bool readTable(int index, Value& out, int depth) {
        if (depth >= kMaxDepth) return fail("the result is nested deeper than 32 levels");
        if (!lua_checkstack(L, 4)) return fail("the result is nested too deeply");
        index = lua_absindex(L, index);
        // Decide array or object from the keys: 1..n integers make an array,
        // strings an object; the empty table is an empty array.
        std::size_t count = 0;
        bool all_strings = true, all_positive_ints = true;
        lua_Integer max_index = 0;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            lua_pop(L, 1);
            ++count;
            if (lua_type(L, -1) == LUA_TSTRING) {
                all_positive_ints = false;
            } else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
                all_strings = false;
                max_index = std::max(max_index, lua_tointeger(L, -1));
            } else {
                lua_pop(L, 1);
                return fail("the result holds a table with a key that is neither a string nor a positive integer");
            }
        }
        if (count == 0 || (all_positive_ints && static_cast<std::size_t>(max_index) == count)) {
            Value::Array array;
            array.reserve(count);
            for (std::size_t i = 1; i <= count; ++i) {
                lua_rawgeti(L, index, static_cast<lua_Integer>(i));
                Value element;
                const bool ok = read(-1, element, depth + 1);
                lua_pop(L, 1);
                if (!ok) return false;
                array.push_back(std::move(element));
            }
            out = Value(std::move(array));
            return true;
        }
        if (!all_strings)
            return fail("the result holds a table that mixes string keys with integer keys, or has holes");
        Value::Object object;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            std::size_t n = 0;
            const char* key = lua_tolstring(L, -2, &n);
            if (!validUtf8(key, n)) {
                lua_pop(L, 2);
                return fail("the result holds a key that is not UTF-8");
            }
            Value member;
            if (!read(-1, member, depth + 1)) {
                lua_pop(L, 2);
                return false;
            }
            object.emplace(std::string(key, n), std::move(member));
            lua_pop(L, 1);
        }
        out = Value(std::move(object));
        return true;
    }
};

}  // namespace

void pushValue(lua_State* L, const Value& value) {
    luaL_checkstack(L, 4, "input nested too deeply");
    if (value.isNull()) {
        lua_pushnil(L);
    } else if (value.isBool()) {
        lua_pushboolean(L, value.asBool());
    } else if (value.isInt()) {
        lua_pushinteger(L, value.asInt());
    } else if (value.isDouble()) {
        lua_pushnumber(L, value.asDouble());
    } else if (value.isString()) {
        lua_pushlstring(L, value.asString().data(), value.asString().size());
    } else if (value.isArray()) {
        const auto& array = value.asArray();
        lua_createtable(L, static_cast<int>(array.size()), 0);
        lua_Integer i = 0;
        for (const auto& element : array) {
            pushValue(L, element);
            lua_rawseti(L, -2, ++i);
        }
    } else {
        const auto& object = value.asObject();
        lua_createtable(L, 0, static_cast<int>(object.size()));
        for (const auto& [key, member] : object) {
            lua_pushlstring(L, key.data(), key.size());
            pushValue(L, member);
            lua_rawset(L, -3);
        }
    }
}

bool readValue(lua_State* L, int index, Value& out, std::string& error) {
    Reader reader{L, error};
    return reader.read(index, out, 0);
}

}  // namespace yishi::plugins
