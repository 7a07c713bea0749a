#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>

#include "support/temp_dir.h"
#include "yishi/storage/migrations.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using yishi::storage::SqliteDatabase;

namespace {

int recordedVersion(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
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
    BOOST_TEST(check.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt() ==
               storage::latestSchemaVersion());
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
        raw.exec("INSERT INTO schema_migrations VALUES (" +
                 std::to_string(storage::latestSchemaVersion() + 1) + ", 'from_the_future', 0)");
    }
    auto db = SqliteDatabase::open(path, {});
    BOOST_REQUIRE(!db.isOk());
    BOOST_TEST(db.status().code() == "storage.schema_too_new");
    BOOST_TEST(db.status().message().find("newer yishi") != std::string::npos);
    BOOST_TEST(recordedVersion(path) == storage::latestSchemaVersion() + 1);
}

BOOST_AUTO_TEST_CASE(an_unopenable_path_is_a_clear_error) {
    auto db = SqliteDatabase::open("/nonexistent-dir/for/sure/y.db", {});
    BOOST_REQUIRE(!db.isOk());
    BOOST_TEST(db.status().code() == "storage.open_failed");
}

BOOST_AUTO_TEST_SUITE_END()
