// MES with Add1 (core/plugins/src/equal_shares.h): the jump search against
// unit steps (the definition), on hand-worked cases, on the Pabulib files
// and on random elections with budgets up to 10^9; and the span that the
// jump relies on, checked run by run.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "equal_shares.h"
#include "unit/plugins/equal_shares_fixtures.h"
#include "yishi/domain/pabulib.h"

using yishi::plugins::Add1Search;
using yishi::plugins::EqualSharesAdd1;
using yishi::plugins::EqualSharesElection;
using yishi::plugins::EqualSharesWork;

namespace {

using yishi::testing::election;

// In one thread, `runs` counts the runs the search needs; a second thread
// adds runs ahead of need.
EqualSharesAdd1 add1(const EqualSharesElection& e, std::int64_t budget, Add1Search search, int threads = 1) {
    EqualSharesWork work;
    return yishi::plugins::equalSharesAdd1(e, budget, work, search, threads);
}

std::vector<int> plain(const EqualSharesElection& e, std::int64_t share) {
    EqualSharesWork work;
    return yishi::plugins::equalShares(e, share, work);
}

std::string show(const EqualSharesAdd1& a) {
    std::ostringstream out;
    out << "share " << a.share << " from " << a.start << ", projects";
    for (int p : a.chosen) out << " " << p;
    return out.str();
}

// The jump search gives what unit steps give: the projects, in order, and
// the final per-voter share; and so do both with a second thread. Unit
// steps are cut off (a failure) well past the jump's share, so a wrong jump
// cannot make the test run for ever.
void expectSameAsUnitSteps(const EqualSharesElection& e, std::int64_t budget, const std::string& what) {
    EqualSharesWork jump_work;
    const auto jump = yishi::plugins::equalSharesAdd1(e, budget, jump_work, Add1Search::kJump, 1);
    const std::uint64_t limit = (jump_work.used / static_cast<std::uint64_t>(jump.runs) + 1) * 4 *
                                static_cast<std::uint64_t>(jump.share - jump.start + 1000);
    // The last: two threads even for the smallest runs, so that the runs
    // beside and the plain unit steps two at a time are taken here too.
    struct Way {
        Add1Search search;
        int threads;
        std::uint64_t worth_a_thread;
    };
    for (auto [search, threads, worth_a_thread] :
         {Way{Add1Search::kUnitSteps, 1, yishi::plugins::kWorthAThread},
          Way{Add1Search::kUnitSteps, 2, yishi::plugins::kWorthAThread},
          Way{Add1Search::kJump, 2, yishi::plugins::kWorthAThread}, Way{Add1Search::kJump, 2, 0}}) {
        EqualSharesWork work;
        work.limit = limit;
        const std::string how = std::string(search == Add1Search::kJump ? "jump" : "unit") + " in " +
                                std::to_string(threads) + " threads" + (worth_a_thread ? "" : " always");
        try {
            const auto other = yishi::plugins::equalSharesAdd1(e, budget, work, search, threads, worth_a_thread);
            const std::string both = what + ": jump " + show(jump) + "; " + how + " " + show(other);
            BOOST_TEST(jump.chosen == other.chosen, both);
            BOOST_TEST(jump.share == other.share, both);
            BOOST_TEST(jump.start == other.start);
            if (threads == 1) BOOST_TEST(jump.runs <= other.runs);
        } catch (const yishi::plugins::EqualSharesOverWork&) {
            BOOST_TEST(false, what << ": " << how << " go on far beyond the jump's " << show(jump));
        }
    }
}

// An election with costs of about `scale` each; some costs equal, so ties
// happen; a few voters or many.
struct Drawn {
    EqualSharesElection election;
    std::int64_t budget;
    std::string text;
};
Drawn randomElection(std::mt19937_64& random, std::int64_t scale, std::int64_t max_budget) {
    const int projects = 1 + static_cast<int>(random() % 14);
    const int voters = random() % 3 == 0 ? 1 + static_cast<int>(random() % 3) : 1 + static_cast<int>(random() % 40);
    std::vector<std::int64_t> costs;
    std::int64_t total = 0;
    for (int p = 0; p < projects; ++p) {
        std::int64_t cost = scale * (1 + static_cast<std::int64_t>(random() % 4));
        if (random() % 2) cost += static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(scale));
        if (random() % 10 == 0) cost = 0;
        costs.push_back(cost);
        total += cost;
    }
    std::vector<std::vector<std::int64_t>> ballots(static_cast<std::size_t>(voters));
    for (auto& ballot : ballots)
        for (int p = 0; p < projects; ++p)
            if (random() % 3 == 0) ballot.push_back(p);
    std::vector<std::int64_t> order(static_cast<std::size_t>(projects));
    for (int p = 0; p < projects; ++p) order[static_cast<std::size_t>(p)] = p;
    std::shuffle(order.begin(), order.end(), random);
    const std::int64_t budget =
        std::min<std::int64_t>(max_budget, static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(total + 2)));
    std::ostringstream text;
    text << "budget " << budget << ", costs";
    for (auto c : costs) text << " " << c;
    text << ", ballots";
    for (const auto& b : ballots) {
        text << " {";
        for (auto p : b) text << p;
        text << "}";
    }
    text << ", order";
    for (auto p : order) text << " " << p;
    return {election(std::move(costs), ballots, order), budget, text.str()};
}

// A Pabulib file as `yishi pb select` hands it to mes-add1: money in the
// file's smallest unit, ballots as approval sets (ordinal and cumulative
// ballots by the projects they name), ties by lower cost, then more votes,
// then file order (plugins/default/selection.lua).
struct PbInstance {
    EqualSharesElection election;
    std::int64_t budget;
};
PbInstance readPabulib(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = yishi::domain::parsePabulib(text.str());
    BOOST_REQUIRE_MESSAGE(parsed.isOk(), parsed.status().toString());
    auto scores = yishi::domain::pabulibScores(*parsed);
    BOOST_REQUIRE(scores.isOk());
    const int scale = yishi::domain::pabulibMoneyScale(*parsed);
    std::vector<std::int64_t> costs, votes;
    std::map<std::string, std::int64_t> index;
    for (const auto& p : parsed->projects) {
        index[p.id] = static_cast<std::int64_t>(costs.size());
        costs.push_back(yishi::domain::parsePbMoney(p.cost, scale).value());
        votes.push_back(scores->at(p.id));
    }
    std::vector<std::vector<std::int64_t>> ballots;
    for (const auto& vote : parsed->votes) {
        ballots.emplace_back();
        for (const auto& id : vote.projects) ballots.back().push_back(index.at(id));
    }
    std::vector<std::int64_t> order;
    for (std::size_t p = 0; p < costs.size(); ++p) order.push_back(static_cast<std::int64_t>(p));
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
        if (costs[a] != costs[b]) return costs[a] < costs[b];
        return votes[a] > votes[b];
    });
    const auto budget = yishi::domain::parsePbMoney(parsed->metaOr("budget", ""), scale).value();
    return {election(std::move(costs), ballots, order), budget};
}

const char* const kPabulibFiles[] = {
    "../shared/pabulib/Netherlands_Assen_2024.pb",
    "../shared/pabulib/Poland_Warszawa_2019_Zacisze.pb",
    "../shared/pabulib/Poland_Warszawa_2018_Miedzeszyn.pb",
    "../shared/pabulib/Poland_Czestochowa_2024_Podjasnogorska.pb",
    "../shared/pabulib/Poland_Krakow_2019_Bienczyce.pb",
    "tests/data/pabulib/hand_greedy_quoted.pb",
    "tests/data/pabulib/hand_mes_add1.pb",
};

// Up to about this many unit steps, stepping is quick enough for a test.
constexpr std::int64_t kUnitStepsAffordable = 20'000;

}  // namespace

BOOST_AUTO_TEST_SUITE(equal_shares_add1)

BOOST_AUTO_TEST_CASE(add1_raises_the_share_while_the_outcome_fits) {
    // plugins/default/tests/select_mes_add1_small.json. Three voters,
    // budget 30, start 10. Voters 0 and 1 approve p0 (10) and p2 (12),
    // voter 2 approves p1 (20) and p2. At any share t, p2 goes first (4
    // each, 1/3 per unit), then p0 (5 each from t - 4, 1/2 per unit); p1
    // needs voter 2 to have 20 left after p2: t >= 24, when the outcome
    // costs 42 > 30. So Add1 stops at 23 with p2, p0; the jump goes from
    // 10 straight to 24 (voter 2's t - 4 against p1's 20 is the only
    // comparison that changes on the way): two runs where unit steps make
    // fifteen.
    const auto e = election({10, 20, 12}, {{0, 2}, {0, 2}, {1, 2}}, {0, 2, 1});
    const auto jump = add1(e, 30, Add1Search::kJump);
    BOOST_TEST(jump.chosen == std::vector<int>({2, 0}));
    BOOST_TEST(jump.start == 10);
    BOOST_TEST(jump.share == 23);
    BOOST_TEST(jump.runs == 2);
    BOOST_TEST(add1(e, 30, Add1Search::kUnitSteps).runs == 15);
    expectSameAsUnitSteps(e, 30, "small");
}

BOOST_AUTO_TEST_CASE(add1_stops_once_every_supported_project_is_in) {
    // One voter, budget 10: p0 (4) and p1 (6) fit at share 10 and p2 has no
    // supporter; nothing is left to gain, so no step is taken.
    const auto e = election({4, 6, 1}, {{0, 1}}, {0, 1, 2});
    for (auto search : {Add1Search::kJump, Add1Search::kUnitSteps}) {
        const auto a = add1(e, 10, search);
        BOOST_TEST(a.chosen == std::vector<int>({0, 1}));
        BOOST_TEST(a.share == 10);
        BOOST_TEST(a.runs == 1);
    }
    BOOST_TEST(add1(election({5}, {}, {0}), 10, Add1Search::kJump).chosen.empty());  // no voters
}

BOOST_AUTO_TEST_CASE(two_ballots_and_a_budget_of_a_billion_fen_finish) {
    // Two voters, 10^9 fen: unit steps would run MES hundreds of millions
    // of times. Voter 0 approves p0 (1.2e9) and p2 (0.3e9), voter 1 p1
    // (0.9e9) and p2. At share 5e8 p2 is bought (1.5e8 each), then nothing
    // else; p1 comes in when voter 1 has 9e8 left, at share 1.05e9, but
    // that outcome costs 1.2e9 > 1e9; so Add1 stops at 1.05e9 - 1.
    const auto e = election({1'200'000'000, 900'000'000, 300'000'000}, {{0, 2}, {1, 2}}, {0, 1, 2});
    const auto a = add1(e, 1'000'000'000, Add1Search::kJump);
    BOOST_TEST(a.chosen == std::vector<int>({2}));
    BOOST_TEST(a.start == 500'000'000);
    BOOST_TEST(a.share == 1'049'999'999);
    BOOST_TEST(a.runs == 2);  // at 5e8, then at 1.05e9
    const auto two = add1(e, 1'000'000'000, Add1Search::kJump, 2);
    BOOST_TEST(two.share == a.share);
    BOOST_TEST(two.chosen == a.chosen);
    // The outcome at either side of the stop, by single runs.
    BOOST_TEST(plain(e, 1'049'999'999) == std::vector<int>({2}));
    BOOST_TEST(plain(e, 1'050'000'000) == std::vector<int>({2, 1}));
}

// Every Pabulib file the tests know (../shared/pabulib, as the pb select
// test reads them, and tests/data/pabulib): unit steps take well under a
// second on each, so they are the comparison everywhere.
BOOST_DATA_TEST_CASE(jumps_agree_with_unit_steps_on_the_pabulib_files, boost::unit_test::data::make(kPabulibFiles),
                     file) {
    const auto pb = readPabulib(std::string(YISHI_SOURCE_DIR) + "/" + file);
    expectSameAsUnitSteps(pb.election, pb.budget, file);
    const auto jump = add1(pb.election, pb.budget, Add1Search::kJump);
    BOOST_TEST_MESSAGE(file << ": " << show(jump) << ", " << jump.runs << " runs for " << jump.share - jump.start + 2
                            << " unit-step runs");
}

// Every run's span is sound: MES gives the same outcome at every share in
// [share, same_until), checked share by share over the first and the last
// shares of each span, on random elections.
BOOST_AUTO_TEST_CASE(the_outcome_holds_over_each_span) {
    std::mt19937_64 random(7);
    int spans = 0, long_spans = 0;
    for (int round = 0; round < 1000; ++round) {
        const auto drawn = randomElection(random, 1 + static_cast<std::int64_t>(random() % 100), 1'000'000);
        std::int64_t share = static_cast<std::int64_t>(random() % 50);
        for (int jump = 0; jump < 6; ++jump) {
            EqualSharesWork work;
            const auto span = yishi::plugins::equalSharesSpan(drawn.election, share, work);
            BOOST_TEST(span.chosen == plain(drawn.election, share));
            if (!span.same_until) break;
            BOOST_REQUIRE(*span.same_until > share);
            const std::int64_t until = *span.same_until;
            for (std::int64_t s = share; s < until; ++s) {
                if (s - share > 100 && until - s > 100) s = until - 100;
                BOOST_TEST(plain(drawn.election, s) == span.chosen,
                           drawn.text << ": share " << s << " in [" << share << ", " << until << ")");
            }
            ++spans;
            long_spans += until - share > 1;
            share = until;
        }
    }
    BOOST_TEST(spans > 500);
    BOOST_TEST(long_spans > 100);  // the spans do reach beyond one step
}

// 200 random elections, costs from 1 to 10^8 fen each and budgets up to
// 10^9: the jump search and unit steps agree. Unit steps are run whenever
// they are few enough for a test (Add1 walks up to about budget / voters
// steps); otherwise the jump's answer is checked where unit steps would
// decide it: the outcome at its share, that unit steps would stop there
// (everything supported is in, or the next share costs too much), and that
// they would not stop at any of the first and the last 2,000 shares before.
BOOST_AUTO_TEST_CASE(jumps_agree_with_unit_steps_on_random_elections) {
    std::mt19937_64 random(20260412);
    int by_unit_steps = 0, by_checks = 0, far = 0;
    for (int round = 0; round < 200; ++round) {
        std::int64_t scale = 1;
        for (int digits = static_cast<int>(random() % 9); digits > 0; --digits) scale *= 10;
        const auto drawn = randomElection(random, scale, 1'000'000'000);
        const auto& e = drawn.election;
        const auto jump = add1(e, drawn.budget, Add1Search::kJump);
        far += jump.share - jump.start > kUnitStepsAffordable;
        if (jump.share - jump.start <= kUnitStepsAffordable) {
            expectSameAsUnitSteps(e, drawn.budget, drawn.text);
            ++by_unit_steps;
            continue;
        }
        ++by_checks;
        std::size_t supported = 0;
        for (const auto& s : e.supporters) supported += !s.empty();
        auto cost = [&](const std::vector<int>& projects) {
            std::int64_t total = 0;
            for (int p : projects) total += e.costs[static_cast<std::size_t>(p)];
            return total;
        };
        // Unit steps would not stop at share s: not everything in, and s + 1 fits.
        auto goesOn = [&](std::int64_t s) {
            return plain(e, s).size() < supported && cost(plain(e, s + 1)) <= drawn.budget;
        };
        BOOST_TEST(plain(e, jump.share) == jump.chosen, drawn.text);
        BOOST_TEST(!goesOn(jump.share), drawn.text);
        for (std::int64_t s = jump.start; s < jump.share; ++s) {
            if (s - jump.start > 2000 && jump.share - s > 2000) s = jump.share - 2000;
            if (!goesOn(s)) {
                BOOST_TEST(false, drawn.text << ": unit steps stop at " << s << ", the jump at " << jump.share);
                break;
            }
        }
    }
    BOOST_TEST(by_unit_steps > 100);
    BOOST_TEST(far > 10);  // budgets large enough that stepping is out of the question do occur
    BOOST_TEST_MESSAGE("random Add1: " << by_unit_steps << " by unit steps, " << by_checks << " by checks");
}

BOOST_AUTO_TEST_SUITE_END()
