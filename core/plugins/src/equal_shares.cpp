#include "equal_shares.h"

#include <boost/multiprecision/gmp.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <future>

namespace yishi::plugins {

namespace {

using Integer = boost::multiprecision::mpz_int;
using Rational = boost::multiprecision::mpq_rational;

Status badInput(const std::string& message) { return Status::invalid("equal_shares.input", message); }

}  // namespace

Result<EqualSharesElection> makeEqualSharesElection(std::vector<std::int64_t> costs,
                                                    const std::vector<std::vector<std::int64_t>>& ballots,
                                                    const std::vector<std::int64_t>& order) {
    EqualSharesElection in;
    const auto m = static_cast<std::int64_t>(costs.size());
    for (std::int64_t c : costs)
        if (c < 0) return badInput("costs must be >= 0");
    in.costs = std::move(costs);
    in.supporters.resize(in.costs.size());
    in.ballots.resize(ballots.size());
    for (std::size_t v = 0; v < ballots.size(); ++v) {
        for (std::int64_t p : ballots[v]) {
            if (p < 0 || p >= m) return badInput("a ballot names a project that is not in the election");
            auto& supporters = in.supporters[static_cast<std::size_t>(p)];
            if (!supporters.empty() && supporters.back() == static_cast<int>(v)) continue;  // named twice
            in.ballots[v].push_back(static_cast<int>(p));
            supporters.push_back(static_cast<int>(v));
        }
    }
    if (static_cast<std::int64_t>(order.size()) != m) return badInput("order must list every project once");
    in.rank.assign(in.costs.size(), -1);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::int64_t p = order[i];
        if (p < 0 || p >= m || in.rank[static_cast<std::size_t>(p)] >= 0)
            return badInput("order must list every project once");
        in.rank[static_cast<std::size_t>(p)] = static_cast<int>(i);
    }
    return in;
}

namespace {

// The proof behind equalSharesSpan and the jump of Add1.
//
// Let t be the per-voter budget, e the one a run starts with. Every number
// the run computes is, for the decisions it took, affine in t: class
// budgets start at t; a payment per supporter rho is (cost - what the
// poorer classes pay) / payers, affine because those classes pay their
// affine budgets; budgets after paying, budget - rho, are affine; keys
// rho / cost are affine. The denominators (products of payer counts) and
// every count are fixed by the decisions, not by t. So the run keeps, next
// to each value at e, its slope per unit of t, and for each comparison
// whose outcome is the sign of some affine d(t) = d(e) + s (t - e), it
// notes the first whole step t - e at which that sign could differ from
// the sign at e: none when s = 0 or when d moves away from 0; 1 when
// d(e) = 0 (any change of t leaves the tie); else |d(e)| / |s| rounded up
// (d reaches 0 there, and keeps its sign strictly before). Let t be any
// whole share below e + the least of these steps. Round by round, with the
// same state (projects chosen, budgets the same affine functions) at e and
// at t:
//  - each project the run priced at e gets the same verdict at t: it was
//    unaffordable because its supporters' budgets together fall short of
//    the cost, which still holds; or its rho is the one rho at which the
//    supporters' min(budget, rho) add up to the cost, with the classes
//    below rho paying all they have and the others rho; every class was
//    compared with rho, the same signs keep that split, and with it rho
//    is the same affine function, and so is its key;
//  - the best project beat each project priced after it took the lead, and
//    each of those lost to the leader of its time (ties by rank): the same
//    signs make it the least key among those priced at t too;
//  - a project the run did not price had an old key above the best one's,
//    and still has at t; an old key is the true key of an earlier round
//    with the same state at t, and keys never fall from round to round, so
//    its key at t is above the best one's too.
// So the same project is chosen, and the same voters pay all they have or
// go broke (compared too), and the next round starts from the same state.
// (The sort of the candidates by old key only decides the order of
// pricing: its comparisons need not hold at t.)
//
// Add1 then jumps: from share e with outcome O (fewer than all supported
// projects, costing at most the budget), unit steps would take e + 1, ...,
// up to e + step - 1, all with outcome O, so they are skipped; at e + step
// the run is made and judged as a unit step would.
class NextChange {
  public:
    // A comparison decided by the sign of value + slope (t - e).
    void see(const Integer& value, const Integer& slope) {
        if (settled()) return;
        const int towards = slope.sign();
        if (towards == 0) return;
        const int now = value.sign();
        if (now == 0) return lower(1);
        if (now == towards) return;
        above_ = abs(value);
        below_ = abs(slope);
        mpz_cdiv_q(quotient_.backend().data(), above_.backend().data(), below_.backend().data());
        lower(quotient_);
    }
    void see(const Rational& value, const Rational& slope) {
        if (settled()) return;
        const int towards = slope.sign();
        if (towards == 0) return;
        const int now = value.sign();
        if (now == 0) return lower(1);
        if (now == towards) return;
        // |a/b| / |c/d| = |a| d / (b |c|)
        above_ = abs(numerator(value));
        above_ *= denominator(slope);
        below_ = abs(numerator(slope));
        below_ *= denominator(value);
        mpz_cdiv_q(quotient_.backend().data(), above_.backend().data(), below_.backend().data());
        lower(quotient_);
    }
    const std::optional<Integer>& steps() const { return steps_; }
    // The next share may already differ: no comparison can lower that.
    bool settled() const { return steps_ && *steps_ == 1; }

  private:
    void lower(const Integer& step) {
        if (!steps_ || step < *steps_) steps_ = step;
    }
    std::optional<Integer> steps_;
    Integer above_, below_, quotient_;
};

// a / b in floating point, for b > 0 (any size: no overflow).
double quotient(const Integer& a, const Integer& b) {
    long a_exponent = 0, b_exponent = 0;
    const double a_mantissa = mpz_get_d_2exp(&a_exponent, a.backend().data());
    const double b_mantissa = mpz_get_d_2exp(&b_exponent, b.backend().data());
    return std::ldexp(a_mantissa / b_mantissa, static_cast<int>(a_exponent - b_exponent));
}

// One MES run. Exact without fractions: every budget is an integer
// numerator over one common denominator D. Paying rho = R / (D k) for a
// project makes the new common denominator D k, so after each pick every
// numerator is multiplied by k (when next used) and the payers subtract R.
// Comparisons are then integer comparisons, and no gcd is ever computed;
// only the per-project keys (rho / cost, compared across rounds) are kept
// as reduced fractions. kTrack: also carry every value's slope in the share and tell
// `change` about every comparison the outcome rests on (see the proof
// above). kGuess: price projects by a floating-point guess, checked
// exactly (checkedGuess).
template <bool kTrack, bool kGuess = true>
std::vector<int> runEqualShares(const EqualSharesElection& in, std::int64_t share, std::uint64_t& work,
                                NextChange* change) {
    const std::size_t m = in.costs.size();
    Integer denominator = 1;
    // Voters who made the same payments share a class; class 0 is the broke
    // one. (Classes with equal budgets may exist side by side: grouping is
    // only a speed-up, the payments are the same.) Tracking, everybody
    // starts in class 1 even with a share of 0: that budget is 0 at this
    // share only.
    std::vector<Integer> class_budget{Integer(0), Integer(share)};
    std::vector<Integer> class_slope;  // tracking: budget per unit of share
    if constexpr (kTrack) class_slope = {Integer(0), Integer(1)};
    std::vector<int> voter_class(in.ballots.size(), kTrack || share > 0 ? 1 : 0);
    std::vector<long long> class_count(2, 0);
    // Per class: its budget in floating point (for guesses only), and a
    // mark used while pricing a project.
    std::vector<double> class_real{0.0, static_cast<double>(share)};
    std::vector<char> class_poorer(2, 0);
    std::vector<int> touched, active, richer, moved_to, moved_from;
    struct Candidate {
        int project;
        Rational key;  // rho / cost: never falls, so an old key is a lower bound
        Rational key_slope;
    };
    std::vector<Candidate> candidates;
    for (std::size_t p = 0; p < m; ++p) {
        const auto n = in.supporters[p].size();
        if (n == 0) continue;
        candidates.push_back(
            {static_cast<int>(p), in.costs[p] > 0 ? Rational(1, static_cast<long>(n)) : Rational(0), Rational(0)});
    }
    // Tracking ends once some comparison may change at the very next share:
    // nothing later can make the span shorter, so slopes are no longer kept.
    auto tracking = [&] {
        if constexpr (kTrack) return !change->settled();
        return false;
    };
    // The payer counts of the picks so far: D is their product. A class's
    // numerators are brought up to date only when it is used (most classes
    // fall out of use for good): class_epoch says how many of the factors
    // they carry.
    std::vector<unsigned long> factors;
    std::vector<std::size_t> class_epoch(2, 0);
    auto align = [&](int c) {
        std::size_t& epoch = class_epoch[c];
        while (epoch < factors.size()) {
            unsigned long multiplier = 1;
            for (; epoch < factors.size() && multiplier <= ULONG_MAX / factors[epoch]; ++epoch)
                multiplier *= factors[epoch];
            class_budget[c] *= multiplier;
            if (tracking()) class_slope[c] *= multiplier;
            ++work;
        }
    };

    Rational key_difference, slope_difference;
    auto seeKeys = [&](const Rational& a, const Rational& a_slope, const Rational& b, const Rational& b_slope) {
        const int towards = a_slope.compare(b_slope);
        if (towards == 0) return;  // a constant difference keeps its sign
        const int now = a.compare(b);
        if (now != 0 && (now > 0) == (towards > 0)) return;  // moving apart
        key_difference = a - b;
        slope_difference = a_slope - b_slope;
        change->see(key_difference, slope_difference);
    };
    auto before = [&](const Candidate& a, const Candidate& b) {
        if (a.key != b.key) return a.key < b.key;
        return in.rank[a.project] < in.rank[b.project];
    };

    Integer scaled, difference, difference_slope;
    // What decides a payment (see the proof above). Affordable: which
    // classes pay all they have (budget < rho) and which pay rho (budget >=
    // rho), compared with the final rho = paid / (D k), fix rho as an affine
    // function. Not affordable: everybody's budget together falls short
    // (then paid = cost D - all budgets > 0).
    auto seePayment = [&](bool affordable, const Integer& paid, const Integer& paid_slope, long long k) {
        if (!affordable) return change->see(paid, paid_slope);
        for (int c : touched) {
            difference = paid - class_budget[c] * k;
            difference_slope = paid_slope - class_slope[c] * k;
            change->see(difference, difference_slope);
        }
    };

    // Project p's payment, exactly: classes poorer than the current rho pay
    // all they have; dropping them can only raise rho, so a few linear
    // passes settle it. Sets paid (= rho D k) and k (the payers); false when
    // the supporters cannot afford it.
    auto exactPasses = [&](int p, Integer& paid, Integer& paid_slope, long long& k) -> bool {
        paid = in.costs[p];
        paid *= denominator;
        paid_slope = 0;
        active = touched;
        while (k > 0) {
            richer.clear();
            const long long pass_k = k;
            bool poorer = false;
            for (int c : active) {
                scaled = class_budget[c] * pass_k;
                if (scaled < paid) {  // budget < paid / (D k)
                    paid -= class_budget[c] * class_count[c];
                    if (tracking()) paid_slope -= class_slope[c] * class_count[c];
                    k -= class_count[c];
                    poorer = true;
                } else {
                    richer.push_back(c);
                }
            }
            work += active.size();
            if (!poorer) return true;
            active.swap(richer);
        }
        return false;
    };

    // The same in floating point, which is far cheaper, then checked
    // exactly: the classes it found poorer (marked) must have budget < rho
    // and the others budget >= rho, for rho = (cost - what the marked pay)
    // / (the others' count); then that rho is the payment, the only rho at
    // which the supporters' min(budget, rho) add up to the cost. Or it
    // found every class poorer, and their budgets together must fall short
    // of the cost. False when rounding misled it (near ties): then only
    // exactPasses can tell.
    auto checkedGuess = [&](int p, Integer& paid, Integer& paid_slope, long long& k, bool& affordable) -> bool {
        double left = static_cast<double>(in.costs[p]);
        long long guess_k = k;
        active = touched;
        for (int c : touched) class_poorer[c] = 0;
        while (guess_k > 0) {
            const double rho = left / static_cast<double>(guess_k);
            richer.clear();
            bool poorer = false;
            for (int c : active) {
                if (class_real[c] < rho) {
                    class_poorer[c] = 1;
                    left -= class_real[c] * static_cast<double>(class_count[c]);
                    guess_k -= class_count[c];
                    poorer = true;
                } else {
                    richer.push_back(c);
                }
            }
            if (!poorer) break;
            active.swap(richer);
        }
        paid = in.costs[p];
        paid *= denominator;
        paid_slope = 0;
        for (int c : touched) {
            if (!class_poorer[c]) continue;
            paid -= class_budget[c] * class_count[c];
            if (tracking()) paid_slope -= class_slope[c] * class_count[c];
        }
        work += 2 * touched.size();
        affordable = guess_k > 0;
        if (!affordable) {
            if (paid <= 0) return false;
            k = 0;
            return true;
        }
        for (int c : touched) {
            scaled = class_budget[c] * guess_k;
            if (class_poorer[c] ? !(scaled < paid) : scaled < paid) return false;
        }
        k = guess_k;
        return true;
    };

    // For project p: the payment rho = paid / (D payers), or false when its
    // supporters cannot afford it.
    auto payment = [&](int p, Integer& paid, Integer& paid_slope, long long& payers) -> bool {
        touched.clear();
        long long k = 0;
        {
            // The hot loop of a run: plain pointers, so that the counts
            // written do not make the compiler reload the vectors.
            const int* classes = voter_class.data();
            long long* counts = class_count.data();
            for (int v : in.supporters[p]) {
                const int c = classes[v];
                if (c == 0) continue;
                if (counts[c]++ == 0) touched.push_back(c);
                ++k;
            }
        }
        for (int c : touched) align(c);
        work += in.supporters[p].size() + 1;
        bool found = true;
        if (in.costs[p] == 0) {  // free: affordable, whatever anybody has
            paid = 0;
            paid_slope = 0;
        } else {
            if (!kGuess || !checkedGuess(p, paid, paid_slope, k, found)) found = exactPasses(p, paid, paid_slope, k);
            if (tracking()) seePayment(found, paid, paid_slope, k);
        }
        for (int c : touched) class_count[c] = 0;
        payers = k;
        return found;
    };

    std::vector<int> chosen;
    Integer paid, paid_slope, best_paid, best_paid_slope, below;
    long long payers = 0, best_payers = 0;
    while (!candidates.empty()) {
        std::sort(candidates.begin(), candidates.end(), before);
        // Priced in order of old keys until an old key exceeds the best key
        // so far. Unaffordable ones drop out for good (budgets only fall);
        // the others stay, compacted at the front: candidates[0, kept).
        std::size_t kept = 0, best_at = 0, i = 0;
        int best = -1;
        for (; i < candidates.size(); ++i) {
            auto& cand = candidates[i];
            if (best >= 0) {
                const auto& leader = candidates[best_at];
                if (tracking()) seeKeys(cand.key, cand.key_slope, leader.key, leader.key_slope);
                if (cand.key > leader.key) break;
            }
            if (!payment(cand.project, paid, paid_slope, payers)) continue;
            const auto cost = in.costs[cand.project];
            if (cost > 0) {
                below = denominator * payers;
                below *= cost;
                cand.key = Rational(paid, below);
                if (tracking()) cand.key_slope = Rational(paid_slope, below);
            } else {
                cand.key = 0;
                cand.key_slope = 0;
            }
            if (kept != i) candidates[kept] = std::move(cand);
            const auto& priced = candidates[kept++];
            if (best >= 0) {
                const auto& leader = candidates[best_at];
                if (tracking()) seeKeys(priced.key, priced.key_slope, leader.key, leader.key_slope);
                if (!(priced.key < leader.key || (priced.key == leader.key && in.rank[priced.project] < in.rank[best])))
                    continue;
            }
            best = priced.project;
            best_at = kept - 1;
            best_paid = paid;
            best_paid_slope = paid_slope;
            best_payers = payers;
        }
        if (best < 0) break;
        for (; i < candidates.size(); ++i, ++kept)
            if (kept != i) candidates[kept] = std::move(candidates[i]);
        candidates.resize(kept);
        candidates.erase(candidates.begin() + static_cast<long>(best_at));
        chosen.push_back(best);
        if (in.costs[best] == 0 || best_payers == 0) continue;  // a free project costs nobody anything
        // The new common denominator D k: every numerator times k (when
        // used: align), then each payer gives `best_paid` (rho in the new
        // units).
        denominator *= best_payers;
        factors.push_back(static_cast<unsigned long>(best_payers));
        moved_to.resize(class_budget.size(), -1);  // per class: where its payers go
        moved_from.clear();
        for (int v : in.supporters[best]) {
            const int c = voter_class[v];
            if (c == 0) continue;
            int& target = moved_to[c];
            if (target < 0) {
                moved_from.push_back(c);
                target = 0;
                align(c);
                Integer left = class_budget[c] - best_paid, left_slope;
                if (tracking()) {
                    left_slope = class_slope[c] - best_paid_slope;
                    change->see(left, left_slope);
                }
                if (left > 0) {
                    target = static_cast<int>(class_budget.size());
                    class_budget.push_back(std::move(left));
                    if (tracking()) class_slope.push_back(std::move(left_slope));
                    class_real.push_back(quotient(class_budget.back(), denominator));
                    class_count.push_back(0);
                    class_poorer.push_back(0);
                    class_epoch.push_back(factors.size());
                }
            }
            voter_class[v] = target;
        }
        for (int c : moved_from) moved_to[c] = -1;
        work += in.supporters[best].size();
    }
    return chosen;
}

// What the projects cost together; INT64_MAX when that overflows.
std::int64_t costOf(const EqualSharesElection& in, const std::vector<int>& projects) {
    std::int64_t total = 0;
    for (int p : projects)
        if (__builtin_add_overflow(total, in.costs[static_cast<std::size_t>(p)], &total)) return INT64_MAX;
    return total;
}

}  // namespace

std::vector<int> equalShares(const EqualSharesElection& in, std::int64_t share, EqualSharesWork& work) {
    return runEqualShares<false>(in, share, work.used, nullptr);
}

std::vector<int> equalSharesWithoutGuesses(const EqualSharesElection& in, std::int64_t share, EqualSharesWork& work) {
    return runEqualShares<false, false>(in, share, work.used, nullptr);
}

EqualSharesSpan equalSharesSpan(const EqualSharesElection& in, std::int64_t share, EqualSharesWork& work) {
    NextChange change;
    EqualSharesSpan span{runEqualShares<true>(in, share, work.used, &change), std::nullopt};
    if (const auto& steps = change.steps()) {
        // Past 2^63 - 1 the bound is cut: a lower bound is still sound.
        const Integer until = *steps + share;
        span.same_until = until > INT64_MAX ? INT64_MAX : until.convert_to<std::int64_t>();
    }
    return span;
}

EqualSharesAdd1 equalSharesAdd1(const EqualSharesElection& in, std::int64_t budget, EqualSharesWork& work,
                                Add1Search search, int threads, std::uint64_t worth_a_thread) {
    EqualSharesAdd1 out;
    const auto voters = static_cast<std::int64_t>(in.ballots.size());
    if (voters == 0) return out;
    const auto supported = static_cast<std::size_t>(
        std::count_if(in.supporters.begin(), in.supporters.end(), [](const auto& s) { return !s.empty(); }));
    // One MES run at `share`: with its span when jumping, else a unit step.
    auto runAt = [&](std::int64_t share, EqualSharesWork& meter) {
        if (search == Add1Search::kJump) return equalSharesSpan(in, share, meter);
        EqualSharesSpan span{equalShares(in, share, meter), std::nullopt};
        if (share < INT64_MAX) span.same_until = share + 1;
        return span;
    };
    // The run at `share`; with `ahead`, also the plain run at share + 1, in a
    // second thread, into `following`. Both runs read the election only,
    // and each has its own state, so the results are those of running them
    // one after the other.
    std::uint64_t last_run = 0;  // the work of the last run at `share`
    auto probe = [&](std::int64_t share, bool ahead, std::optional<std::vector<int>>& following) {
        EqualSharesWork here, there;
        std::future<std::vector<int>> second;
        if (ahead)
            second = std::async(std::launch::async, [&in, share, &there] { return equalShares(in, share + 1, there); });
        EqualSharesSpan span = runAt(share, here);  // on a throw, `second`'s destructor waits for it
        if (ahead) following = second.get();
        last_run = here.used;
        work.used += here.used + there.used;
        out.runs += ahead ? 2 : 1;
        if (work.used > work.limit) throw EqualSharesOverWork();
        return span;
    };
    const bool pairs = threads > 1;
    // Two plain runs side by side, at `share` and share + 1, into `first`
    // and `second`: unit steps without the tracked run's bookkeeping.
    auto plainPair = [&](std::int64_t share, std::vector<int>& first, std::vector<int>& second) {
        EqualSharesWork here, there;
        auto beside =
            std::async(std::launch::async, [&in, share, &there] { return equalShares(in, share + 1, there); });
        first = equalShares(in, share, here);  // on a throw, `beside`'s destructor waits for it
        second = beside.get();
        last_run = here.used;
        work.used += here.used + there.used;
        out.runs += 2;
        if (work.used > work.limit) throw EqualSharesOverWork();
    };
    // Where the outcome changes at (almost) every share, a tracked run only
    // says "one step", and costs more than a plain one: after such a run the
    // search takes `unit_steps` plain unit steps, two at a time, before it
    // tracks again, and doubles that while tracking keeps saying one step.
    constexpr std::int64_t kMostUnitSteps = 64;
    std::int64_t unit_steps = 0, next_unit_steps = 2;
    std::optional<std::vector<int>> following;
    out.start = out.share = budget / voters;
    // Invariant: `current` is the outcome at out.share and costs at most the
    // budget (at the start every voter pays at most budget / voters).
    std::size_t approvals = 0;
    for (const auto& s : in.supporters) approvals += s.size();
    EqualSharesSpan current =
        probe(out.share, pairs && out.share < INT64_MAX && approvals >= worth_a_thread, following);
    while (current.chosen.size() < supported) {
        if (following && current.same_until == out.share + 1) {
            // The next unit step was run beside: judge it as a unit step.
            if (costOf(in, *following) > budget) break;
            ++out.share;
            current = {std::move(*following), std::nullopt};
            if (out.share < INT64_MAX) current.same_until = out.share + 1;
            following.reset();
            continue;
        }
        following.reset();
        if (unit_steps > 0 && out.share < INT64_MAX - 2) {
            std::vector<int> first, second;
            plainPair(out.share + 1, first, second);
            unit_steps -= 2;
            if (costOf(in, first) > budget) break;  // `current` at out.share is the outcome
            ++out.share;
            current = {std::move(first), out.share + 1};
            if (current.chosen.size() >= supported || costOf(in, second) > budget) break;
            ++out.share;
            current = {std::move(second), out.share + 1};
            continue;
        }
        // Some share above buys every supported project (with a share of
        // twice the total cost each can afford everything), so a comparison
        // of this run must change on the way, and same_until is known.
        if (!current.same_until) throw std::logic_error("equal_shares: Add1 found no change ahead");
        if (*current.same_until <= out.share) throw std::overflow_error("equal_shares: the share would pass 2^63 - 1");
        const std::int64_t next = *current.same_until;
        // A span of one step suggests the outcome changes at every step
        // here: then run the step after `next` beside it, unless runs are
        // too short to be worth a thread.
        const bool ahead = pairs && next == out.share + 1 && next < INT64_MAX && last_run >= worth_a_thread;
        EqualSharesSpan then = probe(next, ahead, following);
        if (ahead && then.same_until == next + 1) {
            unit_steps = next_unit_steps;
            next_unit_steps = std::min(2 * next_unit_steps, kMostUnitSteps);
        } else {
            next_unit_steps = 2;
        }
        if (costOf(in, then.chosen) > budget) {
            out.share = next - 1;  // where unit steps stop: its outcome is `current`'s
            break;
        }
        out.share = next;
        current = std::move(then);
    }
    out.chosen = std::move(current.chosen);
    return out;
}

}  // namespace yishi::plugins
