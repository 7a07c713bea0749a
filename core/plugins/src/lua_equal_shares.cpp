// yishi.equal_shares: one run of the Method of Equal Shares (approval
// ballots, cost utilities) in exact arithmetic, as a host function. The
// default plugin's Lua drives it (the Add1 completion, the rule's options,
// the tie order); plugins/default/selection.lua keeps the same method in
// plain Lua as the readable reference, and a test holds the two equal.
//
// Why in the host: Add1 runs MES once per per-voter budget step, often
// dozens of times; in Lua over exact fractions one run over 50,000 voters
// takes about a second, here a few milliseconds.

#include <boost/multiprecision/gmp.hpp>

#include <map>
#include <vector>

#include "sandbox.h"

namespace yishi::plugins {

namespace {

using Integer = boost::multiprecision::mpz_int;
using Rational = boost::multiprecision::mpq_rational;

struct Instance {
    std::vector<std::int64_t> costs;        // per project
    std::vector<std::vector<int>> ballots;  // per voter: project indices
    std::vector<std::vector<int>> supporters;
    std::vector<int> rank;  // per project: position in the tie order (lower first)
};

lua_Integer integerField(lua_State* L, int table, lua_Integer i, const char* what) {
    lua_rawgeti(L, table, i);
    int ok = 0;
    const lua_Integer v = lua_tointegerx(L, -1, &ok);
    lua_pop(L, 1);
    if (!ok) luaL_error(L, "equal_shares: %s[%d] must be an integer", what, static_cast<int>(i));
    return v;
}

Instance readInstance(lua_State* L, std::uint64_t& work) {
    Instance in;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "costs");
    luaL_argcheck(L, lua_istable(L, -1), 1, "costs must be a list of integers");
    const int costs = lua_gettop(L);
    const auto m = static_cast<lua_Integer>(lua_rawlen(L, costs));
    for (lua_Integer i = 1; i <= m; ++i) {
        const lua_Integer c = integerField(L, costs, i, "costs");
        if (c < 0) luaL_error(L, "equal_shares: costs must be >= 0");
        in.costs.push_back(c);
    }
    in.supporters.resize(static_cast<std::size_t>(m));
    lua_getfield(L, 1, "ballots");
    luaL_argcheck(L, lua_istable(L, -1), 1, "ballots must be a list of lists of project numbers");
    const int ballots = lua_gettop(L);
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, ballots));
    in.ballots.resize(static_cast<std::size_t>(n));
    for (lua_Integer v = 1; v <= n; ++v) {
        if (lua_rawgeti(L, ballots, v) != LUA_TTABLE) luaL_error(L, "equal_shares: ballots[%d] must be a list", static_cast<int>(v));
        const int ballot = lua_gettop(L);
        const auto size = static_cast<lua_Integer>(lua_rawlen(L, ballot));
        auto& row = in.ballots[static_cast<std::size_t>(v - 1)];
        for (lua_Integer k = 1; k <= size; ++k) {
            const lua_Integer p = integerField(L, ballot, k, "ballot");
            if (p < 1 || p > m) luaL_error(L, "equal_shares: ballots name project numbers 1..%d", static_cast<int>(m));
            const int index = static_cast<int>(p - 1);
            if (!in.supporters[index].empty() && in.supporters[index].back() == static_cast<int>(v - 1)) continue;
            row.push_back(index);
            in.supporters[index].push_back(static_cast<int>(v - 1));
        }
        work += static_cast<std::uint64_t>(size) + 1;
        lua_pop(L, 1);
    }
    lua_getfield(L, 1, "order");
    luaL_argcheck(L, lua_istable(L, -1), 1, "order must list every project number once");
    const int order = lua_gettop(L);
    if (static_cast<lua_Integer>(lua_rawlen(L, order)) != m) luaL_error(L, "equal_shares: order must list every project once");
    in.rank.assign(static_cast<std::size_t>(m), -1);
    for (lua_Integer i = 1; i <= m; ++i) {
        const lua_Integer p = integerField(L, order, i, "order");
        if (p < 1 || p > m || in.rank[static_cast<std::size_t>(p - 1)] >= 0)
            luaL_error(L, "equal_shares: order must list every project number once");
        in.rank[static_cast<std::size_t>(p - 1)] = static_cast<int>(i);
    }
    lua_settop(L, 2);
    return in;
}

std::int64_t readShare(lua_State* L) {
    int ok = 0;
    const lua_Integer share = lua_tointegerx(L, 2, &ok);
    if (!ok || share < 0) luaL_error(L, "equal_shares: the share per voter must be an integer >= 0");
    return share;
}

// The selected projects (0-based), in the order chosen.
//
// Exact without fractions: every budget is an integer numerator over one
// common denominator D. Paying rho = R / (D k) for a project makes the new
// common denominator D k, so after each pick every numerator is multiplied
// by k and the payers subtract R. Comparisons are then integer
// comparisons, and no gcd is ever computed; only the per-project keys
// (rho / cost, compared across rounds) are kept as reduced fractions.
std::vector<int> equalShares(const Instance& in, std::int64_t share, std::uint64_t& work) {
    const std::size_t m = in.costs.size();
    Integer denominator = 1;
    // Voters who paid the same share a class; class 0 is the broke one.
    // (Classes with equal budgets may exist side by side: grouping is only
    // a speed-up, the payments are the same.)
    std::vector<Integer> class_budget{Integer(0), Integer(share)};
    std::vector<int> voter_class(in.ballots.size(), share > 0 ? 1 : 0);
    std::vector<long long> class_count(2, 0);
    std::vector<int> touched, active, richer;

    struct Candidate {
        int project;
        Rational key;  // rho / cost: never falls, so an old key is a lower bound
    };
    std::vector<Candidate> candidates;
    for (std::size_t p = 0; p < m; ++p) {
        const auto n = in.supporters[p].size();
        if (n == 0) continue;
        candidates.push_back({static_cast<int>(p), in.costs[p] > 0 ? Rational(1, static_cast<long>(n)) : Rational(0)});
    }
    auto before = [&](const Candidate& a, const Candidate& b) {
        if (a.key != b.key) return a.key < b.key;
        return in.rank[a.project] < in.rank[b.project];
    };

    // For project p: the payment rho = paid / (D payers), or false when its
    // supporters cannot afford it. Classes poorer than the current rho pay
    // all they have; dropping them can only raise rho, so a few linear
    // passes settle it.
    Integer scaled;
    auto payment = [&](int p, Integer& paid, long long& payers) -> bool {
        touched.clear();
        long long k = 0;
        for (int v : in.supporters[p]) {
            const int c = voter_class[v];
            if (c == 0) continue;
            if (class_count[c]++ == 0) touched.push_back(c);
            ++k;
        }
        work += in.supporters[p].size() + 1;
        paid = in.costs[p];
        paid *= denominator;
        active = touched;
        bool found = false;
        while (k > 0) {
            richer.clear();
            const long long pass_k = k;
            bool poorer = false;
            for (int c : active) {
                scaled = class_budget[c];
                scaled *= pass_k;
                if (scaled < paid) {  // budget < paid / (D k)
                    scaled = class_budget[c];
                    scaled *= class_count[c];
                    paid -= scaled;
                    k -= class_count[c];
                    poorer = true;
                } else {
                    richer.push_back(c);
                }
            }
            work += active.size();
            if (!poorer) {
                found = true;
                break;
            }
            active.swap(richer);
        }
        for (int c : touched) class_count[c] = 0;
        payers = k;
        if (in.costs[p] == 0) {
            paid = 0;
            return k > 0 || !in.supporters[p].empty();
        }
        return found;
    };

    std::vector<int> chosen;
    Integer paid, best_paid;
    long long payers = 0, best_payers = 0;
    while (!candidates.empty()) {
        std::sort(candidates.begin(), candidates.end(), before);
        int best = -1;
        Rational best_key;
        std::vector<Candidate> keep;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            auto& cand = candidates[i];
            if (best >= 0 && cand.key > best_key) {
                keep.insert(keep.end(), candidates.begin() + static_cast<long>(i), candidates.end());
                break;
            }
            if (!payment(cand.project, paid, payers)) continue;
            const auto cost = in.costs[cand.project];
            if (cost > 0) {
                Integer below = denominator;
                below *= payers;
                below *= cost;
                cand.key = Rational(paid, below);
            } else {
                cand.key = 0;
            }
            keep.push_back(cand);
            if (best < 0 || cand.key < best_key || (cand.key == best_key && in.rank[cand.project] < in.rank[best])) {
                best = cand.project;
                best_key = cand.key;
                best_paid = paid;
                best_payers = payers;
            }
        }
        if (best < 0) break;
        candidates.clear();
        for (auto& cand : keep)
            if (cand.project != best) candidates.push_back(std::move(cand));
        chosen.push_back(best);
        if (in.costs[best] == 0 || best_payers == 0) continue;  // a free project costs nobody anything
        // The new common denominator D k: every numerator times k, then
        // each payer gives `best_paid` (rho in the new units).
        denominator *= best_payers;
        for (std::size_t c = 1; c < class_budget.size(); ++c) class_budget[c] *= best_payers;
        work += class_budget.size();
        std::map<int, int> moved_to;
        std::map<Integer, int> class_of_budget;  // the classes made this round
        for (int v : in.supporters[best]) {
            const int c = voter_class[v];
            if (c == 0) continue;
            auto it = moved_to.find(c);
            if (it == moved_to.end()) {
                int target = 0;
                if (class_budget[c] > best_paid) {
                    Integer left = class_budget[c] - best_paid;
                    auto known = class_of_budget.find(left);
                    if (known != class_of_budget.end()) {
                        target = known->second;
                    } else {
                        target = static_cast<int>(class_budget.size());
                        class_of_budget.emplace(left, target);
                        class_budget.push_back(std::move(left));
                        class_count.push_back(0);
                    }
                }
                it = moved_to.emplace(c, target).first;
            }
            voter_class[v] = it->second;
        }
        work += in.supporters[best].size();
    }
    return chosen;
}

// yishi.equal_shares{costs = {...}, ballots = {{1, 3}, ...}, order = {...}}, share
// -> list of project numbers chosen, in order.
int luaEqualShares(lua_State* L) {
    auto& sandbox = LuaState::Sandbox::of(L);
    std::uint64_t work = 0;
    std::vector<int> chosen;
    const char* failure = nullptr;
    {
        Instance in = readInstance(L, work);
        const std::int64_t share = readShare(L);
        try {
            chosen = equalShares(in, share, work);
        } catch (const std::bad_alloc&) {
            failure = "not enough memory";
        } catch (const std::exception&) {
            failure = "equal_shares failed";
        }
    }
    if (failure) return luaL_error(L, "%s", failure);
    // The work counts against the instruction budget, as if done in Lua.
    sandbox.instructions_used += work;
    if (sandbox.instructions_used > sandbox.limits.instructions) {
        sandbox.instructions_exhausted = true;
        return luaL_error(L, "instruction budget of %d exceeded", static_cast<int>(sandbox.limits.instructions));
    }
    lua_createtable(L, static_cast<int>(chosen.size()), 0);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        lua_pushinteger(L, chosen[i] + 1);
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    return 1;
}

}  // namespace

void installEqualShares(lua_State* L) {
    lua_pushcfunction(L, &luaEqualShares);
    lua_setfield(L, -2, "equal_shares");
}

}  // namespace yishi::plugins
