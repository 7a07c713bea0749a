// The Method of Equal Shares kernel (core/plugins/src/equal_shares.h) on
// small elections worked out by hand.

#include <boost/test/unit_test.hpp>

#include "equal_shares.h"

using yishi::plugins::EqualSharesElection;
using yishi::plugins::EqualSharesWork;

namespace {

EqualSharesElection election(std::vector<std::int64_t> costs, const std::vector<std::vector<std::int64_t>>& ballots,
                             const std::vector<std::int64_t>& order) {
    auto made = yishi::plugins::makeEqualSharesElection(std::move(costs), ballots, order);
    BOOST_REQUIRE_MESSAGE(made.isOk(), made.status().toString());
    return std::move(made).value();
}

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

BOOST_AUTO_TEST_CASE(malformed_elections_are_refused_with_a_reason) {
    using yishi::plugins::makeEqualSharesElection;
    auto negative = makeEqualSharesElection({-1}, {}, {0});
    BOOST_REQUIRE(!negative.isOk());
    BOOST_TEST(negative.status().code() == "equal_shares.input");
    BOOST_TEST(!makeEqualSharesElection({1}, {{1}}, {0}).isOk());         // no project 1
    BOOST_TEST(!makeEqualSharesElection({1, 2}, {}, {0, 0}).isOk());      // order repeats
    BOOST_TEST(!makeEqualSharesElection({1, 2}, {}, {0}).isOk());         // order short
    auto twice = makeEqualSharesElection({1}, {{0, 0}}, {0});             // named twice: once
    BOOST_REQUIRE(twice.isOk());
    BOOST_TEST(twice->supporters[0].size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
