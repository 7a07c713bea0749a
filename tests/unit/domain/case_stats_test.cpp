// The closed loop's rules (docs/cases.md) as pure functions: how entries
// move a case, and the figures computed from them.
#include <boost/test/unit_test.hpp>

#include <string>

#include "yishi/domain/case.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

CaseEntry entry(std::int64_t case_id, CaseEntryKind kind, std::int64_t at, int handling = 0, int result = 0,
                bool solved = true) {
    CaseEntry e;
    e.case_id = CaseId(case_id);
    e.kind = kind;
    e.at = Instant::fromSeconds(at);
    e.assignee = UserId(7);
    e.handling_stars = handling;
    e.result_stars = result;
    e.solved = solved;
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_rules)

BOOST_AUTO_TEST_CASE(a_low_result_or_not_solved_reopens_and_clears_the_standing_close) {
    Case c;
    applyEntry(c, entry(1, CaseEntryKind::kOpened, 100));
    BOOST_TEST(std::string(caseStateName(c.state)) == caseStateName(CaseState::kOpen));
    applyEntry(c, entry(1, CaseEntryKind::kAssigned, 110));
    BOOST_TEST(std::string(caseStateName(c.state)) == caseStateName(CaseState::kInProgress));
    BOOST_TEST(c.assignee.value == 7);
    applyEntry(c, entry(1, CaseEntryKind::kDone, 200));
    BOOST_TEST(c.done_at.seconds() == 200);
    applyEntry(c, entry(1, CaseEntryKind::kRated, 210, 5, 2));  // 2 stars for the result: reopens
    BOOST_TEST(std::string(caseStateName(c.state)) == caseStateName(CaseState::kInProgress));
    BOOST_TEST(c.done_at.seconds() == 0);
    BOOST_TEST(c.reopened == 1);
    applyEntry(c, entry(1, CaseEntryKind::kDone, 300));
    applyEntry(c, entry(1, CaseEntryKind::kRated, 310, 5, 3, false));  // 3 stars but not solved: reopens
    BOOST_TEST(std::string(caseStateName(c.state)) == caseStateName(CaseState::kInProgress));
    BOOST_TEST(c.reopened == 2);
    applyEntry(c, entry(1, CaseEntryKind::kDone, 400));
    applyEntry(c, entry(1, CaseEntryKind::kRated, 410, 1, 3));  // 3 stars, solved: closes
    BOOST_TEST(std::string(caseStateName(c.state)) == caseStateName(CaseState::kClosed));
    BOOST_TEST(c.closed_at.seconds() == 410);
    BOOST_TEST(c.done_at.seconds() == 400);
    applyEntry(c, entry(1, CaseEntryKind::kFollowUp, 500));
    BOOST_TEST(std::string(caseStateName(c.state)) == caseStateName(CaseState::kClosed));
}

BOOST_AUTO_TEST_CASE(figures_come_from_the_replayed_records) {
    std::vector<CaseEntry> es = {
        // Case 1: closed; done at 100, reopened by a low rating, done again at 400: 400 to close.
        entry(1, CaseEntryKind::kOpened, 0), entry(1, CaseEntryKind::kAssigned, 10),
        entry(1, CaseEntryKind::kDone, 100), entry(1, CaseEntryKind::kRated, 110, 2, 1),
        entry(1, CaseEntryKind::kDone, 400), entry(1, CaseEntryKind::kRated, 410, 4, 5),
        entry(1, CaseEntryKind::kFollowUp, 500),
        // Case 2: done, not rated: 50 to close.
        entry(2, CaseEntryKind::kOpened, 1000), entry(2, CaseEntryKind::kAssigned, 1010),
        entry(2, CaseEntryKind::kDone, 1050),
        // Case 3: done and rated 3, solved: closed, 200 to close, not "satisfied".
        entry(3, CaseEntryKind::kOpened, 2000), entry(3, CaseEntryKind::kAssigned, 2001),
        entry(3, CaseEntryKind::kDone, 2200), entry(3, CaseEntryKind::kRated, 2300, 3, 3),
        // Case 4: reopened by "not solved", in progress.
        entry(4, CaseEntryKind::kOpened, 3000), entry(4, CaseEntryKind::kAssigned, 3001),
        entry(4, CaseEntryKind::kDone, 3002), entry(4, CaseEntryKind::kNotSolved, 3003),
        // Case 5: open.
        entry(5, CaseEntryKind::kOpened, 4000)};
    const CaseStats s = computeCaseStats(es);
    BOOST_TEST(s.cases == 5);
    BOOST_TEST(s.open == 1);
    BOOST_TEST(s.in_progress == 1);
    BOOST_TEST(s.done == 1);
    BOOST_TEST(s.closed == 2);
    BOOST_TEST(s.closure_rate == 0.6, boost::test_tools::tolerance(1e-12));
    BOOST_REQUIRE(s.median_seconds_to_close.has_value());
    BOOST_TEST(*s.median_seconds_to_close == 200);  // of 50, 200, 400
    BOOST_TEST(s.reopened_cases == 2);
    BOOST_TEST(s.followed_up == 1);
    BOOST_TEST(s.ratings == 3);
    BOOST_TEST(s.handling_average == 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.result_average == 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.satisfied == 1);
    BOOST_TEST(s.satisfaction_rate == 1.0 / 3.0, boost::test_tools::tolerance(1e-12));

    // An even count takes the mean of the middle two, rounded down.
    es.push_back(entry(5, CaseEntryKind::kAssigned, 4001));
    es.push_back(entry(5, CaseEntryKind::kDone, 4301));  // 301 to close
    const CaseStats even = computeCaseStats(es);
    BOOST_TEST(*even.median_seconds_to_close == 250);  // (200 + 301) / 2
}

BOOST_AUTO_TEST_CASE(no_cases_no_figures) {
    const CaseStats s = computeCaseStats({});
    BOOST_TEST(s.cases == 0);
    BOOST_TEST(!s.median_seconds_to_close.has_value());
    BOOST_TEST(s.closure_rate == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
