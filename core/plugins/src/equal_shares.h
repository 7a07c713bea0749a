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
#include <optional>
#include <stdexcept>
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
// binding charges it to the plugin's instruction budget. equalSharesAdd1
// throws EqualSharesOverWork once `used` passes `limit` (checked after
// each MES run).
struct EqualSharesWork {
    std::uint64_t used = 0;
    std::uint64_t limit = UINT64_MAX;
};
struct EqualSharesOverWork : std::runtime_error {
    EqualSharesOverWork() : std::runtime_error("equal_shares: over the work limit") {}
};

// One MES run, every voter starting with `share` (>= 0): each round picks
// the project with the smallest payment per unit of utility (rho / cost;
// rho: what each supporter who can afford it pays, the others paying all
// they have), ties by rank; a project its supporters cannot afford drops
// out. Returns the projects chosen, in the order chosen.
std::vector<int> equalShares(const EqualSharesElection& election, std::int64_t share, EqualSharesWork& work);

// The same run without the floating-point guesses that equalShares checks
// exactly and falls back from when rounding misleads them (near ties), for
// tests of that fallback: always the same result, only slower.
std::vector<int> equalSharesWithoutGuesses(const EqualSharesElection& election, std::int64_t share,
                                           EqualSharesWork& work);

// The same run, and how far up its outcome is sure to hold: equalShares
// chooses the same projects in the same order for every share in
// [share, same_until). same_until > share; absent when no share above
// `share` changes the outcome. (A bound, not the exact next change: the
// outcome may also hold beyond it.)
struct EqualSharesSpan {
    std::vector<int> chosen;
    std::optional<std::int64_t> same_until;
};
EqualSharesSpan equalSharesSpan(const EqualSharesElection& election, std::int64_t share, EqualSharesWork& work);

// MES completed by Add1, as plugins/default/selection.lua's add1 defines it:
// start at share = floor(budget / voters); while the outcome leaves some
// supported project (one with a supporter) out and the outcome at share + 1
// costs at most `budget`, take share + 1. kUnitSteps runs MES at every
// share on the way (slow when budget / voters is large: the reference);
// kJump runs it only where equalSharesSpan says the outcome may change,
// with the same result. With threads = 2, while the steps are short (as in
// large elections, whose outcome changes at almost every share) and a run
// does at least `worth_a_thread` work, the next unit step runs beside each
// run in a second thread, and after a run that could not jump, plain unit
// steps run two at a time for a while: the result is the same as with 1
// thread, only `runs` and the work differ. REQUIRES budget >= 0.
// With no voters nothing is chosen. Throws EqualSharesOverWork (see above)
// and std::overflow_error when the share would pass 2^63 - 1.
enum class Add1Search { kJump, kUnitSteps };
struct EqualSharesAdd1 {
    std::vector<int> chosen;  // in the order chosen
    std::int64_t share = 0;   // the final per-voter budget
    std::int64_t start = 0;   // floor(budget / voters)
    std::int64_t runs = 0;    // MES runs made
};
// The work of a run (one over 50,000 voters does some 800,000, in 10 ms)
// above which a run beside it in a second thread pays for the thread.
constexpr std::uint64_t kWorthAThread = 100'000;
EqualSharesAdd1 equalSharesAdd1(const EqualSharesElection& election, std::int64_t budget, EqualSharesWork& work,
                                Add1Search search = Add1Search::kJump, int threads = 2,
                                std::uint64_t worth_a_thread = kWorthAThread);

}  // namespace yishi::plugins
