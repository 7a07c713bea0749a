// yishi.equal_shares (one run of the Method of Equal Shares, approval
// ballots, cost utilities, exact) and yishi.equal_shares_add1 (MES completed
// by Add1) as host functions. The default plugin's Lua drives them (the
// rule's options, the tie order); plugins/default/selection.lua keeps the
// same method in plain Lua as the readable reference, and a test holds the
// two equal. This file only converts between Lua and equal_shares.h.
//
// Why in the host: in Lua over exact fractions one run over 50,000 voters
// takes about a second, here a few milliseconds; and Add1 in the host
// jumps over per-voter budgets where the outcome cannot change, where Lua
// would run MES once per unit.

#include <new>
#include <vector>

#include "equal_shares.h"
#include "sandbox.h"

namespace yishi::plugins {

namespace {

lua_Integer integerField(lua_State* L, int table, lua_Integer i, const char* what) {
    lua_rawgeti(L, table, i);
    int ok = 0;
    const lua_Integer v = lua_tointegerx(L, -1, &ok);
    lua_pop(L, 1);
    if (!ok) luaL_error(L, "equal_shares: %s[%d] must be an integer", what, static_cast<int>(i));
    return v;
}

// A list of integers at `index`, less `shift`: project numbers, 1-based in
// Lua, become 0-based.
std::vector<std::int64_t> integerList(lua_State* L, int index, const char* what, lua_Integer shift,
                                      std::uint64_t& work) {
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, index));
    std::vector<std::int64_t> list;
    list.reserve(static_cast<std::size_t>(n));
    for (lua_Integer i = 1; i <= n; ++i) {
        const lua_Integer v = integerField(L, index, i, what);
        list.push_back(v >= shift ? v - shift : -1);  // below 1: no project, and no overflow
    }
    work += static_cast<std::uint64_t>(n) + 1;
    return list;
}

// Argument 1, {costs = {...}, ballots = {{1, 3}, ...}, order = {...}}, as an
// election; a Lua error when it is malformed.
EqualSharesElection readElection(lua_State* L, std::uint64_t& work) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "costs");
    luaL_argcheck(L, lua_istable(L, -1), 1, "costs must be a list of integers");
    std::vector<std::int64_t> costs = integerList(L, lua_gettop(L), "costs", 0, work);
    lua_getfield(L, 1, "ballots");
    luaL_argcheck(L, lua_istable(L, -1), 1, "ballots must be a list of lists of project numbers");
    const int ballots_at = lua_gettop(L);
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, ballots_at));
    std::vector<std::vector<std::int64_t>> ballots(static_cast<std::size_t>(n));
    for (lua_Integer v = 1; v <= n; ++v) {
        if (lua_rawgeti(L, ballots_at, v) != LUA_TTABLE)
            luaL_error(L, "equal_shares: ballots[%d] must be a list", static_cast<int>(v));
        ballots[static_cast<std::size_t>(v - 1)] = integerList(L, lua_gettop(L), "ballot", 1, work);
        lua_pop(L, 1);
    }
    lua_getfield(L, 1, "order");
    luaL_argcheck(L, lua_istable(L, -1), 1, "order must list every project number once");
    std::vector<std::int64_t> order = integerList(L, lua_gettop(L), "order", 1, work);
    lua_settop(L, 2);
    auto election = makeEqualSharesElection(std::move(costs), ballots, order);
    if (!election.isOk()) luaL_error(L, "equal_shares: %s", election.status().message().c_str());
    return std::move(election).value();
}

// Argument 2: a per-voter share or a budget, an integer >= 0.
std::int64_t readAmount(lua_State* L, const char* what) {
    int ok = 0;
    const lua_Integer amount = lua_tointegerx(L, 2, &ok);
    if (!ok || amount < 0) luaL_error(L, "equal_shares: %s must be an integer >= 0", what);
    return amount;
}

// The work counts against the instruction budget, as if done in Lua.
void charge(lua_State* L, std::uint64_t work) {
    auto& sandbox = LuaState::Sandbox::of(L);
    sandbox.instructions_used += work;
    if (sandbox.instructions_used > sandbox.limits.instructions) {
        sandbox.instructions_exhausted = true;
        luaL_error(L, "instruction budget of %I exceeded", static_cast<lua_Integer>(sandbox.limits.instructions));
    }
}

void pushProjects(lua_State* L, const std::vector<int>& chosen) {
    lua_createtable(L, static_cast<int>(chosen.size()), 0);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        lua_pushinteger(L, chosen[i] + 1);
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

// Runs `compute` (which may throw) and charges its work; a Lua error when
// it fails.
template <typename Compute>
void computeCharged(lua_State* L, std::uint64_t work, Compute&& compute) {
    auto& sandbox = LuaState::Sandbox::of(L);
    const char* failure = nullptr;
    bool over = false;
    try {
        EqualSharesWork meter;
        meter.limit = sandbox.limits.instructions > sandbox.instructions_used + work
                          ? sandbox.limits.instructions - sandbox.instructions_used - work
                          : 0;
        compute(meter);
        work += meter.used;
    } catch (const EqualSharesOverWork&) {
        over = true;
    } catch (const std::bad_alloc&) {
        failure = "not enough memory";
    } catch (const std::exception&) {
        failure = "equal_shares failed";
    }
    if (over) work = sandbox.limits.instructions + 1;
    if (failure) luaL_error(L, "%s", failure);
    charge(L, work);
}

// yishi.equal_shares({costs = {...}, ballots = {{1, 3}, ...}, order = {...}}, share)
// -> list of project numbers chosen, in order.
int luaEqualShares(lua_State* L) {
    std::uint64_t work = 0;
    const EqualSharesElection election = readElection(L, work);
    const std::int64_t share = readAmount(L, "the share per voter");
    std::vector<int> chosen;
    computeCharged(L, work, [&](EqualSharesWork& meter) { chosen = equalShares(election, share, meter); });
    pushProjects(L, chosen);
    return 1;
}

// yishi.equal_shares_add1(instance, budget) -> list of project numbers
// chosen, in order; the final per-voter share; the MES runs made.
int luaEqualSharesAdd1(lua_State* L) {
    std::uint64_t work = 0;
    const EqualSharesElection election = readElection(L, work);
    const std::int64_t budget = readAmount(L, "the budget");
    EqualSharesAdd1 outcome;
    computeCharged(L, work, [&](EqualSharesWork& meter) { outcome = equalSharesAdd1(election, budget, meter); });
    pushProjects(L, outcome.chosen);
    lua_pushinteger(L, outcome.share);
    lua_pushinteger(L, outcome.runs);
    return 3;
}

}  // namespace

void installEqualShares(lua_State* L) {
    lua_pushcfunction(L, &luaEqualShares);
    lua_setfield(L, -2, "equal_shares");
    lua_pushcfunction(L, &luaEqualSharesAdd1);
    lua_setfield(L, -2, "equal_shares_add1");
}

}  // namespace yishi::plugins
