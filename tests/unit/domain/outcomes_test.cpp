// What adopted proposals become: projects (progress, expenses, ratings) and
// conventions (versions, amendments, acknowledgements, diffs).
#include <boost/test/unit_test.hpp>

#include <limits>

#include "unit/domain/domain_world.h"
#include "yishi/domain/convention_service.h"
#include "yishi/domain/money.h"
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

// Defect (issue 9 item 1): amounts had no upper bound, and two expenses of
// 2^63 - 1 fen made spent_fen wrap to -2.
BOOST_AUTO_TEST_CASE(amounts_are_bounded_and_a_total_never_wraps) {
    Outcomes w;
    const ProposalId wish = w.adopted(draft(ProposalKind::kWish, "道路修缮", "", true));
    auto form = step(ProposalAction::kFormProject);
    form.responsible = "物业公司";
    form.budget_fen = kMaxAmountFen + 1;
    BOOST_TEST(w.proposals.act(w.committee(), wish, form).status().code() == "project.budget");
    form.budget_fen = kMaxAmountFen;
    const ProjectId id(w.proposals.act(w.committee(), wish, form)->proposal.outcome_id);

    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    BOOST_TEST(w.projects.addExpense(w.committee(), id, max, "x", Instant()).status().code() == "expense.amount");
    BOOST_TEST(w.projects.addExpense(w.committee(), id, kMaxAmountFen + 1, "x", Instant()).status().code() ==
               "expense.amount");
    BOOST_REQUIRE(w.projects.addExpense(w.committee(), id, kMaxAmountFen - 1, "一期", Instant()).isOk());
    auto full = w.projects.addExpense(w.committee(), id, 1, "二期", Instant());
    BOOST_REQUIRE(full.isOk());
    BOOST_TEST(full->spent_fen == kMaxAmountFen);
    BOOST_TEST(w.projects.addExpense(w.committee(), id, 1, "三期", Instant()).status().code() == "expense.total");
    BOOST_TEST(w.projects.get(Actor::anonymous(), id)->spent_fen == kMaxAmountFen);
}

// Defect (issue 9 item 2): two amendments written against the same version
// were both adopted, and the second silently dropped the first one's change.
BOOST_AUTO_TEST_CASE(an_amendment_written_against_an_older_version_is_not_adopted_silently) {
    Outcomes w;
    const ProposalId rule = w.adopted(draft(ProposalKind::kRule, "垃圾分类公约", "一、干湿分开\n", true));
    const ConventionId id(
        w.proposals.act(w.committee(), rule, step(ProposalAction::kFormConvention))->proposal.outcome_id);
    auto first = draft(ProposalKind::kRule, "修订一", "一、干湿分开\n二、定时投放\n", true);
    first.amends_convention = id.value;
    auto second = draft(ProposalKind::kRule, "修订二", "一、干湿分开\n三、大件预约\n", true);
    second.amends_convention = id.value;
    const ProposalId a = w.adopted(first);
    const ProposalId b = w.adopted(second);
    BOOST_REQUIRE(w.proposals.act(w.committee(), a, step(ProposalAction::kFormConvention)).isOk());
    BOOST_TEST(w.proposals.act(w.committee(), b, step(ProposalAction::kFormConvention)).status().code() ==
               "convention.stale_base");
    auto view = w.conventions.get(Actor::anonymous(), id).value();
    BOOST_TEST(view.convention.current_version == 2);
    BOOST_TEST(view.current.text == "一、干湿分开\n二、定时投放\n");
    BOOST_TEST((w.proposals.get(Actor::anonymous(), b)->proposal.state == ProposalState::kAdopted));
    BOOST_TEST(w.proposals.get(Actor::anonymous(), b)->proposal.amends_version == 1);

    // The committee rebases it onto the current version, with a reason; then it forms version 3.
    BOOST_TEST(w.conventions.rebase(w.resident(1), b, 2, "x").status().code() == "community.forbidden");
    BOOST_TEST(w.conventions.rebase(w.committee(), b, 2, "").status().code() == "rebase.reason_required");
    BOOST_TEST(w.conventions.rebase(w.committee(), b, 1, "x").status().code() == "rebase.version");
    BOOST_TEST(w.conventions.rebase(w.committee(), a, 2, "x").status().code() == "rebase.formed");
    BOOST_TEST(w.conventions.rebase(w.committee(), rule, 1, "x").status().code() == "rebase.not_an_amendment");
    auto rebased = w.conventions.rebase(w.committee(), b, 2, "修订二取代修订一");
    BOOST_REQUIRE(rebased.isOk());
    BOOST_TEST(rebased->from_version == 1);
    BOOST_TEST(rebased->onto_version == 2);
    BOOST_TEST(w.conventions.rebase(w.committee(), b, 2, "x").status().code() == "rebase.not_needed");
    auto history = w.proposals.history(Actor::anonymous(), b).value();
    BOOST_TEST(history.back().action == "convention.rebased");
    BOOST_TEST(history.back().reason == "rebased:1-2\n修订二取代修订一");  // a fact, rendered per language
    BOOST_REQUIRE(w.proposals.act(w.committee(), b, step(ProposalAction::kFormConvention)).isOk());
    BOOST_TEST(w.conventions.get(Actor::anonymous(), id)->current.text == "一、干湿分开\n三、大件预约\n");

    // An author who names the version they read is refused at once when it is no longer current.
    auto late = draft(ProposalKind::kRule, "修订三", "一、干湿分开\n", true);
    late.amends_convention = id.value;
    late.amends_version = 2;
    BOOST_TEST(w.proposals.create(w.resident(0), w.a.id, late).status().code() == "convention.stale_base");
    late.amends_version = 4;
    BOOST_TEST(w.proposals.create(w.resident(0), w.a.id, late).status().code() == "proposal.amends");
    late.amends_version = 3;
    BOOST_TEST(w.proposals.create(w.resident(0), w.a.id, late).isOk());
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
    w.projects.rate(w.resident(1), project, 1, "");
    std::vector<DomainEvent> events;
    std::vector<AuditEntry> trace;
    w.db->read([&](Stores& s) {
        events = s.outbox.eventsAfter(0, 1000);
        trace = s.audit.forSubject("project", project.value, 10);
        return Status::ok();
    });
    BOOST_REQUIRE(!events.empty());
    BOOST_TEST(events.back().type == "project.rated");
    BOOST_TEST(events.back().actor.value == w.residents[1].value);
    BOOST_REQUIRE(!trace.empty());
    BOOST_TEST(trace.front().action == "project.rated");
    BOOST_TEST(trace.front().reason == "1 star");  // not "1 stars" (issue 9, item 22)
}

BOOST_AUTO_TEST_SUITE_END()
