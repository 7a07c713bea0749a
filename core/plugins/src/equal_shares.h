#pragma once

// The Method of Equal Shares for approval ballots with cost utilities, in
// exact arithmetic: the kernel behind yishi.equal_shares (the Lua binding in
// lua_equal_shares.cpp only converts arguments). plugins/default/
// selection.lua keeps the same method in Lua ("mes-add1-reference"), and a
// test holds the two equal.
//
// Functions here are pure: they share no state and may run in several
// threads at once on the same election.

#include <cstdint>
#include <vector>

#include "yishi/common/result.h"

namespace yishi::plugins {

// An election as MES sees it. Projects and voters are numbered from 0.
// Build it with makeEqualSharesElection, which checks it.
struct EqualSharesElection {
    std::vector<std::int64_t> costs;           // per project, >= 0
    std::vector<std::vector<int>> ballots;     // per voter: the projects approved, each once
    std::vector<std::vector<int>> supporters;  // per project: its voters, ascending
    std::vector<int> rank;                     // per project: its place in the tie order, lower first
};

// Checks and indexes an election: every cost >= 0; ballots name projects
// 0..costs.size()-1 (a project named twice on one ballot counts once);
// `order` lists every project once, preferred first among equal payments
// per unit of utility. Invalid "equal_shares.input" saying what is wrong.
Result<EqualSharesElection> makeEqualSharesElection(std::vector<std::int64_t> costs,
                                                    const std::vector<std::vector<std::int64_t>>& ballots,
                                                    const std::vector<std::int64_t>& order);

// What a computation did, in units comparable to Lua instructions: the
// binding charges it to the plugin's instruction budget.
struct EqualSharesWork {
    std::uint64_t used = 0;
};

// One MES run, every voter starting with `share` (>= 0): each round picks
// the project with the smallest payment per unit of utility (rho / cost;
// rho: what each supporter who can afford it pays, the others paying all
// they have), ties by rank; a project its supporters cannot afford drops
// out. Returns the projects chosen, in the order chosen.
std::vector<int> equalShares(const EqualSharesElection& election, std::int64_t share, EqualSharesWork& work);

}  // namespace yishi::plugins
