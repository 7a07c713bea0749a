#include <boost/test/unit_test.hpp>

#include <random>
#include <thread>

#include "unit/domain/domain_world.h"
#include "yishi/domain/consultation_service.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/points_processor.h"
#include "yishi/domain/points_service.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

// A points rule in C++ with the default plugin's shape: a comment earns its
// author 1 (2 for the first of the day; cap 5 a day), volunteer service 3 per
// started half hour (cap 24), and events whose subject id is a multiple of
// `fail_every` fail.
class TestRule final : public PointsRule {
  public:
    std::int64_t comment_points = 1;
    std::int64_t fail_every = 0;
    RuleAwards awardsFor(DistrictId district, const std::vector<PointsEvent>& events) override {
        RuleAwards awarded{identity(district), {}, {}};
        auto& out = awarded.results;
        for (const auto& pe : events) {
            const auto& e = pe.event;
            if (fail_every > 0 && e.subject_id % fail_every == 0) {
                out.push_back(Status::unavailable("plugin.error", "test rule fails on purpose"));
            } else if (e.type == "comment.posted") {
                auto mine = pe.awarded_today.find(e.actor.value);
                const bool first = mine == pe.awarded_today.end() || !mine->second.count("comment");
                out.push_back(std::vector<Award>{{e.actor, first ? 2 : comment_points, "comment", "参与协商", 5}});
            } else if (e.type == "volunteer.logged") {
                out.push_back(
                    std::vector<Award>{{e.subject_owner, 3 * ((e.quantity + 29) / 30), "volunteer", "志愿服务", 24}});
            } else {
                out.push_back(std::vector<Award>{});
            }
        }
        return awarded;
    }
    std::string identity(DistrictId) override { return "test 1 hash"; }
};

// A rule that is reloaded after every batch it computes: version N's
// awards carry "vN" as their reason, and its identity names version N, so
// a ledger row whose identity is not the one that computed it shows.
class ReloadingRule final : public PointsRule {
  public:
    int version = 1;
    RuleAwards awardsFor(DistrictId, const std::vector<PointsEvent>& events) override {
        RuleAwards awarded{identityOf(version), {}, {}};
        auto& out = awarded.results;
        for (const auto& pe : events) {
            std::vector<Award> awards;
            if (pe.event.type == "volunteer.logged")
                awards.push_back({pe.event.subject_owner, 1, "volunteer", "v" + std::to_string(version), {}});
            out.push_back(std::move(awards));
        }
        ++version;  // a reload lands right after the call
        return awarded;
    }
    std::string identity(DistrictId) override { return identityOf(version); }
    static std::string identityOf(int version) {
        return "test " + std::to_string(version) + " hash" + std::to_string(version);
    }
};

struct Points : testing::World {
    TestRule rule;
    PointsService points{*db, clock, kChinaUtcOffset};
    PointsProcessor processor{*db, rule, clock, {50, kChinaUtcOffset}};
    ConsultationService consultation{*db, clock, {Duration::minutes(15), 3}};
    std::vector<UserId> residents;
    ProposalId proposal;

    Points() {
        for (int i = 0; i < 3; ++i) {
            auto joined = signUpResident("resident" + std::to_string(i));
            BOOST_REQUIRE(
                communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
            residents.push_back(joined.user.id);
        }
        auto p = proposals.create(actor(residents[0]), a.id, testing::draft(ProposalKind::kWish, "加装电梯", "", true));
        BOOST_REQUIRE(p.isOk());
        proposal = p->proposal.id;
        BOOST_REQUIRE(
            proposals.act(actor(committee_a), proposal, testing::step(ProposalAction::kStartScreening)).isOk());
        BOOST_REQUIRE(proposals.act(actor(committee_a), proposal, testing::step(ProposalAction::kAccept, "好")).isOk());
        auto open = testing::step(ProposalAction::kOpenConsultation);
        open.consultation_ends_at = clock.now() + Duration::days(30);
        BOOST_REQUIRE(proposals.act(actor(committee_a), proposal, open).isOk());
    }
    void comment(int who) {
        auto r = consultation.post(actor(residents[who]), proposal, {"说两句", Stance::kFor, CommentId()});
        BOOST_REQUIRE_MESSAGE(r.isOk(), r.status().toString());
    }
    void volunteer(int who, std::int64_t minutes) {
        auto r = points.logVolunteerService(actor(committee_a), a.id, residents[who], minutes, "助老送餐");
        BOOST_REQUIRE_MESSAGE(r.isOk(), r.status().toString());
    }
    void drain() {
        for (;;) {
            auto n = processor.processBatch();
            BOOST_REQUIRE_MESSAGE(n.isOk(), n.status().toString());
            if (*n == 0) break;
        }
    }
    // Moves the clock to hh:mm:ss UTC on the fixture's first day (its clock
    // starts at 08:00Z), or `days` later.
    void setUtc(int days, int hh, int mm, int ss) {
        const Instant first_midnight = Instant::fromSeconds(1'800'000'000) - Duration::hours(8);
        clock.set(first_midnight + Duration::days(days) + Duration::hours(hh) + Duration::minutes(mm) +
                  Duration::seconds(ss));
    }
    std::int64_t balance(int who) { return points.mine(actor(residents[who]), district, {}).value().balance; }
    // The sum of every ledger row of the user, read page by page.
    std::int64_t ledgerSum(int who) {
        std::int64_t sum = 0;
        PageRequest page{0, 200};
        for (;;) {
            auto statement = points.mine(actor(residents[who]), district, page).value();
            for (const auto& e : statement.entries.items) sum += e.delta;
            if (statement.entries.next_after == 0) return sum;
            page.after = statement.entries.next_after;
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(points)

BOOST_FIXTURE_TEST_CASE(volunteer_service_becomes_points_once, Points) {
    volunteer(1, 95);
    drain();
    BOOST_TEST(balance(1) == 12);
    drain();  // nothing new: nothing twice
    BOOST_TEST(balance(1) == 12);
    auto statement = points.mine(actor(residents[1]), district, {}).value();
    BOOST_REQUIRE(statement.entries.items.size() == 1u);
    BOOST_TEST(statement.entries.items[0].rule == "volunteer");
    BOOST_TEST(statement.entries.items[0].plugin == "test 1 hash");
}

BOOST_FIXTURE_TEST_CASE(volunteer_logging_is_for_the_committee_and_verified_residents, Points) {
    BOOST_TEST(points.logVolunteerService(actor(residents[0]), a.id, residents[1], 30, "x").status().code() ==
               "community.forbidden");
    BOOST_TEST(points.logVolunteerService(actor(committee_b), a.id, residents[1], 30, "x").status().code() ==
               "community.forbidden");
    BOOST_TEST(points.logVolunteerService(actor(committee_a), a.id, residents[1], 0, "x").status().code() ==
               "volunteer.minutes");
    BOOST_TEST(points.logVolunteerService(actor(committee_a), a.id, committee_b, 30, "x").status().code() ==
               "volunteer.not_resident");
}

BOOST_FIXTURE_TEST_CASE(daily_caps_hold_by_the_events_local_day, Points) {
    for (int i = 0; i < 8; ++i) comment(2);
    drain();
    BOOST_TEST(balance(2) == 5);  // 2 + 1 + 1 + 1, then the cap
    clock.advance(Duration::days(1));
    comment(2);
    comment(2);
    drain();
    BOOST_TEST(balance(2) == 5 + 2 + 1);  // a new day: the first comment's bonus again, once
}

// The district's day is the local one at UTC+8: it starts at 16:00Z.
BOOST_FIXTURE_TEST_CASE(the_daily_cap_resets_at_local_midnight_within_one_utc_day, Points) {
    setUtc(0, 15, 59, 59);  // 23:59:59 local
    for (int i = 0; i < 6; ++i) comment(2);
    setUtc(0, 16, 0, 0);  // 00:00:00 local, the next day
    comment(2);
    drain();
    BOOST_TEST(balance(2) == 5 + 2);  // capped, then a new day's first comment
}

BOOST_FIXTURE_TEST_CASE(the_daily_cap_holds_across_utc_midnight_within_one_local_day, Points) {
    setUtc(0, 23, 59, 0);  // 07:59 local
    for (int i = 0; i < 6; ++i) comment(2);
    setUtc(1, 0, 1, 0);  // 08:01 local, the same day
    comment(2);
    drain();
    BOOST_TEST(balance(2) == 5);
}

BOOST_FIXTURE_TEST_CASE(two_processors_at_once_still_award_each_event_once, Points) {
    for (int i = 0; i < 40; ++i) volunteer(i % 3, 30);
    PointsProcessor other{*db, rule, clock, {7, kChinaUtcOffset}};
    std::thread t([&] {
        for (int i = 0; i < 20; ++i) (void)other.processBatch();
    });
    drain();
    t.join();
    drain();
    // 40 events, 3 points each, split 14/13/13, caps 24 a day.
    BOOST_TEST(balance(0) + balance(1) + balance(2) == 24 + 24 + 24);
    BOOST_TEST(processor.replay(district).value().empty());
}

BOOST_FIXTURE_TEST_CASE(failed_events_are_recorded_not_lost_and_replay_agrees, Points) {
    rule.fail_every = 2;  // comments have ids 1, 2, ...: every other fails
    for (int i = 0; i < 4; ++i) comment(0);
    drain();
    BOOST_TEST(balance(0) == 2 + 1);
    auto same = processor.replay(district);
    BOOST_REQUIRE(same.isOk());
    BOOST_TEST(same->empty());
    // A rule that now gives more differs from the ledger, event by event.
    rule.comment_points = 2;
    auto differences = processor.replay(district).value();
    BOOST_TEST(differences.size() == 1u);  // the first comment's bonus is the same
    BOOST_TEST(differences.front().expected.find("+2 comment") != std::string::npos);
    BOOST_TEST(differences.front().recorded.find("+1 comment") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(redemption_checks_balance_and_stock_in_one_transaction, Points) {
    auto item = points.createItem(actor(admin_id), district, "环保袋", 10, 1);
    BOOST_REQUIRE(item.isOk());
    BOOST_TEST(points.createItem(actor(committee_a), district, "x", 1, 1).status().code() == "district.forbidden");
    BOOST_TEST(points.redeem(actor(residents[1]), item->id, "k1").status().code() == "points.insufficient");
    volunteer(1, 120);  // 12 points
    drain();
    auto first = points.redeem(actor(residents[1]), item->id, "k1");
    BOOST_REQUIRE_MESSAGE(first.isOk(), first.status().toString());
    BOOST_TEST(first->created);
    BOOST_TEST(first->balance == 2);
    auto again = points.redeem(actor(residents[1]), item->id, "k1");
    BOOST_REQUIRE(again.isOk());
    BOOST_TEST(!again->created);
    BOOST_TEST((again->redemption.id == first->redemption.id));
    BOOST_TEST(balance(1) == 2);
    volunteer(2, 120);
    drain();
    BOOST_TEST(points.redeem(actor(residents[2]), item->id, "k1").status().code() == "reward.out_of_stock");
    BOOST_TEST(points.items(district).value().front().stock == 0);
    BOOST_TEST(points.redeem(actor(committee_b), item->id, "k9").status().code() == "membership.none");

    BOOST_TEST(points.handOver(actor(committee_b), first->redemption.id).status().code() == "community.forbidden");
    auto handed = points.handOver(actor(committee_a), first->redemption.id);
    BOOST_REQUIRE(handed.isOk());
    BOOST_TEST((handed->state == RedemptionState::kHandedOver));
    BOOST_TEST(points.handOver(actor(committee_a), first->redemption.id).status().code() == "redemption.handed_over");
}

// Random interleavings of participation, processing in random batches and
// redemptions: the balance is the sum of the ledger, never negative, and
// replaying the history through the rule gives back the ledger.
BOOST_FIXTURE_TEST_CASE(ledger_properties_over_random_event_sequences, Points) {
    std::mt19937_64 random(4);
    auto cheap = points.createItem(actor(admin_id), district, "纸巾", 3, 1000).value();
    auto dear = points.createItem(actor(admin_id), district, "米", 20, 1000).value();
    int keys = 0;
    for (int step = 0; step < 400; ++step) {
        const int who = static_cast<int>(random() % 3);
        switch (random() % 6) {
            case 0:
            case 1: comment(who); break;
            case 2: volunteer(who, 1 + static_cast<std::int64_t>(random() % 200)); break;
            case 3: clock.advance(Duration::seconds(static_cast<std::int64_t>(random() % 40000))); break;
            case 4: {
                const auto& item = random() % 2 ? cheap : dear;
                auto r = points.redeem(actor(residents[who]), item.id, "key-" + std::to_string(++keys));
                BOOST_TEST((r.isOk() || r.status().code() == "points.insufficient"), r.status().toString());
                break;
            }
            default: {
                PointsProcessor batchy{*db, rule, clock, {1 + static_cast<int>(random() % 9), kChinaUtcOffset}};
                BOOST_REQUIRE(batchy.processBatch().isOk());
            }
        }
        if (step % 50 == 0) {
            for (int i = 0; i < 3; ++i) BOOST_TEST(balance(i) >= 0);
        }
    }
    drain();
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(balance(i) >= 0);
        BOOST_TEST(balance(i) == ledgerSum(i));
    }
    auto differences = processor.replay(district);
    BOOST_REQUIRE(differences.isOk());
    BOOST_TEST(differences->empty());
    BOOST_TEST(keys > 20);
}

BOOST_FIXTURE_TEST_CASE(every_ledger_row_names_the_bundle_that_computed_it, Points) {
    ReloadingRule reloading;
    PointsProcessor small{*db, reloading, clock, {2, kChinaUtcOffset}};
    for (int i = 0; i < 6; ++i) volunteer(i % 3, 30);
    for (;;) {
        auto n = small.processBatch();
        BOOST_REQUIRE_MESSAGE(n.isOk(), n.status().toString());
        if (*n == 0) break;
    }
    BOOST_TEST(reloading.version > 2);  // several batches, several reloads
    std::vector<LedgerEntry> ledger;
    BOOST_REQUIRE(db->read([&](Stores& s) {
                        ledger = s.get<PointsStore>().eventAwards(district);
                        return Status::ok();
                    }).isOk());
    int rows = 0;
    for (const LedgerEntry& row : ledger) {
        BOOST_TEST(row.plugin == ReloadingRule::identityOf(std::stoi(row.reason.substr(1))),
                   "computed by " << row.reason << ", recorded as " << row.plugin);
        ++rows;
    }
    BOOST_TEST(rows == 6);
}

BOOST_AUTO_TEST_SUITE_END()
