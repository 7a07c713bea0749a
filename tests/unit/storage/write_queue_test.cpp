#include <boost/test/unit_test.hpp>

#include <chrono>

#include <future>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "connection.h"
#include "support/temp_dir.h"
#include "write_queue.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using yishi::storage::SqliteDatabase;

namespace {

std::size_t countDistricts(SqliteDatabase& db) {
    std::size_t n = 0;
    db.read([&](domain::Stores& s) {
        n = s.scopes.districts().size();
        return Status::ok();
    });
    return n;
}

std::unique_ptr<SqliteDatabase> openDb(const testing::TempDir& dir, bool group_commit = true) {
    SqliteDatabase::Options o;
    o.group_commit = group_commit;
    return std::move(SqliteDatabase::open(dir.file("w.db"), o).value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_queue)

BOOST_AUTO_TEST_CASE(concurrent_writes_all_commit_and_share_commits) {
    testing::TempDir dir;
    auto db = openDb(dir);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 40; ++i) {
                Status s = db->write([&](domain::Stores& st) {
                    st.scopes.insertDistrict("d" + std::to_string(t) + "-" + std::to_string(i));
                    return Status::ok();
                });
                if (!s.isOk()) ++failures;
            }
        });
    }
    for (auto& th : threads) th.join();
    BOOST_TEST(failures.load() == 0);
    BOOST_TEST(countDistricts(*db) == 320u);
    BOOST_TEST(db->writesCommitted() == 320);
    BOOST_TEST(db->commits() < db->writesCommitted());  // grouped
}

BOOST_AUTO_TEST_CASE(without_group_commit_each_write_is_its_own_commit) {
    testing::TempDir dir;
    auto db = openDb(dir, false);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                db->write([](domain::Stores& st) {
                    st.scopes.insertDistrict("x");
                    return Status::ok();
                });
            }
        });
    }
    for (auto& th : threads) th.join();
    BOOST_TEST(db->writesCommitted() == 40);
    BOOST_TEST(db->commits() == 40);
}

BOOST_AUTO_TEST_CASE(a_failed_write_is_rolled_back_alone) {
    testing::TempDir dir;
    auto db = openDb(dir);
    std::vector<std::thread> threads;
    std::atomic<int> refused{0};
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const bool fail = (i % 2) == 1;
                Status s = db->write([&](domain::Stores& st) {
                    st.scopes.insertDistrict("t" + std::to_string(t));
                    if (fail) return Status::conflict("test.refused", "refused after writing");
                    return Status::ok();
                });
                if (s.code() == "test.refused") ++refused;
            }
        });
    }
    for (auto& th : threads) th.join();
    BOOST_TEST(refused.load() == 60);
    BOOST_TEST(countDistricts(*db) == 60u);
}

BOOST_AUTO_TEST_CASE(an_exception_in_a_write_becomes_a_status_and_writes_nothing) {
    testing::TempDir dir;
    auto db = openDb(dir);
    Status s = db->write([](domain::Stores& st) -> Status {
        st.scopes.insertDistrict("half-done");
        throw std::runtime_error("disk on fire");
    });
    BOOST_TEST(s.code() == "storage.error");
    BOOST_TEST(countDistricts(*db) == 0u);
    // A constraint violation (a street of a district that does not exist).
    Status fk = db->write([](domain::Stores& st) {
        st.scopes.insertStreet(DistrictId(12345), "orphan");
        return Status::ok();
    });
    BOOST_TEST(fk.code() == "storage.constraint");
    BOOST_TEST(db->write([](domain::Stores& st) {
                     st.scopes.insertDistrict("after");
                     return Status::ok();
                 }).isOk());
    BOOST_TEST(countDistricts(*db) == 1u);
}

// After an I/O error SQLite may roll the whole transaction back itself, so
// the job's savepoint is gone; the caller must still learn of the I/O error
// (503, try later), not of the failed ROLLBACK TO (a 500).
BOOST_AUTO_TEST_CASE(an_io_error_that_ends_the_transaction_is_still_an_io_error) {
    testing::TempDir dir;
    storage::WriteQueue queue(
        std::make_unique<storage::Connection>(dir.file("q.db"), storage::Connection::Mode::kReadWrite, 1000), 8, true);
    Status s = queue.submit([](storage::Connection& c) -> Status {
        c.db().exec("ROLLBACK");  // as SQLite does on some I/O errors
        throw SQLite::Exception("disk I/O error", SQLITE_IOERR);
    });
    BOOST_TEST(s.code() == "storage.io_error", s.toString());
    BOOST_TEST((s.kind() == ErrorKind::kUnavailable));
    BOOST_TEST(queue
                   .submit([](storage::Connection& c) {
                       c.db().exec("CREATE TABLE after_the_fault (x)");
                       return Status::ok();
                   })
                   .isOk());
}

// When a job's savepoint cannot be undone, the group's transaction is rolled
// back whole: every job of the group, the ones before (their writes went
// with it) and the ones that never ran, is told it was not saved.
BOOST_AUTO_TEST_CASE(a_savepoint_that_cannot_be_undone_fails_its_whole_group) {
    testing::TempDir dir;
    storage::WriteQueue queue(
        std::make_unique<storage::Connection>(dir.file("q.db"), storage::Connection::Mode::kReadWrite, 1000), 8, true);
    std::promise<void> open_gate;
    std::shared_future<void> gate = open_gate.get_future().share();
    std::atomic<bool> holding{false};
    // Holds the writer so that the next three jobs queue up as one group.
    std::thread blocker([&] {
        (void)queue.submit([&](storage::Connection&) {
            holding = true;
            gate.wait();
            return Status::ok();
        });
    });
    while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    Status first, second, third;
    auto createTable = [](const char* sql) {
        return [sql](storage::Connection& c) {
            c.db().exec(sql);
            return Status::ok();
        };
    };
    std::thread t1([&] { first = queue.submit(createTable("CREATE TABLE first_job (x)")); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::thread t2([&] {
        second = queue.submit([](storage::Connection& c) -> Status {
            c.db().exec("CREATE TABLE second_job (x)");
            c.db().exec("RELEASE job");  // its savepoint is gone: ROLLBACK TO job will fail
            return Status::invalid("test.failed", "fails once its savepoint is gone");
        });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::thread t3([&] { third = queue.submit(createTable("CREATE TABLE third_job (x)")); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    open_gate.set_value();
    for (std::thread* t : {&blocker, &t1, &t2, &t3}) t->join();

    BOOST_TEST(!first.isOk(), first.toString());
    BOOST_TEST(!second.isOk(), second.toString());
    BOOST_TEST(!third.isOk(), third.toString());
    int tables = -1;
    BOOST_REQUIRE(queue
                      .submit([&](storage::Connection& c) {
                          tables = c.db()
                                       .execAndGet(
                                           "SELECT COUNT(*) FROM sqlite_master WHERE name IN"
                                           " ('first_job', 'second_job', 'third_job')")
                                       .getInt();
                          return Status::ok();
                      })
                      .isOk());
    BOOST_TEST(tables == 0);
}

BOOST_AUTO_TEST_CASE(a_write_inside_a_write_is_refused) {
    testing::TempDir dir;
    auto db = openDb(dir);
    Status inner;
    Status outer = db->write([&](domain::Stores&) {
        inner = db->write([](domain::Stores&) { return Status::ok(); });
        return Status::ok();
    });
    BOOST_TEST(outer.isOk());
    BOOST_TEST(inner.code() == "storage.reentrant_write");
}

BOOST_AUTO_TEST_CASE(reads_cannot_write) {
    testing::TempDir dir;
    auto db = openDb(dir);
    Status s = db->read([](domain::Stores& st) {
        st.scopes.insertDistrict("sneaky");
        return Status::ok();
    });
    BOOST_TEST(!s.isOk());
    BOOST_TEST(countDistricts(*db) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
