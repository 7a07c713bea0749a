#include <boost/test/unit_test.hpp>

#include "unit/domain/domain_world.h"
#include "yishi/domain/escalation_service.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::draft;
using yishi::testing::step;

namespace {

// 2026-11-20 10:00 in China (UTC+8) is a Friday.
constexpr Instant kFriday10 = Instant::fromSeconds(1'795'140'000);
constexpr Duration kHour = Duration::hours(1);
constexpr Duration kDay = Duration::days(1);

WorkingCalendar china(std::set<std::string> holidays = {}) {
    return WorkingCalendar(std::move(holidays), kChinaUtcOffset);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(deadlines)

BOOST_AUTO_TEST_CASE(local_dates_and_weekends) {
    const WorkingCalendar cal = china();
    BOOST_TEST(cal.localDate(kFriday10) == "2026-11-20");
    BOOST_TEST(cal.isWorkingDay(kFriday10));
    BOOST_TEST(!cal.isWorkingDay(kFriday10 + kDay));      // Saturday
    BOOST_TEST(!cal.isWorkingDay(kFriday10 + 2 * kDay));  // Sunday
    BOOST_TEST(cal.isWorkingDay(kFriday10 + 3 * kDay));   // Monday
    // 23:30 on Friday in China is still Friday there, though Saturday in no zone yet.
    BOOST_TEST(cal.localDate(kFriday10 + 13 * kHour + Duration::minutes(30)) == "2026-11-20");
    BOOST_TEST(cal.localDate(kFriday10 + 14 * kHour) == "2026-11-21");
}

BOOST_AUTO_TEST_CASE(working_days_skip_weekends_and_holidays) {
    BOOST_TEST(china().addWorkingDays(kFriday10, 1) == kFriday10 + 3 * kDay);                // Monday 10:00
    BOOST_TEST(china().addWorkingDays(kFriday10 - kDay, 1) == kFriday10);                    // Thursday -> Friday
    BOOST_TEST(china({"2026-11-23"}).addWorkingDays(kFriday10, 1) == kFriday10 + 4 * kDay);  // Monday off
    BOOST_TEST(china().addWorkingDays(kFriday10, 3) == kFriday10 + 5 * kDay);                // Wednesday
    // Submitted on Saturday: counting starts Monday 00:00, one working day later is Tuesday 00:00.
    const Instant saturday_noon = kFriday10 + kDay + 2 * kHour;
    const Instant monday_midnight = kFriday10 + 3 * kDay - 10 * kHour;
    BOOST_TEST(china().addWorkingDays(saturday_noon, 1) == monday_midnight + kDay);
}

BOOST_AUTO_TEST_CASE(holiday_lists_are_parsed_strictly) {
    auto ok = WorkingCalendar::parseHolidays("2026-10-01, 2026-10-02,");
    BOOST_REQUIRE(ok.isOk());
    BOOST_TEST(ok->size() == 2u);
    BOOST_TEST(WorkingCalendar::parseHolidays("").value().empty());
    BOOST_TEST(WorkingCalendar::parseHolidays("2026-13-01").status().code() == "holidays.invalid");
    BOOST_TEST(WorkingCalendar::parseHolidays("1 Oct").status().code() == "holidays.invalid");
}

// A day past the end of its month is no date (issue 9, item 14).
BOOST_AUTO_TEST_CASE(days_past_the_end_of_their_month_are_refused) {
    for (const char* bad : {"2026-02-29", "2026-02-30", "2026-04-31", "2100-02-29", "2026-06-31"}) {
        BOOST_TEST(WorkingCalendar::parseHolidays(bad).status().code() == "holidays.invalid", bad);
    }
    for (const char* good : {"2028-02-29", "2000-02-29", "2026-01-31", "2026-12-31", "2026-04-30"}) {
        BOOST_TEST(WorkingCalendar::parseHolidays(good).isOk(), good);
    }
}

struct Escalations : yishi::testing::World {
    ProposalService scheduled{*db, clock, {china(), DeadlineRules{}}};
    EscalationService escalations{*db, clock, china(), DeadlineRules{}};
    UserId author, staff, other_staff;
    Escalations() {
        clock.set(kFriday10);
        auto joined = signUpResident("author");
        BOOST_REQUIRE(
            communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
        author = joined.user.id;
        BOOST_REQUIRE(
            db->write([&](Stores& s) {
                  staff = s.users.insertUser({UserId(), "street.staff", "街道干部", "x", {}});
                  other_staff = s.users.insertUser({UserId(), "other.staff", "别街干部", "x", {}});
                  StreetId other_street = s.scopes.insertStreet(district, "别的街道");
                  s.users.insertGrant({staff, Role::kStreetStaff, {ScopeKind::kStreet, street.value}, {}, UserId()});
                  s.users.insertGrant(
                      {other_staff, Role::kStreetStaff, {ScopeKind::kStreet, other_street.value}, {}, UserId()});
                  return Status::ok();
              }).isOk());
    }
    ProposalId raise() {
        auto p = scheduled.create(actor(author), a.id, draft(ProposalKind::kProblem, "路面塌陷", "", true));
        BOOST_REQUIRE(p.isOk());
        return p->proposal.id;
    }
};

BOOST_AUTO_TEST_CASE(proposals_become_overdue_and_are_flagged_in_lists_and_queues) {
    Escalations w;
    const ProposalId id = w.raise();
    auto fresh = w.scheduled.get(w.actor(w.author), id).value();
    BOOST_TEST(fresh.proposal.response_due_at == kFriday10 + 15 * kHour);
    BOOST_TEST(fresh.proposal.decision_due_at == kFriday10 + 3 * kDay);  // Monday 10:00
    BOOST_TEST(fresh.overdue.empty());

    w.clock.advance(16 * kHour);
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue == std::vector<std::string>{"first_response"});
    ProposalFilter overdue;
    overdue.overdue_only = true;
    BOOST_TEST(w.scheduled.list(w.actor(w.committee_a), w.a.id, overdue, {})->page.items.size() == 1u);
    auto queue = w.escalations.awaitingMe(w.actor(w.committee_a)).value();
    BOOST_REQUIRE(queue.proposals.size() == 1u);
    BOOST_TEST(queue.proposals[0].second == std::vector<std::string>{"first_response"});
    BOOST_TEST(w.escalations.awaitingMe(w.actor(w.committee_b))->proposals.empty());

    // Responding clears the first flag; the decision is still due on Monday.
    BOOST_REQUIRE(w.scheduled.act(w.actor(w.committee_a), id, step(ProposalAction::kStartScreening)).isOk());
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue.empty());
    w.clock.set(kFriday10 + 3 * kDay + Duration::seconds(1));
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue == std::vector<std::string>{"decision"});
    BOOST_REQUIRE(w.scheduled.act(w.actor(w.committee_a), id, step(ProposalAction::kAccept, "受理")).isOk());
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue.empty());
    BOOST_TEST(w.scheduled.list(w.actor(w.committee_a), w.a.id, overdue, {})->page.items.empty());
}

// Issue 9, item 11: a committee reply in the thread is the first response;
// the author's own comment is not, nor a committee member's on a proposal
// they wrote.
BOOST_AUTO_TEST_CASE(a_committee_reply_in_the_thread_is_the_first_response) {
    Escalations w;
    ConsultationService consultation{*w.db, w.clock, {}};
    const ProposalId id = w.raise();
    BOOST_REQUIRE(consultation.post(w.actor(w.author), id, {"补充：在3号楼前", Stance::kNeutral, {}}).isOk());
    w.clock.advance(16 * kHour);
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue == std::vector<std::string>{"first_response"});

    BOOST_REQUIRE(consultation.post(w.actor(w.committee_a), id, {"已收到，正在联系物业", Stance::kNeutral, {}}).isOk());
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue.empty());
    ProposalFilter overdue;
    overdue.overdue_only = true;
    BOOST_TEST(w.scheduled.list(w.actor(w.committee_a), w.a.id, overdue, {})->page.items.empty());
    auto queue = w.escalations.awaitingMe(w.actor(w.committee_a)).value();
    BOOST_REQUIRE(queue.proposals.size() == 1u);
    BOOST_TEST(queue.proposals[0].second.empty());
    // The screening decision is still due.
    w.clock.set(kFriday10 + 3 * kDay + Duration::seconds(1));
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue == std::vector<std::string>{"decision"});

    auto own = w.scheduled.create(w.actor(w.committee_a), w.a.id, draft(ProposalKind::kProblem, "居委自提", "", true));
    BOOST_REQUIRE(own.isOk());
    BOOST_REQUIRE(consultation.post(w.actor(w.committee_a), own->proposal.id, {"补充", Stance::kNeutral, {}}).isOk());
    w.clock.advance(16 * kHour);
    BOOST_TEST(w.scheduled.get(w.actor(w.author), own->proposal.id)->overdue ==
               std::vector<std::string>{"first_response"});
}

// Issue 9, item 11: once the street or the district resolved an escalation
// of it, a proposal is no longer late in the committee's queue.
BOOST_AUTO_TEST_CASE(a_proposal_resolved_after_escalation_is_not_overdue) {
    Escalations w;
    const ProposalId id = w.raise();
    w.clock.set(kFriday10 + 3 * kDay + Duration::seconds(1));
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue ==
               (std::vector<std::string>{"first_response", "decision"}));
    auto street = w.escalations.escalate(w.actor(w.committee_a), id, "涉及市政管线");
    BOOST_REQUIRE(street.isOk());
    // Escalating answers the resident; the decision is still due.
    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue == std::vector<std::string>{"decision"});
    auto district = w.escalations.forward(w.actor(w.staff), street->id, "跨街道");
    BOOST_REQUIRE(district.isOk());
    BOOST_REQUIRE(w.escalations.resolve(w.actor(w.admin_id), district->id, "区水务所已疏通").isOk());

    BOOST_TEST(w.scheduled.get(w.actor(w.author), id)->overdue.empty());
    ProposalFilter overdue;
    overdue.overdue_only = true;
    BOOST_TEST(w.scheduled.list(w.actor(w.committee_a), w.a.id, overdue, {})->page.items.empty());
    auto queue = w.escalations.awaitingMe(w.actor(w.committee_a)).value();
    for (const auto& [p, late] : queue.proposals) BOOST_TEST(late.empty(), p.id.value);
}

BOOST_AUTO_TEST_CASE(one_click_to_the_street_then_the_district) {
    Escalations w;
    const ProposalId id = w.raise();
    BOOST_TEST(w.escalations.escalate(w.actor(w.author), id, "x").status().code() == "community.forbidden");
    BOOST_TEST(w.escalations.escalate(w.actor(w.committee_a), id, "").status().code() == "escalation.reason_required");
    auto street = w.escalations.escalate(w.actor(w.committee_a), id, "涉及市政管线");
    BOOST_REQUIRE(street.isOk());
    BOOST_TEST(street->due_at == kFriday10 + 5 * kDay);  // three working days: Wednesday
    BOOST_TEST(w.escalations.escalate(w.actor(w.committee_a), id, "again").status().code() == "escalation.exists");

    BOOST_TEST(w.escalations.streetQueue(w.actor(w.staff), w.street, EscalationStatus::kOpen, {})->items.size() == 1u);
    BOOST_TEST(w.escalations.streetQueue(w.actor(w.other_staff), w.street, std::nullopt, {}).status().code() ==
               "escalation.forbidden");
    BOOST_TEST(w.escalations.awaitingMe(w.actor(w.staff))->escalations.size() == 1u);
    BOOST_TEST(w.escalations.forward(w.actor(w.other_staff), street->id, "x").status().code() ==
               "escalation.forbidden");

    w.clock.advance(6 * kDay);
    BOOST_TEST(
        w.escalations.streetQueue(w.actor(w.staff), w.street, std::nullopt, {})->items[0].overdue(w.clock.now()));
    auto district = w.escalations.forward(w.actor(w.staff), street->id, "需区里协调资金");
    BOOST_REQUIRE(district.isOk());
    BOOST_TEST((district->level == EscalationLevel::kDistrict));
    BOOST_TEST(w.escalations.forward(w.actor(w.staff), street->id, "again").status().code() == "escalation.not_open");
    BOOST_TEST(w.escalations.streetQueue(w.actor(w.staff), w.street, EscalationStatus::kOpen, {})->items.empty());
    BOOST_TEST(
        w.escalations.districtQueue(w.actor(w.admin_id), w.district, EscalationStatus::kOpen, {})->items.size() == 1u);
    BOOST_TEST(w.escalations.resolve(w.actor(w.staff), district->id, "x").status().code() == "escalation.forbidden");
    BOOST_TEST(w.escalations.resolve(w.actor(w.admin_id), district->id, "").status().code() ==
               "escalation.resolution_required");
    auto resolved = w.escalations.resolve(w.actor(w.admin_id), district->id, "区建管委已安排抢修");
    BOOST_REQUIRE(resolved.isOk());
    BOOST_TEST((resolved->status == EscalationStatus::kResolved));
    auto trail = w.escalations.forProposal(id).value();
    BOOST_REQUIRE(trail.size() == 2u);
    BOOST_TEST((trail[0].status == EscalationStatus::kForwarded));
    BOOST_TEST(trail[1].resolution == "区建管委已安排抢修");
    // After resolution it may be escalated again.
    BOOST_TEST(w.escalations.escalate(w.actor(w.committee_a), id, "又塌了").isOk());
    auto history = w.scheduled.history(Actor::anonymous(), id).value();
    BOOST_TEST(history.back().action == "proposal.escalated_to_street");
}

BOOST_AUTO_TEST_SUITE_END()
