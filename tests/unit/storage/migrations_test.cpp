#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "enum_rows.h"
#include "support/temp_dir.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/election_store.h"
#include "yishi/domain/points.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/storage/migrations.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using yishi::storage::SqliteDatabase;

namespace {

int recordedVersion(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
}

// The version before the enum CHECKs (010_enum_checks.sql).
constexpr int kBeforeEnumChecks = 9;

// The rows of every query result, one line each, columns as text.
std::vector<std::string> lines(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    std::vector<std::string> out;
    while (q.executeStep()) {
        std::string line;
        for (int i = 0; i < q.getColumnCount(); ++i) {
            line += (i ? "|" : "") + (q.getColumn(i).isNull() ? std::string("NULL") : q.getColumn(i).getString());
        }
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> tableNames(SQLite::Database& db) {
    return lines(db,
                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name");
}

// Every row of every table but schema_migrations, sqlite_sequence included.
std::vector<std::string> allRows(SQLite::Database& db) {
    std::vector<std::string> out;
    for (const std::string& table : tableNames(db)) {
        for (const std::string& row : lines(db, "SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
            out.push_back(table + ": " + row);
        }
    }
    return out;
}

// What a CHECK must not change: each table's columns (name, type, NOT NULL,
// default, key), references, indexes (by name, with their columns,
// uniqueness and WHERE), and the triggers with their text.
std::vector<std::string> shape(SQLite::Database& db) {
    std::vector<std::string> out;
    for (const std::string& table : tableNames(db)) {
        for (const std::string& l : lines(db, "PRAGMA table_xinfo(\"" + table + "\")"))
            out.push_back(table + " column " + l);
        for (const std::string& l : lines(db, "PRAGMA foreign_key_list(\"" + table + "\")"))
            out.push_back(table + " fk " + l);
        for (const std::string& index :
             lines(db, "SELECT name FROM pragma_index_list('" + table + "') ORDER BY name")) {
            for (const std::string& l : lines(db, "SELECT \"unique\", origin, partial FROM pragma_index_list('" +
                                                      table + "') WHERE name = '" + index + "'")) {
                out.push_back(table + " index " + index + " " + l);
            }
            for (const std::string& l : lines(db, "PRAGMA index_xinfo(\"" + index + "\")")) {
                out.push_back(table + " index " + index + " column " + l);
            }
        }
    }
    for (const std::string& l : lines(
             db,
             "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")) {
        out.push_back("index sql " + l);
    }
    for (const std::string& l :
         lines(db, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")) {
        out.push_back("trigger " + l);
    }
    return out;
}

// Runs `sql` (with `value` bound to ?1) and undoes it; true when SQLite
// took it, false when a CHECK refused it. Anything else fails the test.
bool takes(SQLite::Database& db, const std::string& sql, const std::string& value) {
    db.exec("SAVEPOINT probe");
    bool took = true;
    try {
        SQLite::Statement q(db, sql);
        q.bind(1, value);
        q.exec();
    } catch (const SQLite::Exception& e) {
        BOOST_TEST(e.getExtendedErrorCode() == SQLITE_CONSTRAINT_CHECK, e.what());
        took = false;
    }
    db.exec("ROLLBACK TO probe");
    db.exec("RELEASE probe");
    return took;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(known_migrations_are_numbered_from_one_without_gaps) {
    const auto& all = storage::knownMigrations();
    BOOST_REQUIRE(!all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) BOOST_TEST(all[i].version == static_cast<int>(i + 1));
    BOOST_TEST(storage::latestSchemaVersion() == static_cast<int>(all.size()));
}

BOOST_AUTO_TEST_CASE(a_new_file_gets_every_migration_recorded) {
    testing::TempDir dir;
    auto db = SqliteDatabase::open(dir.file("y.db"), {});
    BOOST_REQUIRE(db.isOk());
    BOOST_TEST(db.value()->schemaVersion() == storage::latestSchemaVersion());
    db.value().reset();
    SQLite::Database check(dir.file("y.db"), SQLite::OPEN_READONLY);
    BOOST_TEST(check.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt() == storage::latestSchemaVersion());
    BOOST_TEST(check.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

BOOST_AUTO_TEST_CASE(upgrades_from_every_earlier_version_keeping_data) {
    for (int from = 0; from < storage::latestSchemaVersion(); ++from) {
        BOOST_TEST_CONTEXT("from version " << from) {
            testing::TempDir dir;
            const std::string path = dir.file("old.db");
            BOOST_REQUIRE(storage::migrateFile(path, from).isOk());
            BOOST_TEST(recordedVersion(path) == from);
            if (from >= 1) {
                SQLite::Database raw(path, SQLite::OPEN_READWRITE);
                raw.exec("INSERT INTO districts (name) VALUES ('老数据区')");
            }
            auto db = SqliteDatabase::open(path, {});
            BOOST_REQUIRE_MESSAGE(db.isOk(), db.status().toString());
            BOOST_TEST(db.value()->schemaVersion() == storage::latestSchemaVersion());
            std::size_t districts = 0;
            db.value()->read([&](domain::Stores& s) {
                districts = s.scopes.districts().size();
                return Status::ok();
            });
            BOOST_TEST(districts == (from >= 1 ? 1u : 0u));
        }
    }
}

BOOST_AUTO_TEST_CASE(refuses_a_schema_newer_than_it_knows_and_changes_nothing) {
    testing::TempDir dir;
    const std::string path = dir.file("new.db");
    BOOST_REQUIRE(storage::migrateFile(path, storage::latestSchemaVersion()).isOk());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(storage::latestSchemaVersion() + 1) +
                 ", 'from_the_future', 0)");
    }
    auto db = SqliteDatabase::open(path, {});
    BOOST_REQUIRE(!db.isOk());
    BOOST_TEST(db.status().code() == "storage.schema_too_new");
    BOOST_TEST(db.status().message().find("newer yishi") != std::string::npos);
    BOOST_TEST(recordedVersion(path) == storage::latestSchemaVersion() + 1);
}

BOOST_AUTO_TEST_CASE(enum_checks_keep_every_row_and_the_shape_of_a_version_9_file) {
    testing::TempDir dir;
    const std::string path = dir.file("v9.db");
    BOOST_REQUIRE(storage::migrateFile(path, kBeforeEnumChecks).isOk());
    std::vector<std::string> rows_before;
    std::vector<std::string> shape_before;
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        testing::seedEnumRows(raw);
        // Redemption ids handed out before must not come back, even past
        // the highest id left in the table.
        raw.exec("UPDATE sqlite_sequence SET seq = 41 WHERE name = 'redemptions'");
        rows_before = allRows(raw);
        shape_before = shape(raw);
    }
    BOOST_REQUIRE(rows_before.size() > 20u);

    // Only the enum checks: later migrations may change the shape on purpose.
    const Status migrated = storage::migrateFile(path, kBeforeEnumChecks + 1);
    BOOST_REQUIRE_MESSAGE(migrated.isOk(), migrated.toString());
    BOOST_TEST(recordedVersion(path) == kBeforeEnumChecks + 1);
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        const std::vector<std::string> rows_after = allRows(raw);
        const std::vector<std::string> shape_after = shape(raw);
        BOOST_TEST(rows_after == rows_before, boost::test_tools::per_element());
        BOOST_TEST(shape_after == shape_before, boost::test_tools::per_element());
        BOOST_TEST(lines(raw, "PRAGMA foreign_key_check").empty());
        BOOST_TEST(lines(raw, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    }
    auto opened = SqliteDatabase::open(path, {});
    BOOST_REQUIRE_MESSAGE(opened.isOk(), opened.status().toString());
    auto db = std::move(opened).value();
    BOOST_TEST(db->schemaVersion() == storage::latestSchemaVersion());

    // The stores read the rows as before, through the rebuilt tables.
    db->read([](domain::Stores& s) {
        auto merged = s.get<domain::ProposalStore>().proposal(domain::ProposalId(2));
        BOOST_REQUIRE(merged.has_value());
        BOOST_TEST((merged->state == domain::ProposalState::kMerged));
        BOOST_TEST(merged->merged_into.value == 1);
        BOOST_TEST(merged->response_due_at == Instant::fromSeconds(99));
        BOOST_TEST(s.get<domain::ProposalStore>().mergedInto(domain::ProposalId(1)).size() == 1u);
        BOOST_TEST(s.users.grants(UserId(1)).size() == 1u);
        BOOST_TEST(s.get<domain::ConsultationStore>().comments(domain::ProposalId(1)).size() == 1u);
        BOOST_TEST(s.get<domain::PointsStore>().redemption(domain::RedemptionId(1)).has_value());
        return Status::ok();
    });

    // The runner turned foreign keys back on for the writer.
    const Status orphan = db->write([](domain::Stores& s) {
        s.scopes.insertStreet(DistrictId(404), "nowhere");
        return Status::ok();
    });
    BOOST_TEST(orphan.code() == "storage.constraint");

    // The schema refuses what the domain does not know; the triggers and
    // references of the rebuilt tables still work.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys=ON");
    BOOST_CHECK_EXCEPTION(
        raw.exec("INSERT INTO proposals (community_id, author_id, kind, title, body, state, created_at, updated_at)"
                 " VALUES (1, 1, 'problem', 't', 'b', 'archived', 1, 1)"),
        SQLite::Exception,
        [](const SQLite::Exception& e) { return e.getExtendedErrorCode() == SQLITE_CONSTRAINT_CHECK; });
    BOOST_CHECK_EXCEPTION(
        raw.exec("INSERT INTO role_grants VALUES (2, 'mayor', 'district', 1, 1, NULL)"), SQLite::Exception,
        [](const SQLite::Exception& e) { return e.getExtendedErrorCode() == SQLITE_CONSTRAINT_CHECK; });
    BOOST_CHECK_EXCEPTION(
        raw.exec("INSERT INTO comments (proposal_id, community_id, depth, author_id, stance, body, created_at)"
                 " VALUES (77, 1, 1, 1, 'for', 'x', 1)"),
        SQLite::Exception,
        [](const SQLite::Exception& e) { return e.getExtendedErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY; });
    raw.exec(
        "INSERT INTO proposals (community_id, author_id, kind, title, body, state, created_at, updated_at)"
        " VALUES (1, 1, 'problem', 't', 'b', 'submitted', 1, 1)");
    BOOST_TEST(
        raw.execAndGet("SELECT n FROM proposal_counts WHERE kind = 'problem' AND state = 'submitted'").getInt() == 2);
    raw.exec(
        "INSERT INTO redemptions (item_id, district_id, community_id, user_id, cost, idempotency_key, created_at)"
        " VALUES (1, 1, 1, 2, 5, 'k2', 12)");
    BOOST_TEST(raw.getLastInsertRowid() == 42);
}

// Issue 9 item 2: amendments waiting to be formed take their convention's
// current version as their base (what adopting them assumed until then);
// those formed already keep 0, unknown.
BOOST_AUTO_TEST_CASE(waiting_amendments_get_the_current_version_as_their_base) {
    constexpr int kBeforeAmendmentBases = 10;
    testing::TempDir dir;
    const std::string path = dir.file("v10.db");
    BOOST_REQUIRE(storage::migrateFile(path, kBeforeAmendmentBases).isOk());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        testing::seedEnumRows(raw);
        raw.exec(R"sql(
INSERT INTO conventions (id, community_id, title, current_version, created_at) VALUES (1, 1, '公约', 2, 20);
INSERT INTO proposals (id, community_id, author_id, kind, title, body, state, created_at, updated_at,
                       amends_convention, outcome_id)
  VALUES (3, 1, 2, 'rule', '修订', 'x', 'convention', 21, 21, 1, 1),
         (4, 1, 2, 'rule', '修订', 'y', 'adopted', 22, 22, 1, 0),
         (5, 1, 2, 'rule', '新公约', 'z', 'adopted', 23, 23, 0, 0);
)sql");
    }
    auto db = SqliteDatabase::open(path, {});
    BOOST_REQUIRE_MESSAGE(db.isOk(), db.status().toString());
    db.value()->read([](domain::Stores& s) {
        BOOST_TEST(s.get<domain::ProposalStore>().proposal(domain::ProposalId(3))->amends_version == 0);
        BOOST_TEST(s.get<domain::ProposalStore>().proposal(domain::ProposalId(4))->amends_version == 2);
        BOOST_TEST(s.get<domain::ProposalStore>().proposal(domain::ProposalId(5))->amends_version == 0);
        return Status::ok();
    });
}

// Issue 10: elections of a street or the district. An election stored
// before is its community's, in that community's district, and its options
// keep their labels with no group and no wish.
BOOST_AUTO_TEST_CASE(elections_stored_before_scopes_are_their_communitys) {
    constexpr int kBeforeElectionScopes = 18;
    testing::TempDir dir;
    const std::string path = dir.file("v18.db");
    BOOST_REQUIRE(storage::migrateFile(path, kBeforeElectionScopes).isOk());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        testing::seedEnumRows(raw);
        raw.exec(R"sql(
INSERT INTO elections (id, community_id, scope, subject, kind, title, min_choices, max_choices, budget, rule,
                       opens_at, closes_at, phase, demo, manifest, eid, board_pk, created_by, created_at)
  VALUES (7, 1, 'community/1', 'round/1', 'approval', '民心项目', 0, 1, 100, 'greedy', 1, 2, 'open', 1,
          x'00', x'01', x'02', 1, 1);
INSERT INTO election_options (election_id, idx, label, cost) VALUES (7, 0, '路灯', 50);
)sql");
    }
    auto db = SqliteDatabase::open(path, {});
    BOOST_REQUIRE_MESSAGE(db.isOk(), db.status().toString());
    db.value()->read([](domain::Stores& s) {
        auto& store = s.get<domain::ElectionStore>();
        std::optional<domain::Election> e = store.election(domain::ElectionId(7));
        BOOST_REQUIRE(e.has_value());
        BOOST_TEST((e->owner == domain::ScopeRef{domain::ScopeKind::kCommunity, 1}));
        BOOST_TEST(e->district_id.value == 1);
        BOOST_TEST(e->community_id.value == 1);
        BOOST_TEST(e->scope == "community/1");
        BOOST_REQUIRE_EQUAL(e->options.size(), 1u);
        BOOST_TEST(e->options[0].label == "路灯");
        BOOST_TEST(e->options[0].group.empty());
        BOOST_TEST(e->options[0].proposal_id == 0);
        const domain::Community c = *s.scopes.community(CommunityId(1));
        BOOST_TEST(store.forCommunityResidents(c).size() == 1u);
        BOOST_TEST(store.forScope({domain::ScopeKind::kStreet, 1}).empty());
        return Status::ok();
    });
    // The next election id follows the old ones.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(R"sql(
INSERT INTO elections (scope_kind, scope_id, district_id, scope, kind, title, min_choices, max_choices, opens_at,
                       closes_at, phase, demo, manifest, eid, board_pk, created_by, created_at)
  VALUES ('street', 1, 1, 'street/1', 'referendum', 't', 1, 1, 1, 2, 'open', 1, x'00', x'03', x'02', 1, 1);
)sql");
    BOOST_TEST(raw.getLastInsertRowid() == 8);
}

BOOST_AUTO_TEST_CASE(each_enum_column_takes_exactly_the_names_the_domain_knows) {
    testing::TempDir dir;
    const std::string path = dir.file("checks.db");
    BOOST_REQUIRE(storage::migrateFile(path, storage::latestSchemaVersion()).isOk());
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    testing::seedEnumRows(raw);
    for (const testing::EnumColumn& c : testing::enumColumns()) {
        BOOST_TEST_CONTEXT(c.table << "." << c.column) {
            BOOST_REQUIRE(c.names.size() >= 2u);
            const std::string update = "UPDATE " + c.table + " SET " + c.column +
                                       " = ?1 WHERE rowid = (SELECT MIN(rowid) FROM " + c.table + ")";
            for (const std::string& name : c.names) BOOST_TEST(takes(raw, update, name), name);
            std::string shouted = c.names.front();
            for (char& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            for (const std::string& unknown :
                 {std::string("retired"), std::string(""), shouted, c.names.front() + " "}) {
                BOOST_TEST(!takes(raw, update, unknown), "'" << unknown << "'");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_migration_that_leaves_a_dangling_reference_is_not_committed) {
    // The runner turns foreign keys off for the rebuilds, so it is the
    // foreign_key_check before each commit that keeps references whole.
    testing::TempDir dir;
    const std::string path = dir.file("dangling.db");
    BOOST_REQUIRE(storage::migrateFile(path, kBeforeEnumChecks).isOk());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        testing::seedEnumRows(raw);
        // A comment on a proposal that is not there, which migration 10 copies as is.
        raw.exec("PRAGMA foreign_keys=OFF");
        raw.exec("UPDATE comments SET proposal_id = 404");
    }
    const Status s = storage::migrateFile(path, storage::latestSchemaVersion());
    BOOST_TEST(s.code() == "storage.migration_failed");
    BOOST_TEST(s.message().find("comments") != std::string::npos, s.message());
    BOOST_TEST(recordedVersion(path) == kBeforeEnumChecks);
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    BOOST_TEST(raw.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'proposals'")
                   .getString()
                   .find("proposals_state_known") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unopenable_path_is_a_clear_error) {
    auto db = SqliteDatabase::open("/nonexistent-dir/for/sure/y.db", {});
    BOOST_REQUIRE(!db.isOk());
    BOOST_TEST(db.status().code() == "storage.open_failed");
}

// Migration 11 fills the new columns from what happened before it (issue 9,
// items 11 and 19): a committee reply or an escalation is the response, a
// resolved escalation is recorded, a completed project keeps its note.
BOOST_AUTO_TEST_CASE(responses_resolutions_and_notes_are_filled_from_earlier_data) {
    testing::TempDir dir;
    const std::string path = dir.file("v10.db");
    BOOST_REQUIRE(storage::migrateFile(path, 10).isOk());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec(
            "INSERT INTO districts (id, name) VALUES (1, 'd');"
            "INSERT INTO streets (id, district_id, name) VALUES (1, 1, 's');"
            "INSERT INTO communities (id, street_id, district_id, name, join_code) VALUES (1, 1, 1, 'c', 'CODE');"
            "INSERT INTO users (id, login, display_name, password_hash, created_at) VALUES"
            " (1, 'author', 'a', 'x', 0), (2, 'committee', 'c', 'x', 0), (3, 'neighbour', 'n', 'x', 0);"
            "INSERT INTO role_grants (user_id, role, scope_kind, scope_id, granted_at) VALUES"
            " (2, 'committee', 'community', 1, 0);"
            // 1: the committee replied at 150 (after the author at 120); 2: only a
            // neighbour replied; 3: escalated at 300, resolved at 400.
            "INSERT INTO proposals (id, community_id, author_id, kind, title, body, state, created_at,"
            " submitted_at, updated_at) VALUES (1, 1, 1, 'problem', 't', '', 'submitted', 100, 100, 100),"
            " (2, 1, 1, 'problem', 't', '', 'submitted', 100, 100, 100),"
            " (3, 1, 1, 'wish', 't', '', 'adopted', 100, 100, 100);"
            "INSERT INTO comments (proposal_id, community_id, depth, author_id, stance, body, created_at) VALUES"
            " (1, 1, 1, 1, 'neutral', 'x', 120), (1, 1, 1, 2, 'neutral', 'x', 150),"
            " (2, 1, 1, 3, 'neutral', 'x', 130);"
            "INSERT INTO escalations (proposal_id, community_id, street_id, district_id, level, status, reason,"
            " escalated_by, escalated_at, due_at, resolution, resolved_by, resolved_at) VALUES"
            " (3, 1, 1, 1, 'street', 'resolved', 'r', 2, 300, 900, 'done', 2, 400);"
            "INSERT INTO projects (id, proposal_id, community_id, title, budget_fen, responsible, completed,"
            " created_at, completed_at) VALUES (1, 3, 1, 't', 0, 'r', 1, 500, 600);"
            "INSERT INTO audit_log (at_micros, actor_id, action, subject_kind, subject_id, community_id, reason)"
            " VALUES (600000000, 2, 'project.completed', 'project', 1, 1, '通电验收');");
    }
    auto db = SqliteDatabase::open(path, {});
    BOOST_REQUIRE_MESSAGE(db.isOk(), db.status().toString());
    db.value().reset();
    SQLite::Database check(path, SQLite::OPEN_READONLY);
    BOOST_TEST(lines(check, "SELECT id, responded_at, escalation_resolved_at FROM proposals ORDER BY id") ==
                   (std::vector<std::string>{"1|150|0", "2|0|0", "3|300|400"}),
               boost::test_tools::per_element());
    BOOST_TEST(check.execAndGet("SELECT completion_note FROM projects WHERE id = 1").getString() == "通电验收");
}

BOOST_AUTO_TEST_SUITE_END()
