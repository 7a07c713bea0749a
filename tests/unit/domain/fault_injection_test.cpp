// A use case the disk fails in the middle of answers "storage.busy" or
// "storage.io_error" (unavailable: HTTP 503) and leaves every table as it
// was, wherever the fault strikes: each store call it makes is tried in turn.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "support/faulty_database.h"
#include "unit/domain/domain_world.h"
#include "yishi/domain/consultation_service.h"
#include "yishi/domain/points_processor.h"
#include "yishi/domain/points_service.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::draft;
using yishi::testing::FaultyDatabase;
using yishi::testing::step;

namespace {

// Every row of every table (sqlite_sequence included), each table's rows
// sorted, so that two dumps are equal exactly when the contents are.
using Dump = std::map<std::string, std::vector<std::string>>;

Dump dumpTables(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    Dump out;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        std::vector<std::string>& rows = out[table];
        SQLite::Statement select(db, "SELECT * FROM \"" + table + "\"");
        while (select.executeStep()) {
            std::string row;
            for (int i = 0; i < select.getColumnCount(); ++i) {
                const SQLite::Column c = select.getColumn(i);
                row += c.isNull() ? std::string("NULL") : std::to_string(c.getType()) + ":" + c.getString();
                row += '|';
            }
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end());
    }
    return out;
}

// The first table whose rows differ, or "" when the dumps are equal.
std::string firstDifference(const Dump& before, const Dump& after) {
    for (const auto& [table, rows] : after) {
        auto was = before.find(table);
        if (was == before.end()) return "new table " + table;
        if (was->second != rows) {
            return table + ": " + std::to_string(was->second.size()) + " rows before, " + std::to_string(rows.size()) +
                   " after";
        }
    }
    for (const auto& [table, rows] : before) {
        if (!after.count(table)) return "table gone: " + table;
    }
    return "";
}

// Gives volunteer service points, so that there is something to redeem.
class VolunteerRule final : public PointsRule {
  public:
    RuleAwards awardsFor(DistrictId, const std::vector<PointsEvent>& events) override {
        RuleAwards out{"volunteer-rule 1", {}, {}};
        for (const auto& pe : events) {
            if (pe.event.type == "volunteer.logged") {
                out.results.push_back(
                    std::vector<Award>{{pe.event.subject_owner, pe.event.quantity, "volunteer", "志愿服务", {}}});
            } else {
                out.results.push_back(std::vector<Award>{});
            }
        }
        return out;
    }
    std::string identity(DistrictId) override { return "volunteer-rule 1"; }
};

// The domain world, its state prepared through the real database, and the
// services under test over a FaultyDatabase around that same database.
struct Faults : yishi::testing::World {
    FaultyDatabase faulty{*db};
    CommunityService faulty_communities{faulty, hasher, clock};
    ProposalService faulty_proposals{faulty, clock};
    ProjectService faulty_projects{faulty, clock};
    ConventionService faulty_conventions{faulty, clock};
    ConsultationService faulty_consultation{faulty, clock, {}};
    PointsService faulty_points{faulty, clock, kChinaUtcOffset};
    VolunteerRule rule;
    PointsProcessor faulty_processor{faulty, rule, clock, {}};

    // Real services for the preparation.
    ConsultationService consultation{*db, clock, {}};
    PointsService points{*db, clock, kChinaUtcOffset};
    PointsProcessor processor{*db, rule, clock, {}};

    std::vector<UserId> residents;  // verified, in community A
    UserId pending;                 // signed up, not yet verified
    ProposalId in_consultation;
    ProposalId adopted_wish;
    RewardItemId reward;

    Faults() {
        faulty_proposals.setOutcome(ProposalAction::kFormProject, faulty_projects);
        faulty_proposals.setOutcome(ProposalAction::kFormConvention, faulty_conventions);
        for (int i = 0; i < 3; ++i) {
            auto joined = signUpResident("resident" + std::to_string(i));
            BOOST_REQUIRE(
                communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
            residents.push_back(joined.user.id);
        }
        pending = signUpResident("newcomer").user.id;
        in_consultation =
            walk(draft(ProposalKind::kWish, "加装电梯", "", true),
                 {step(ProposalAction::kStartScreening), step(ProposalAction::kAccept, "好"), consultation_step()});
        adopted_wish =
            walk(draft(ProposalKind::kWish, "修缮车棚", "", true),
                 {step(ProposalAction::kStartScreening), step(ProposalAction::kAccept, "好"), consultation_step(),
                  step(ProposalAction::kSendToVote, "ok"), step(ProposalAction::kAdopt, "通过")});
        auto item = points.createItem(actor(admin_id), district, "环保袋", 10, 5);
        BOOST_REQUIRE_MESSAGE(item.isOk(), item.status().toString());
        reward = item->id;
        BOOST_REQUIRE(points.logVolunteerService(actor(committee_a), a.id, residents[1], 60, "助老送餐").isOk());
        while (processor.processBatch().value() > 0) {
        }
    }

    ProposalService::ActionInput consultation_step() {
        auto open = step(ProposalAction::kOpenConsultation);
        open.consultation_ends_at = clock.now() + Duration::days(30);
        return open;
    }

    ProposalId walk(const ProposalService::Draft& d, const std::vector<ProposalService::ActionInput>& steps) {
        auto p = proposals.create(actor(residents[0]), a.id, d);
        BOOST_REQUIRE_MESSAGE(p.isOk(), p.status().toString());
        for (const auto& s : steps) {
            auto r = proposals.act(actor(committee_a), p->proposal.id, s);
            BOOST_REQUIRE_MESSAGE(r.isOk(), r.status().toString());
        }
        return p->proposal.id;
    }

    Dump dump() { return dumpTables(dir.file("yishi.db")); }

    // Runs `use_case` with a fault at its first store call, then its second,
    // and so on: each a busy database, then a failing disk. Every faulted run
    // must answer the matching unavailable status and leave every table as
    // it was. The first run that makes fewer calls than the armed one ran
    // fault-free: it must succeed and change the tables. Returns how many
    // fault points there were.
    int faultEveryCall(const std::function<Status()>& use_case) {
        const Dump before = dump();
        int call = 1;
        for (;; ++call) {
            BOOST_REQUIRE_MESSAGE(call < 1000, "the use case never stops calling its stores");
            for (const auto fault : {FaultyDatabase::Fault::kBusy, FaultyDatabase::Fault::kIoError}) {
                const bool busy = fault == FaultyDatabase::Fault::kBusy;
                faulty.arm(call, fault);
                const Status s = use_case();
                if (!faulty.fired()) {
                    BOOST_REQUIRE(busy);  // the same use case made as many calls a moment ago
                    faulty.disarm();
                    BOOST_TEST_REQUIRE(s.isOk(), "fault-free: " << s.toString());
                    BOOST_TEST(firstDifference(before, dump()) != "", "the use case changes nothing");
                    BOOST_TEST_MESSAGE(boost::unit_test::framework::current_test_case().p_name.get()
                                       << ": " << call - 1 << " fault points");
                    return call - 1;
                }
                BOOST_TEST_CONTEXT((busy ? "busy" : "I/O error") << " at store call " << call) {
                    BOOST_TEST(s.code() == (busy ? "storage.busy" : "storage.io_error"), s.toString());
                    BOOST_TEST((s.kind() == ErrorKind::kUnavailable), s.toString());
                    BOOST_TEST(firstDifference(before, dump()) == "");
                }
            }
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(fault_injection)

BOOST_FIXTURE_TEST_CASE(posting_a_comment, Faults) {
    const Actor who = actor(residents[1]);
    BOOST_TEST(
        faultEveryCall([&] {
            return faulty_consultation.post(who, in_consultation, {"说两句", Stance::kFor, CommentId()}).status();
        }) >= 3);
}

BOOST_FIXTURE_TEST_CASE(supporting_a_proposal, Faults) {
    const Actor who = actor(residents[2]);
    BOOST_TEST(faultEveryCall([&] { return faulty_consultation.support(who, in_consultation).status(); }) >= 3);
}

BOOST_FIXTURE_TEST_CASE(forming_a_project_from_an_adopted_wish, Faults) {
    const Actor committee = actor(committee_a);
    auto form = step(ProposalAction::kFormProject);
    form.budget_fen = 1'200'000;
    form.responsible = "物业公司";
    BOOST_TEST(faultEveryCall([&] { return faulty_proposals.act(committee, adopted_wish, form).status(); }) >= 4);
}

BOOST_FIXTURE_TEST_CASE(redeeming_a_reward, Faults) {
    const Actor who = actor(residents[1]);
    BOOST_TEST(faultEveryCall([&] { return faulty_points.redeem(who, reward, "key-1").status(); }) >= 3);
}

BOOST_FIXTURE_TEST_CASE(verifying_a_member, Faults) {
    const Actor committee = actor(committee_a);
    BOOST_TEST(
        faultEveryCall([&] {
            return faulty_communities.decide(committee, a.id, pending, VerificationDecision::kVerify, "").status();
        }) >= 1);  // its audit row, after the membership is saved
}

BOOST_FIXTURE_TEST_CASE(logging_volunteer_hours, Faults) {
    const Actor committee = actor(committee_a);
    BOOST_TEST(faultEveryCall([&] {
                   return faulty_points.logVolunteerService(committee, a.id, residents[2], 90, "义务巡逻").status();
               }) >= 2);
}

BOOST_FIXTURE_TEST_CASE(turning_events_into_points, Faults) {
    BOOST_REQUIRE(points.logVolunteerService(actor(committee_a), a.id, residents[2], 30, "义务巡逻").isOk());
    BOOST_TEST(faultEveryCall([&] {
                   auto n = faulty_processor.processBatch();
                   if (n.isOk() && *n == 0) return Status::internal("test.nothing", "no event was processed");
                   return n.status();
               }) >= 2);
}

BOOST_AUTO_TEST_SUITE_END()
