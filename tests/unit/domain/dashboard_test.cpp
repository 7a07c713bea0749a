// The dashboards' figures (docs/dashboards.md): how a scope's totals are
// made of its communities', and the background refresh keeping the kept
// figures equal to a from-scratch count as people act and time passes.
#include <boost/test/unit_test.hpp>

#include "domain_world.h"
#include "yishi/domain/dashboard.h"
#include "yishi/domain/dashboard_service.h"

using namespace yishi;
using namespace yishi::domain;
using namespace yishi::testing;

namespace {

CommunityFigures figures(std::int64_t id, std::int64_t computed_at, std::vector<std::int64_t> times, std::int64_t cases,
                         std::int64_t ratings, std::int64_t satisfied) {
    CommunityFigures f;
    f.community_id = CommunityId(id);
    f.computed_at = Instant::fromSeconds(computed_at);
    f.seconds_to_close = std::move(times);
    f.cases = cases;
    f.cases_closed = static_cast<std::int64_t>(f.seconds_to_close.size());
    f.ratings = ratings;
    f.satisfied = satisfied;
    f.topics = {{ProposalKind::kProblem, ProposalState::kAccepted, cases}};
    return f;
}

// The kept figures of `community` equal figuresFromRecords at their own time.
void expectKeptEqualsRecords(World& w, DashboardService& dash, const Community& community) {
    const Actor admin = w.actor(w.admin_id);
    auto kept = dash.community(admin, community.id, false);
    auto fresh = dash.community(admin, community.id, true);
    BOOST_REQUIRE(kept.isOk() && fresh.isOk());
    BOOST_TEST(!kept->pending);
    BOOST_REQUIRE(kept->rows.at(0).figures.has_value());
    BOOST_TEST(kept->rows[0].figures->sameFigures(*fresh->rows.at(0).figures));
}

// Refresh rounds until one has nothing to do.
void refreshAll(DashboardService& dash) {
    for (int i = 0; i < 10; ++i) {
        Result<int> n = dash.refresh();
        BOOST_REQUIRE(n.isOk());
        if (n.value() == 0) return;
    }
    BOOST_FAIL("the refresh never settles");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dashboards)

BOOST_AUTO_TEST_CASE(totals_add_counts_and_take_the_median_over_every_case) {
    CommunityFigures sum = sumFigures({figures(1, 500, {10, 20, 30}, 4, 2, 1), figures(2, 400, {100}, 1, 2, 2)});
    BOOST_TEST(sum.cases == 5);
    BOOST_TEST(sum.cases_closed == 4);
    BOOST_TEST(*closureRate(sum) == 0.8);
    // Over every case (10, 20, 30, 100): 25; the medians' median would be 60.
    BOOST_TEST(*medianSecondsToClose(sum) == 25);
    BOOST_TEST(*satisfactionRate(sum) == 0.75);
    BOOST_TEST(sum.computed_at.seconds() == 400);  // the oldest row's
    BOOST_REQUIRE(sum.topics.size() == 1u);
    BOOST_TEST(sum.topics[0].count == 5);
    BOOST_TEST(topicsOfKind(sum, ProposalKind::kProblem) == 5);
    BOOST_TEST(topicsTotal(sum) == 5);

    const CommunityFigures none = sumFigures({});
    BOOST_TEST(!closureRate(none).has_value());
    BOOST_TEST(!medianSecondsToClose(none).has_value());
    BOOST_TEST(!satisfactionRate(none).has_value());
}

BOOST_AUTO_TEST_CASE(the_refresh_keeps_the_figures_equal_to_the_records) {
    World w;
    // No refresh by age: what time alone changes is found by valid_until.
    DashboardService dash(*w.db, w.clock, {Duration::days(10'000), 100});
    const Actor admin = w.actor(w.admin_id);

    // Before any refresh there are no figures: pending.
    auto early = dash.district(admin, w.district);
    BOOST_REQUIRE(early.isOk());
    BOOST_TEST(early->pending);
    BOOST_TEST(!early->rows.at(0).figures.has_value());
    refreshAll(dash);
    expectKeptEqualsRecords(w, dash, w.a);

    // A resident joins and is verified, raises a problem and a wish; the
    // committee accepts the problem.
    auto joined = w.signUpResident("zhao");
    const UserId zhao = joined.user.id;
    BOOST_REQUIRE(w.communities.decide(w.actor(w.committee_a), w.a.id, zhao, VerificationDecision::kVerify, "").isOk());
    auto problem = w.proposals.create(w.actor(zhao), w.a.id, draft(ProposalKind::kProblem, "路灯不亮", "门口", true));
    BOOST_REQUIRE(problem.isOk());
    BOOST_REQUIRE(w.proposals.create(w.actor(zhao), w.a.id, draft(ProposalKind::kWish, "健身角", "想要", true)).isOk());
    auto a = w.actor(w.committee_a);
    BOOST_REQUIRE(w.proposals.act(a, problem->proposal.id, step(ProposalAction::kStartScreening)).isOk());
    BOOST_REQUIRE(w.proposals.act(a, problem->proposal.id, step(ProposalAction::kAccept, "属实")).isOk());

    // Not yet refreshed: the kept figures say so.
    BOOST_TEST(dash.community(admin, w.a.id, false)->pending);
    refreshAll(dash);
    expectKeptEqualsRecords(w, dash, w.a);
    auto kept = dash.community(admin, w.a.id, false);
    const CommunityFigures& f = *kept->rows.at(0).figures;
    BOOST_TEST(topicsTotal(f) == 2);
    BOOST_TEST(topicsInState(f, ProposalState::kAccepted) == 1);
    BOOST_TEST(f.members == 1);
    BOOST_TEST(f.active_people == 1);  // zhao raised topics; the committee's acts do not count
    // Community B saw nothing.
    auto b = dash.community(admin, w.b.id, false);
    BOOST_TEST(topicsTotal(*b->rows.at(0).figures) == 0);

    // An hour on, no deadline passed: the figures still hold.
    w.clock.advance(Duration::hours(1));
    BOOST_TEST(!dash.community(admin, w.a.id, false)->pending);
    BOOST_TEST(dash.refresh().value() == 0);
    expectKeptEqualsRecords(w, dash, w.a);

    // Two days on, nothing happened but the wish's deadline passed: its
    // community is recomputed, and the unanswered wish is overdue.
    w.clock.advance(Duration::days(2));
    BOOST_TEST(dash.community(admin, w.a.id, false)->pending);
    refreshAll(dash);
    expectKeptEqualsRecords(w, dash, w.a);
    BOOST_TEST(dash.community(admin, w.a.id, false)->rows.at(0).figures->overdue == 1);

    // 91 days on, zhao is no longer active: recomputed for that alone.
    w.clock.advance(Duration::days(89));
    BOOST_TEST(dash.community(admin, w.a.id, false)->pending);
    refreshAll(dash);
    expectKeptEqualsRecords(w, dash, w.a);
    BOOST_TEST(dash.community(admin, w.a.id, false)->rows.at(0).figures->active_people == 0);
}

BOOST_AUTO_TEST_CASE(each_sees_only_their_own_scope) {
    World w;
    DashboardService dash(*w.db, w.clock);
    BOOST_TEST(dash.district(w.actor(w.admin_id), w.district).isOk());
    BOOST_TEST(dash.street(w.actor(w.admin_id), w.street).isOk());
    BOOST_TEST(dash.community(w.actor(w.committee_a), w.a.id, false).isOk());
    BOOST_TEST(dash.community(w.actor(w.committee_a), w.b.id, false).status().code() == "dashboard.forbidden");
    BOOST_TEST(dash.street(w.actor(w.committee_a), w.street).status().code() == "dashboard.forbidden");
    BOOST_TEST(dash.district(w.actor(w.committee_a), w.district).status().code() == "dashboard.forbidden");
    BOOST_TEST(dash.district(Actor::anonymous(), w.district).status().code() == "session.required");
    BOOST_TEST(dash.district(w.actor(w.admin_id), DistrictId(99)).status().code() == "district.not_found");
}

BOOST_AUTO_TEST_SUITE_END()
