#include "equal_shares.h"

#include <boost/multiprecision/gmp.hpp>

#include <algorithm>
#include <map>

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

// Exact without fractions: every budget is an integer numerator over one
// common denominator D. Paying rho = R / (D k) for a project makes the new
// common denominator D k, so after each pick every numerator is multiplied
// by k and the payers subtract R. Comparisons are then integer
// comparisons, and no gcd is ever computed; only the per-project keys
// (rho / cost, compared across rounds) are kept as reduced fractions.
std::vector<int> equalShares(const EqualSharesElection& in, std::int64_t share, EqualSharesWork& meter) {
    std::uint64_t& work = meter.used;
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

}  // namespace yishi::plugins
