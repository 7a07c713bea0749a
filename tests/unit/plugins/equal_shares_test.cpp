// The Method of Equal Shares kernel (core/plugins/src/equal_shares.h) on
// small elections worked out by hand.

#include <boost/test/unit_test.hpp>

#include <random>

#include "equal_shares.h"
#include "unit/plugins/equal_shares_fixtures.h"

using yishi::plugins::EqualSharesElection;
using yishi::plugins::EqualSharesWork;

namespace {

using yishi::testing::election;

std::vector<int> run(const EqualSharesElection& e, std::int64_t share) {
    EqualSharesWork work;
    auto chosen = yishi::plugins::equalShares(e, share, work);
    BOOST_TEST(work.used > 0u);
    return chosen;
}

using Chosen = std::vector<int>;

}  // namespace

BOOST_AUTO_TEST_SUITE(equal_shares)

BOOST_AUTO_TEST_CASE(supporters_split_a_cost_they_can_afford_and_skip_one_they_cannot) {
    // Project 0: two voters with 5 each pay 5 each. Project 1: one voter
    // with 5 cannot pay 10.
    const auto e = election({10, 10}, {{0}, {0}, {1}}, {0, 1});
    BOOST_TEST(run(e, 5) == Chosen({0}));
    BOOST_TEST(run(e, 10) == Chosen({0, 1}));
    BOOST_TEST(run(e, 4) == Chosen({}));
}

BOOST_AUTO_TEST_CASE(a_project_nobody_can_afford_is_never_chosen) {
    // Project 0 costs 100; its two supporters have 10 each, and nothing
    // else they might buy changes that. Project 2 has no supporters.
    const auto e = election({100, 5, 0}, {{0, 1}, {0}}, {0, 1, 2});
    BOOST_TEST(run(e, 10) == Chosen({1}));
    BOOST_TEST(run(e, 49) == Chosen({1}));  // 49 + 49 < 100
    BOOST_TEST(run(e, 0) == Chosen({}));
}

BOOST_AUTO_TEST_CASE(a_free_project_comes_first_and_costs_nothing) {
    const auto e = election({10, 0}, {{0, 1}, {0}}, {0, 1});
    BOOST_TEST(run(e, 5) == Chosen({1, 0}));
    BOOST_TEST(run(e, 0) == Chosen({1}));
}

BOOST_AUTO_TEST_CASE(ties_in_payment_per_unit_go_by_the_order) {
    // Both projects cost 6 and have the same two supporters: 3 each, the
    // same 1/2 per unit. With 6 each both are bought; with 5 only the first
    // in the order (2 + 2 < 6 after it).
    const auto e01 = election({6, 6}, {{0, 1}, {0, 1}}, {0, 1});
    const auto e10 = election({6, 6}, {{0, 1}, {0, 1}}, {1, 0});
    BOOST_TEST(run(e01, 6) == Chosen({0, 1}));
    BOOST_TEST(run(e10, 6) == Chosen({1, 0}));
    BOOST_TEST(run(e01, 5) == Chosen({0}));
    BOOST_TEST(run(e10, 5) == Chosen({1}));
}

BOOST_AUTO_TEST_CASE(a_poor_supporter_pays_all_and_the_smallest_payment_per_unit_wins) {
    // Six voters with 10 each.
    //   A costs 28, voters 0 3 4 5: 7 each, 7/28 = 1/4 per unit (first);
    //   C costs 18, voters 0 1 2:   6 each, 1/3;
    //   D costs 10, voters 1 2:     5 each, 1/2.
    // After A, voter 0 has 3: for C it pays those 3 and voters 1 and 2 pay
    // 7.5 each, 7.5/18 = 5/12 per unit, less than D's 1/2 although D asks
    // less of each (5 < 7.5). Then voters 1 and 2 have 2.5 each: D (10) is
    // out of reach. The smallest-payment rule would take D instead.
    const auto e = election({28, 18, 10}, {{0, 1}, {1, 2}, {1, 2}, {0}, {0}, {0}}, {0, 1, 2});
    BOOST_TEST(run(e, 10) == Chosen({0, 1}));
}

// equalShares prices projects by a floating-point guess that it checks
// exactly, falling back to exact passes when rounding misled it; without
// the guesses the result must be the same. Costs that make thirds and
// sevenths, and amounts beyond 2^53 (where doubles lose units), are the
// hard cases for a guess.
BOOST_AUTO_TEST_CASE(floating_point_guesses_never_change_an_outcome) {
    std::mt19937_64 random(11);
    int runs_with_choices = 0;
    for (int round = 0; round < 400; ++round) {
        const bool huge = round % 2 == 1;
        const std::int64_t unit = huge ? (std::int64_t{1} << 53) + 1 : 1;
        const int projects = 2 + static_cast<int>(random() % 10);
        const int voters = 1 + static_cast<int>(random() % 30);
        std::vector<std::int64_t> costs;
        for (int p = 0; p < projects; ++p) {
            std::int64_t cost = static_cast<std::int64_t>(3 + random() % 7) * 7 * 3;
            if (huge) cost = cost * unit / 16 + static_cast<std::int64_t>(random() % 3);
            costs.push_back(cost);
        }
        std::vector<std::vector<std::int64_t>> ballots(static_cast<std::size_t>(voters));
        for (auto& ballot : ballots)
            for (int p = 0; p < projects; ++p)
                if (random() % 2) ballot.push_back(p);
        std::vector<std::int64_t> order;
        for (int p = 0; p < projects; ++p) order.push_back(p);
        const auto e = election(std::move(costs), ballots, order);
        for (std::int64_t step = 1; step < 120; step += 1 + static_cast<std::int64_t>(random() % 5)) {
            const std::int64_t share = huge ? step * (unit / 16) + static_cast<std::int64_t>(random() % 5) : step;
            EqualSharesWork a, b;
            const auto guessed = yishi::plugins::equalShares(e, share, a);
            BOOST_TEST(guessed == yishi::plugins::equalSharesWithoutGuesses(e, share, b),
                       "round " << round << " share " << share);
            runs_with_choices += guessed.size() > 1;
        }
    }
    BOOST_TEST(runs_with_choices > 1000);
}

BOOST_AUTO_TEST_CASE(malformed_elections_are_refused_with_a_reason) {
    using yishi::plugins::makeEqualSharesElection;
    auto negative = makeEqualSharesElection({-1}, {}, {0});
    BOOST_REQUIRE(!negative.isOk());
    BOOST_TEST(negative.status().code() == "equal_shares.input");
    BOOST_TEST(!makeEqualSharesElection({1}, {{1}}, {0}).isOk());     // no project 1
    BOOST_TEST(!makeEqualSharesElection({1, 2}, {}, {0, 0}).isOk());  // order repeats
    BOOST_TEST(!makeEqualSharesElection({1, 2}, {}, {0}).isOk());     // order short
    auto twice = makeEqualSharesElection({1}, {{0, 0}}, {0});         // named twice: once
    BOOST_REQUIRE(twice.isOk());
    BOOST_TEST(twice->supporters[0].size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
