#include <boost/test/unit_test.hpp>

#include "unit/domain/domain_world.h"
#include "yishi/domain/consultation_service.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/settings_service.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

struct Settings : testing::World {
    DistrictSettings defaults;
    SettingsService settings{*db, clock, defaults};
    ConsultationService consultation{*db, clock, {Duration::minutes(15), 3}};
    std::vector<UserId> residents;

    Settings() {
        for (int i = 0; i < 3; ++i) {
            auto joined = signUpResident("resident" + std::to_string(i));
            BOOST_REQUIRE(
                communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
            residents.push_back(joined.user.id);
        }
    }
    ProposalId submit() {
        auto p =
            proposals.create(actor(residents[0]), a.id, testing::draft(ProposalKind::kProblem, "路灯坏了", "", true));
        BOOST_REQUIRE_MESSAGE(p.isOk(), p.status().toString());
        return p->proposal.id;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(district_settings)

BOOST_FIXTURE_TEST_CASE(admins_change_them_and_bad_values_are_refused, Settings) {
    auto before = settings.get(district);
    BOOST_REQUIRE(before.isOk());
    BOOST_TEST(!before->district_specific);
    BOOST_TEST(before->settings.auto_hide_reports == 3);
    DistrictSettings changed = before->settings;
    changed.auto_hide_reports = 2;
    BOOST_TEST(settings.update(actor(committee_a), district, changed).status().code() == "district.forbidden");
    DistrictSettings bad = changed;
    bad.rules.decision_working_days = 0;
    BOOST_TEST(settings.update(actor(admin_id), district, bad).status().code() == "settings.decision_working_days");
    bad = changed;
    bad.holidays = {"2026-13-40"};
    BOOST_TEST(settings.update(actor(admin_id), district, bad).status().code() == "settings.holidays");
    // The API takes a JSON list; its error must not describe the config
    // file's comma-separated form, nor accept it inside one element.
    bad.holidays = {"2026-10-01,2026-10-02"};
    const Status one_string = settings.update(actor(admin_id), district, bad).status();
    BOOST_TEST(one_string.code() == "settings.holidays");
    BOOST_TEST(one_string.message().find("JSON list") != std::string::npos, one_string.message());
    BOOST_TEST(one_string.message().find("comma") == std::string::npos, one_string.message());
    BOOST_TEST(settings.update(actor(admin_id), DistrictId(999), changed).status().code() == "district.not_found");
    BOOST_REQUIRE(settings.update(actor(admin_id), district, changed).isOk());
    auto after = settings.get(district);
    BOOST_TEST(after->district_specific);
    BOOST_TEST(after->settings.auto_hide_reports == 2);
}

BOOST_FIXTURE_TEST_CASE(deadlines_follow_the_districts_hours_and_holidays, Settings) {
    // 1'800'000'000 s is Friday 2027-01-15 08:00 UTC, 16:00 in Shanghai.
    const ProposalId usual = submit();
    const auto usual_view = proposals.get(actor(residents[0]), usual).value();
    BOOST_TEST(usual_view.proposal.response_due_at == clock.now() + Duration::hours(15));

    DistrictSettings own = settings.get(district)->settings;
    own.rules.first_response = Duration::hours(48);
    // Monday is a holiday here: the next working day after Friday is Tuesday.
    own.holidays = {"2027-01-18"};
    BOOST_REQUIRE(settings.update(actor(admin_id), district, own).isOk());
    const ProposalId later = submit();
    const auto view = proposals.get(actor(residents[0]), later).value();
    BOOST_TEST(view.proposal.response_due_at == clock.now() + Duration::hours(48));
    BOOST_TEST(view.proposal.decision_due_at == usual_view.proposal.decision_due_at + Duration::days(1));
    // Deadlines set before the change stay.
    BOOST_TEST(proposals.get(actor(residents[0]), usual)->proposal.response_due_at ==
               usual_view.proposal.response_due_at);
}

BOOST_FIXTURE_TEST_CASE(moderation_follows_the_districts_threshold_and_edit_window, Settings) {
    const ProposalId proposal = submit();
    DistrictSettings own = settings.get(district)->settings;
    own.auto_hide_reports = 2;
    own.comment_edit_window = Duration::minutes(1);
    BOOST_REQUIRE(settings.update(actor(admin_id), district, own).isOk());
    auto comment = consultation.post(actor(residents[0]), proposal, {"说两句", Stance::kFor, CommentId()});
    BOOST_REQUIRE(comment.isOk());
    const CommentId id = comment->comment.id;
    BOOST_TEST(consultation.report(actor(residents[1]), id, "广告").isOk());
    auto second = consultation.report(actor(residents[2]), id, "广告");
    BOOST_REQUIRE(second.isOk());
    BOOST_TEST(second->comment.hidden);  // 2 reports, not 3

    auto mine = consultation.post(actor(residents[1]), proposal, {"原话", Stance::kNeutral, CommentId()});
    BOOST_REQUIRE(mine.isOk());
    clock.advance(Duration::seconds(61));
    const Status late = consultation.edit(actor(residents[1]), mine->comment.id, "改了", Stance::kNeutral).status();
    BOOST_TEST(late.code() == "comment.edit_window_over");
    // One minute, in the singular (issue 9, item 22).
    BOOST_TEST(late.message().find("for 1 minute after") != std::string::npos, late.message());
}

BOOST_AUTO_TEST_SUITE_END()
