#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>

#include <functional>
#include <mutex>

#include "sqlite_errors.h"
#include "support/temp_dir.h"
#include "yishi/domain/points.h"
#include "yishi/storage/sqlite_database.h"

// A constraint failure that escapes a store reaches the client as our
// message; SQLite's own text (which names tables, columns and CHECK
// expressions) goes only to the log.
using namespace yishi;
using namespace yishi::domain;

namespace {

const char* const kSqliteWords[] = {"constraint failed", "CHECK",       "UNIQUE", "FOREIGN KEY",
                                    "NOT NULL",          "users.login", "balance"};

void expectOurMessage(const Status& s) {
    BOOST_TEST((s.kind() == ErrorKind::kConflict));  // 409, as before migration 010
    BOOST_TEST(s.code() == "storage.constraint");
    BOOST_TEST(s.message() == "The change conflicts with stored data.");
    for (const char* word : kSqliteWords) BOOST_TEST(s.message().find(word) == std::string::npos, word);
}

struct Failure {
    std::string name;
    std::string sql;
    std::string logged;  // what SQLite says, which the log must get
};

}  // namespace

BOOST_AUTO_TEST_SUITE(storage_errors)

BOOST_AUTO_TEST_CASE(each_kind_of_constraint_failure_gets_our_message_and_logs_sqlites) {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    db.exec(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE,"
        " state TEXT NOT NULL CHECK (state IN ('open', 'closed')), parent INTEGER REFERENCES parent(id))");
    db.exec("INSERT INTO t (login, state) VALUES ('taken', 'open')");
    const std::vector<Failure> failures = {
        {"CHECK", "INSERT INTO t (login, state) VALUES ('a', 'ajar')", "CHECK constraint failed"},
        {"UNIQUE", "INSERT INTO t (login, state) VALUES ('taken', 'open')", "UNIQUE constraint failed: t.login"},
        {"FOREIGN KEY", "INSERT INTO t (login, state, parent) VALUES ('b', 'open', 9)",
         "FOREIGN KEY constraint failed"},
        {"NOT NULL", "INSERT INTO t (login, state) VALUES (NULL, 'open')", "NOT NULL constraint failed: t.login"},
    };
    for (const Failure& f : failures) {
        BOOST_TEST_CONTEXT(f.name) {
            std::vector<std::string> logged;
            Status s;
            try {
                db.exec(f.sql);
                BOOST_FAIL("SQLite took it");
            } catch (...) {
                s = storage::statusFromCurrentException([&](const std::string& line) { logged.push_back(line); });
            }
            expectOurMessage(s);
            BOOST_REQUIRE(logged.size() == 1u);
            BOOST_TEST(logged[0].find(f.logged) != std::string::npos, logged[0]);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_constraint_failure_escaping_a_store_is_ours_to_the_client) {
    testing::TempDir dir;
    std::mutex mutex;
    std::string log;
    storage::SqliteDatabase::Options options;
    options.log = [&](const std::string& line) {
        std::lock_guard lock(mutex);
        log += line + "\n";
    };
    auto db = std::move(storage::SqliteDatabase::open(dir.file("c.db"), options).value());
    BOOST_REQUIRE(db->write([](Stores& s) {
                        s.scopes.insertDistrict("区");
                        s.users.insertUser({UserId(), "zhao", "赵", "hash", Instant::fromSeconds(1)});
                        return Status::ok();
                    }).isOk());
    // UNIQUE: a store asked to break its REQUIRES (the login is not taken).
    expectOurMessage(db->write([](Stores& s) {
        s.users.insertUser({UserId(), "zhao", "另一个赵", "hash", Instant::fromSeconds(2)});
        return Status::ok();
    }));
    // FOREIGN KEY: a street of a district that does not exist.
    expectOurMessage(db->write([](Stores& s) {
        s.scopes.insertStreet(DistrictId(404), "无处");
        return Status::ok();
    }));
    // CHECK: a balance below zero (points_balances.balance >= 0).
    expectOurMessage(db->write([](Stores& s) {
        LedgerEntry spend;
        spend.district = DistrictId(1);
        spend.user = UserId(1);
        spend.delta = -5;
        spend.rule = "redeem";
        spend.reason = "没有积分";
        s.get<domain::PointsStore>().appendLedger(spend);
        return Status::ok();
    }));
    std::lock_guard lock(mutex);
    BOOST_TEST(log.find("UNIQUE constraint failed: users.login") != std::string::npos, log);
    BOOST_TEST(log.find("FOREIGN KEY constraint failed") != std::string::npos, log);
    BOOST_TEST(log.find("CHECK constraint failed") != std::string::npos, log);
}

BOOST_AUTO_TEST_CASE(other_database_errors_keep_sqlites_text_out_of_the_message_too) {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
    std::string logged;
    Status s;
    try {
        db.exec("SELECT secret_column FROM no_such_table");
    } catch (...) {
        s = storage::statusFromCurrentException([&](const std::string& line) { logged = line; });
    }
    BOOST_TEST(s.code() == "storage.error");
    BOOST_TEST(s.message().find("no_such_table") == std::string::npos, s.message());
    BOOST_TEST(logged.find("no such table: no_such_table") != std::string::npos, logged);
}

BOOST_AUTO_TEST_SUITE_END()
