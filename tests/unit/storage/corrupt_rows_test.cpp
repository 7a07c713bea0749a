#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>

#include <functional>
#include <mutex>

#include "enum_rows.h"
#include "support/temp_dir.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/escalation_store.h"
#include "yishi/domain/points.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/storage/sqlite_database.h"

// A value the domain does not know, read from a row, is an error: never a
// default (a proposal read as a draft), never a row skipped (a grant dropped).
using namespace yishi;
using namespace yishi::domain;

namespace {

// Collects what the database logs; written from the writer thread too.
struct LogLines {
    std::mutex mutex;
    std::vector<std::string> lines;

    storage::SqliteDatabase::Options options() {
        storage::SqliteDatabase::Options o;
        o.log = [this](const std::string& line) {
            std::lock_guard lock(mutex);
            lines.push_back(line);
        };
        return o;
    }
    std::string all() {
        std::lock_guard lock(mutex);
        std::string out;
        for (const auto& l : lines) out += l + "\n";
        return out;
    }
};

struct Case {
    std::string table;
    std::string column;
    std::string where;
    std::function<void(Stores&)> read;  // reads the row through the stores
};

std::vector<Case> cases() {
    return {
        {"proposals", "state", "id = 2", [](Stores& s) { s.get<domain::ProposalStore>().proposal(ProposalId(2)); }},
        {"proposals", "kind", "id = 2",
         [](Stores& s) { s.get<domain::ProposalStore>().proposals(CommunityId(1), ProposalFilter{}, PageRequest{}); }},
        {"proposal_counts", "state", "state = 'submitted'",
         [](Stores& s) { s.get<domain::ProposalStore>().countByState(CommunityId(1), std::nullopt); }},
        {"role_grants", "role", "user_id = 1", [](Stores& s) { s.users.grants(UserId(1)); }},
        {"role_grants", "scope_kind", "user_id = 1", [](Stores& s) { s.users.grants(UserId(1)); }},
        {"memberships", "status", "user_id = 2", [](Stores& s) { s.users.membership(UserId(2), CommunityId(1)); }},
        {"comments", "stance", "id = 1", [](Stores& s) { s.get<domain::ConsultationStore>().comments(ProposalId(1)); }},
        {"meetings", "mode", "id = 1", [](Stores& s) { s.get<domain::ConsultationStore>().meeting(MeetingId(1)); }},
        {"escalations", "level", "id = 1",
         [](Stores& s) { s.get<domain::EscalationStore>().escalation(EscalationId(1)); }},
        {"escalations", "status", "id = 1",
         [](Stores& s) { s.get<domain::EscalationStore>().forProposal(ProposalId(1)); }},
        {"redemptions", "state", "id = 1", [](Stores& s) { s.get<domain::PointsStore>().redemption(RedemptionId(1)); }},
    };
}

// Writes `value` into table.column behind the CHECK, as a newer build, a
// hand edit or a bad restore might have.
void corrupt(const std::string& path, const Case& c, const std::string& value) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA ignore_check_constraints=ON");
    SQLite::Statement q(raw, "UPDATE " + c.table + " SET " + c.column + " = ? WHERE " + c.where);
    q.bind(1, value);
    BOOST_REQUIRE(q.exec() == 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corrupt_rows)

BOOST_AUTO_TEST_CASE(every_enum_reader_refuses_a_name_the_domain_does_not_know) {
    const std::string value = "suspended";
    for (const Case& c : cases()) {
        BOOST_TEST_CONTEXT(c.table << "." << c.column) {
            testing::TempDir dir;
            const std::string path = dir.file("y.db");
            LogLines log;
            auto db = std::move(storage::SqliteDatabase::open(path, log.options()).value());
            {
                SQLite::Database raw(path, SQLite::OPEN_READWRITE);
                testing::seedEnumRows(raw);
            }
            // The row reads fine before it is corrupted.
            BOOST_REQUIRE(db->read([&](Stores& s) {
                                c.read(s);
                                return Status::ok();
                            }).isOk());
            corrupt(path, c, value);
            const Status s = db->read([&](Stores& s) {
                c.read(s);
                return Status::ok();
            });
            BOOST_TEST((s.kind() == ErrorKind::kInternal));
            BOOST_TEST(s.code() == "storage.corrupt_row");
            BOOST_TEST(s.message().find(c.table + "." + c.column) != std::string::npos, s.message());
            BOOST_TEST(s.message().find(value) == std::string::npos, s.message());
            BOOST_TEST(log.all().find(c.table + "." + c.column + " holds \"" + value + "\"") != std::string::npos,
                       log.all());
            // Inside a write just the same, and the write is not committed.
            const Status w = db->write([&](Stores& s) {
                s.scopes.insertDistrict("不该留下");
                c.read(s);
                return Status::ok();
            });
            BOOST_TEST(w.code() == "storage.corrupt_row");
            std::size_t districts = 0;
            db->read([&](Stores& s) {
                districts = s.scopes.districts().size();
                return Status::ok();
            });
            BOOST_TEST(districts == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_unknown_state_is_not_read_as_a_draft_and_an_unknown_role_does_not_drop_the_grant) {
    // The two coercions this replaced, spelled out.
    testing::TempDir dir;
    const std::string path = dir.file("y.db");
    auto db = std::move(storage::SqliteDatabase::open(path, {}).value());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        testing::seedEnumRows(raw);
        raw.exec("INSERT INTO role_grants VALUES (1, 'observer', 'district', 1, 3, NULL)");
    }
    corrupt(path, {"proposals", "state", "id = 1", nullptr}, "archived");
    corrupt(path, {"role_grants", "role", "user_id = 1 AND role = 'committee'", nullptr}, "chair");
    std::optional<Proposal> proposal;
    const Status p = db->read([&](Stores& s) {
        proposal = s.get<domain::ProposalStore>().proposal(ProposalId(1));
        return Status::ok();
    });
    BOOST_TEST(p.code() == "storage.corrupt_row");
    BOOST_TEST(!proposal.has_value());
    std::vector<RoleGrant> grants;
    const Status g = db->read([&](Stores& s) {
        grants = s.users.grants(UserId(1));
        return Status::ok();
    });
    BOOST_TEST(g.code() == "storage.corrupt_row");
    BOOST_TEST(grants.empty());  // not the one grant left over
}

BOOST_AUTO_TEST_CASE(the_logged_value_is_escaped_and_cut_short) {
    testing::TempDir dir;
    const std::string path = dir.file("y.db");
    LogLines log;
    auto db = std::move(storage::SqliteDatabase::open(path, log.options()).value());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        testing::seedEnumRows(raw);
    }
    // A line break would forge a log line; 100 bytes of Chinese text are cut
    // at a character boundary.
    std::string long_value = "x\nstorage.ok: ";
    while (long_value.size() < 100) long_value += "议事";
    corrupt(path, {"meetings", "mode", "id = 1", nullptr}, long_value);
    const Status s = db->read([](Stores& s) {
        s.get<domain::ConsultationStore>().meeting(MeetingId(1));
        return Status::ok();
    });
    BOOST_TEST(s.code() == "storage.corrupt_row");
    BOOST_REQUIRE(log.lines.size() == 1u);
    const std::string& line = log.lines.front();
    BOOST_TEST(line.find('\n') == std::string::npos, line);
    BOOST_TEST(line.find("x\\nstorage.ok: 议事") != std::string::npos, line);
    BOOST_TEST(line.find("cut; " + std::to_string(long_value.size()) + " bytes") != std::string::npos, line);
    BOOST_TEST(line.size() < 200u, line);
}

BOOST_AUTO_TEST_SUITE_END()
