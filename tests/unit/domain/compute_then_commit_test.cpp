// Heavy work off the writer thread: compute outside, re-check and commit
// inside (compute_then_commit.h).
#include <boost/test/unit_test.hpp>

#include "unit/domain/domain_world.h"
#include "yishi/domain/compute_then_commit.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

struct Seen {
    std::size_t streets = 0;
};

std::size_t streetCount(storage::SqliteDatabase& db, DistrictId district) {
    std::size_t n = 0;
    (void)db.read([&](Stores& s) {
        n = s.scopes.streets(district).size();
        return Status::ok();
    });
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compute_then_commit)

BOOST_AUTO_TEST_CASE(commits_when_what_was_read_still_holds_and_not_when_another_writer_moved_first) {
    yishi::testing::World w;
    for (bool interleave : {false, true}) {
        const std::size_t before = streetCount(*w.db, w.district);
        Seen seen;
        auto outcome = computeThenCommit(
            *w.db, seen,
            [&](Stores& s, Seen& snapshot) -> Result<bool> {
                snapshot.streets = s.scopes.streets(w.district).size();
                return true;
            },
            [&](Seen&) -> Result<std::string> {
                // The heavy part runs outside any transaction: a write
                // here must not wait for, nor be waited on by, this work.
                if (interleave) {
                    BOOST_REQUIRE(w.db->write([&](Stores& s) {
                                          s.scopes.insertStreet(w.district, "抢先街道");
                                          return Status::ok();
                                      })
                                      .isOk());
                }
                return std::string("计算出的街道");
            },
            [&](Stores& s, const Seen& snapshot) { return s.scopes.streets(w.district).size() == snapshot.streets; },
            [&](Stores& s, const Seen&, std::string& name) -> Status {
                s.scopes.insertStreet(w.district, name);
                return Status::ok();
            });
        BOOST_REQUIRE(outcome.isOk());
        if (interleave) {
            BOOST_TEST((outcome.value() == CommitOutcome::kStale));
            BOOST_TEST(streetCount(*w.db, w.district) == before + 1);  // only the other writer's
        } else {
            BOOST_TEST((outcome.value() == CommitOutcome::kCommitted));
            BOOST_TEST(streetCount(*w.db, w.district) == before + 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(nothing_to_do_means_no_write_at_all) {
    yishi::testing::World w;
    const std::int64_t writes = w.db->writesCommitted();
    Seen seen;
    bool computed = false;
    auto outcome = computeThenCommit(
        *w.db, seen, [](Stores&, Seen&) -> Result<bool> { return false; },
        [&](Seen&) -> Result<int> {
            computed = true;
            return 0;
        },
        [](Stores&, const Seen&) { return true; }, [](Stores&, const Seen&, int&) { return Status::ok(); });
    BOOST_REQUIRE(outcome.isOk());
    BOOST_TEST((outcome.value() == CommitOutcome::kNothingToDo));
    BOOST_TEST(!computed);
    // An idle points pump must not count as a write (it would empty the public cache).
    BOOST_TEST(w.db->writesCommitted() == writes);
}

BOOST_AUTO_TEST_CASE(a_failed_computation_writes_nothing) {
    yishi::testing::World w;
    const std::size_t before = streetCount(*w.db, w.district);
    Seen seen;
    auto outcome = computeThenCommit(
        *w.db, seen, [](Stores&, Seen&) -> Result<bool> { return true; },
        [](Seen&) -> Result<int> { return Status::unavailable("plugin.timeout", "too slow"); },
        [](Stores&, const Seen&) { return true; },
        [&](Stores& s, const Seen&, int&) {
            s.scopes.insertStreet(w.district, "不该出现");
            return Status::ok();
        });
    BOOST_TEST(outcome.status().code() == "plugin.timeout");
    BOOST_TEST(streetCount(*w.db, w.district) == before);
}

BOOST_AUTO_TEST_SUITE_END()
