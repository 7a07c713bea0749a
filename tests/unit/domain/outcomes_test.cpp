// What adopted proposals become: projects (progress, expenses, ratings) and
// conventions (versions, amendments, acknowledgements, diffs).
#include <boost/test/unit_test.hpp>

#include "unit/domain/domain_world.h"
#include "yishi/domain/convention_service.h"
#include "yishi/domain/project_service.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::draft;
using yishi::testing::step;

namespace {

struct Outcomes : yishi::testing::World {
    std::vector<UserId> residents;

    Outcomes() {
        for (int i = 0; i < 3; ++i) {
            auto joined = signUpResident("resident" + std::to_string(i));
            BOOST_REQUIRE(
                communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
            residents.push_back(joined.user.id);
        }
    }
    Actor resident(int i) { return actor(residents[i]); }
    Actor committee() { return actor(committee_a); }

    // Walks a proposal from submission to adoption.
    ProposalId adopted(ProposalService::Draft d) {
        auto p = proposals.create(resident(0), a.id, d);
        BOOST_REQUIRE_MESSAGE(p.isOk(), p.status().toString());
        const ProposalId id = p->proposal.id;
        auto consult = step(ProposalAction::kOpenConsultation);
        consult.consultation_ends_at = clock.now() + Duration::hours(1);
        for (const auto& s : {step(ProposalAction::kStartScreening), step(ProposalAction::kAccept, "ok"), consult,
                              yishi::testing::sendToVoteEarly("ok"), step(ProposalAction::kAdopt, "通过")}) {
            auto r = proposals.act(committee(), id, s);
            BOOST_REQUIRE_MESSAGE(r.isOk(), r.status().toString());
        }
        return id;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(outcomes)

BOOST_AUTO_TEST_CASE(an_adopted_wish_becomes_a_project_reported_then_rated) {
    Outcomes w;
    const ProposalId wish = w.adopted(draft(ProposalKind::kWish, "加装电梯", "", true));
    auto form = step(ProposalAction::kFormProject);
    BOOST_TEST(w.proposals.act(w.committee(), wish, form).status().code() == "project.budget");
    form.budget_fen = 35'000'000;  // 350,000 yuan
    BOOST_TEST(w.proposals.act(w.committee(), wish, form).status().code() == "responsible.invalid");
    form.responsible = "物业公司";
    auto formed = w.proposals.act(w.committee(), wish, form);
    BOOST_REQUIRE(formed.isOk());
    const ProjectId id(formed->proposal.outcome_id);

    BOOST_TEST(w.projects.rate(w.resident(1), id, 5, "").status().code() == "project.not_completed");
    BOOST_TEST(w.projects.reportProgress(w.resident(1), id, 10, "开工", Instant()).status().code() ==
               "community.forbidden");
    BOOST_REQUIRE(w.projects.reportProgress(w.committee(), id, 40, "井道施工", Instant()).isOk());
    BOOST_TEST(w.projects.reportProgress(w.committee(), id, 30, "倒退", Instant()).status().code() ==
               "progress.percent");
    BOOST_REQUIRE(w.projects.addExpense(w.committee(), id, 12'000'000, "电梯设备首付款", Instant()).isOk());
    BOOST_REQUIRE(w.projects.addExpense(w.committee(), id, 3'050'050, "井道土建", Instant()).isOk());
    BOOST_TEST(w.projects.addExpense(w.committee(), id, 0, "零", Instant()).status().code() == "expense.amount");
    auto done = w.projects.complete(w.committee(), id, "验收通过");
    BOOST_REQUIRE(done.isOk());
    BOOST_TEST(done->project.progress_percent == 100);
    BOOST_TEST(done->spent_fen == 15'050'050);
    BOOST_TEST(w.projects.complete(w.committee(), id, "").status().code() == "project.completed");

    BOOST_TEST(w.projects.rate(w.resident(1), id, 6, "").status().code() == "rating.stars");
    BOOST_REQUIRE(w.projects.rate(w.resident(1), id, 5, "方便多了").isOk());
    BOOST_TEST(w.projects.rate(w.resident(1), id, 4, "").status().code() == "rating.exists");
    auto rated = w.projects.rate(w.resident(2), id, 4, "");
    BOOST_REQUIRE(rated.isOk());
    BOOST_TEST(rated->ratings == 2);
    BOOST_TEST(rated->average_stars == 4.5);
    BOOST_TEST(w.projects.rate(w.actor(w.committee_b), id, 1, "").status().code() == "membership.none");
    BOOST_TEST(*w.projects.get(w.resident(2), id)->my_stars == 4);
}

BOOST_AUTO_TEST_CASE(a_rule_becomes_a_convention_and_an_amendment_its_next_version) {
    Outcomes w;
    const ProposalId rule = w.adopted(draft(ProposalKind::kRule, "垃圾分类公约", "一、干湿分开\n二、定时投放\n", true));
    auto formed = w.proposals.act(w.committee(), rule, step(ProposalAction::kFormConvention));
    BOOST_REQUIRE(formed.isOk());
    const ConventionId id(formed->proposal.outcome_id);
    BOOST_REQUIRE(w.conventions.acknowledge(w.resident(1), id).isOk());
    BOOST_TEST(w.conventions.acknowledge(w.resident(1), id).status().code() == "acknowledgement.exists");
    BOOST_TEST(w.conventions.get(w.resident(1), id)->acknowledgements == 1);

    // A rule amending a convention of another community, or a wish amending one, is refused.
    auto wrong = draft(ProposalKind::kWish, "改", "", true);
    wrong.amends_convention = id.value;
    BOOST_TEST(w.proposals.create(w.resident(0), w.a.id, wrong).status().code() == "proposal.amends");
    auto amendment =
        draft(ProposalKind::kRule, "垃圾分类公约（修订）", "一、干湿分开\n二、每日7-9点投放\n三、大件预约\n", true);
    amendment.amends_convention = id.value;
    const ProposalId second = w.adopted(amendment);
    auto amended = w.proposals.act(w.committee(), second, step(ProposalAction::kFormConvention));
    BOOST_REQUIRE(amended.isOk());
    BOOST_TEST(amended->proposal.outcome_id == id.value);

    auto view = w.conventions.get(w.resident(1), id).value();
    BOOST_TEST(view.convention.current_version == 2);
    BOOST_TEST(view.versions.size() == 2u);
    BOOST_TEST(view.acknowledgements == 0);  // the new version is acknowledged afresh
    BOOST_TEST(!view.acknowledged_by_me);
    BOOST_TEST(w.conventions.version(id, 1)->text == "一、干湿分开\n二、定时投放\n");
    BOOST_TEST(w.conventions.version(id, 3).status().code() == "convention.version_not_found");
    auto diff = w.conventions.diff(id, 1, 2).value();
    const std::vector<DiffLine> expected = {
        {' ', "一、干湿分开"}, {'-', "二、定时投放"}, {'+', "二、每日7-9点投放"}, {'+', "三、大件预约"}};
    BOOST_TEST((diff == expected));
}

BOOST_AUTO_TEST_CASE(line_diff_cases) {
    BOOST_TEST(lineDiff("", "").empty());
    BOOST_TEST((lineDiff("a\nb\n", "a\nb") == std::vector<DiffLine>{{' ', "a"}, {' ', "b"}}));
    BOOST_TEST(
        (lineDiff("a\nb\nc", "b\nc\nd") == std::vector<DiffLine>{{'-', "a"}, {' ', "b"}, {' ', "c"}, {'+', "d"}}));
    BOOST_TEST((lineDiff("x", "") == std::vector<DiffLine>{{'-', "x"}}));
    BOOST_TEST((lineDiff("", "y") == std::vector<DiffLine>{{'+', "y"}}));
}

BOOST_AUTO_TEST_CASE(ratings_and_acknowledgements_reach_the_outbox) {
    Outcomes w;
    const ProposalId wish = w.adopted(draft(ProposalKind::kWish, "健身步道", "", true));
    auto form = step(ProposalAction::kFormProject);
    form.budget_fen = 0;
    form.responsible = "居委";
    const ProjectId project(w.proposals.act(w.committee(), wish, form)->proposal.outcome_id);
    w.projects.complete(w.committee(), project, "");
    w.projects.rate(w.resident(1), project, 3, "");
    std::vector<DomainEvent> events;
    w.db->read([&](Stores& s) {
        events = s.outbox.eventsAfter(0, 1000);
        return Status::ok();
    });
    BOOST_REQUIRE(!events.empty());
    BOOST_TEST(events.back().type == "project.rated");
    BOOST_TEST(events.back().actor.value == w.residents[1].value);
}

BOOST_AUTO_TEST_SUITE_END()
