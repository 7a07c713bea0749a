// yishi.fraction: exact rational numbers for rules whose arithmetic must be
// exact (the Method of Equal Shares divides budgets among voters). Backed by
// GMP through Boost.Multiprecision; the digits live outside Lua's allocator, so their
// size is charged against the plugin's memory cap by hand.

#include <boost/multiprecision/gmp.hpp>

#include <exception>
#include <new>

#include "sandbox.h"

namespace yishi::plugins {

namespace {

using Rational = boost::multiprecision::mpq_rational;
using Integer = boost::multiprecision::mpz_int;

constexpr const char* kMetatable = "yishi.fraction";
constexpr unsigned kMaxBits = 1u << 16;

struct Fraction {
    Rational value;
    std::size_t charged = 0;
};

std::size_t bitsOf(const Integer& i) { return i == 0 ? 0 : boost::multiprecision::msb(abs(i)) + 1; }

Fraction* check(lua_State* L, int index) { return static_cast<Fraction*>(luaL_checkudata(L, index, kMetatable)); }

// A fraction or an integer argument, as a Rational.
Rational operand(lua_State* L, int index) {
    if (auto* f = static_cast<Fraction*>(luaL_testudata(L, index, kMetatable))) return f->value;
    int is_integer = 0;
    const lua_Integer i = lua_tointegerx(L, index, &is_integer);
    if (!is_integer)
        luaL_error(L, "fractions combine with fractions and integers only, not a %s%s", luaL_typename(L, index),
                   lua_type(L, index) == LUA_TNUMBER ? " with a fractional part" : "");
    return Rational(i);
}

int push(lua_State* L, Rational value) {
    const std::size_t bits = bitsOf(numerator(value)) + bitsOf(denominator(value));
    if (bits > 2 * kMaxBits) return luaL_error(L, "fraction too large (more than %d bits)", static_cast<int>(kMaxBits));
    const std::size_t charge = bits > 128 ? bits / 4 + 64 : 0;
    auto& sandbox = LuaState::Sandbox::of(L);
    if (!sandbox.charge(charge)) return luaL_error(L, "not enough memory");
    auto* f = static_cast<Fraction*>(lua_newuserdatauv(L, sizeof(Fraction), 0));
    new (f) Fraction{std::move(value), charge};
    luaL_setmetatable(L, kMetatable);
    return 1;
}

// C++ exceptions (from Boost) become Lua errors; Lua's own errors pass
// through untouched, since they are not std::exceptions.
template <typename F>
int guarded(lua_State* L, F&& body) {
    const char* what = nullptr;
    try {
        return body();
    } catch (const std::bad_alloc&) {
        what = "not enough memory";
    } catch (const std::exception& e) {
        what = e.what();
    }
    return luaL_error(L, "fraction: %s", what);
}

int create(lua_State* L) {
    return guarded(L, [&] {
        Rational value = operand(L, 1);
        if (!lua_isnoneornil(L, 2)) {
            Rational divisor = operand(L, 2);
            if (divisor == 0) return luaL_error(L, "fraction with a zero denominator");
            value /= divisor;
        }
        return push(L, std::move(value));
    });
}

int add(lua_State* L) {
    return guarded(L, [&] { return push(L, operand(L, 1) + operand(L, 2)); });
}
int subtract(lua_State* L) {
    return guarded(L, [&] { return push(L, operand(L, 1) - operand(L, 2)); });
}
int multiply(lua_State* L) {
    return guarded(L, [&] { return push(L, operand(L, 1) * operand(L, 2)); });
}
int divide(lua_State* L) {
    return guarded(L, [&] {
        Rational divisor = operand(L, 2);
        if (divisor == 0) return luaL_error(L, "division of a fraction by zero");
        return push(L, operand(L, 1) / divisor);
    });
}
int negate(lua_State* L) {
    return guarded(L, [&] { return push(L, -check(L, 1)->value); });
}
int equal(lua_State* L) {
    return guarded(L, [&] {
        lua_pushboolean(L, operand(L, 1) == operand(L, 2));
        return 1;
    });
}
int less(lua_State* L) {
    return guarded(L, [&] {
        lua_pushboolean(L, operand(L, 1) < operand(L, 2));
        return 1;
    });
}
int lessEqual(lua_State* L) {
    return guarded(L, [&] {
        lua_pushboolean(L, operand(L, 1) <= operand(L, 2));
        return 1;
    });
}
int compare(lua_State* L) {
    return guarded(L, [&] {
        const Rational a = operand(L, 1), b = operand(L, 2);
        lua_pushinteger(L, a < b ? -1 : (b < a ? 1 : 0));
        return 1;
    });
}
int sign(lua_State* L) {
    lua_pushinteger(L, check(L, 1)->value.sign());
    return 1;
}

int pushInteger(lua_State* L, const Integer& i) {
    if (i > Integer(LUA_MAXINTEGER) || i < Integer(LUA_MININTEGER))
        return luaL_error(L, "fraction: the integer does not fit 64 bits");
    lua_pushinteger(L, static_cast<lua_Integer>(i));
    return 1;
}
// Rounds towards negative infinity (floor) or positive infinity (ceil).
int floorOf(lua_State* L) {
    return guarded(L, [&] {
        const Rational& v = check(L, 1)->value;
        Integer q = numerator(v) / denominator(v);  // truncates towards zero
        if (v.sign() < 0 && q * denominator(v) != numerator(v)) q -= 1;
        return pushInteger(L, q);
    });
}
int ceilOf(lua_State* L) {
    return guarded(L, [&] {
        const Rational& v = check(L, 1)->value;
        Integer q = numerator(v) / denominator(v);
        if (v.sign() > 0 && q * denominator(v) != numerator(v)) q += 1;
        return pushInteger(L, q);
    });
}
int isInteger(lua_State* L) {
    lua_pushboolean(L, denominator(check(L, 1)->value) == 1);
    return 1;
}
int toString(lua_State* L) {
    return guarded(L, [&] {
        const Rational& v = check(L, 1)->value;
        std::string text = numerator(v).str();
        if (denominator(v) != 1) text += "/" + denominator(v).str();
        lua_pushlstring(L, text.data(), text.size());
        return 1;
    });
}
int collect(lua_State* L) {
    auto* f = check(L, 1);
    LuaState::Sandbox::of(L).refund(f->charged);
    f->~Fraction();
    return 0;
}

}  // namespace

void installFraction(lua_State* L) {
    static const luaL_Reg kMeta[] = {{"__add", &add},    {"__sub", &subtract}, {"__mul", &multiply},
                                     {"__div", &divide}, {"__unm", &negate},   {"__eq", &equal},
                                     {"__lt", &less},    {"__le", &lessEqual}, {"__tostring", &toString},
                                     {"__gc", &collect}, {nullptr, nullptr}};
    static const luaL_Reg kMethods[] = {{"floor", &floorOf}, {"ceil", &ceilOf},          {"sign", &sign},
                                        {"cmp", &compare},   {"is_integer", &isInteger}, {"tostring", &toString},
                                        {nullptr, nullptr}};
    luaL_newmetatable(L, kMetatable);
    luaL_setfuncs(L, kMeta, 0);
    luaL_newlib(L, kMethods);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    // yishi.fraction(a [, b]) and yishi.compare(a, b) for mixed operands.
    lua_pushcfunction(L, &create);
    lua_setfield(L, -2, "fraction");
    lua_pushcfunction(L, &compare);
    lua_setfield(L, -2, "compare");
}

}  // namespace yishi::plugins
