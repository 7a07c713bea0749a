// The commit sequence and per-scope counters a database publishes after
// each write (issue 13): what the page and session caches rely on.
#include <boost/test/unit_test.hpp>

#include "support/temp_dir.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

Status audit(Stores& s, const char* action, CommunityId community) {
    s.audit.append({0, Instant::fromMicros(1), UserId(), action, "thing", 1, community, ""});
    return Status::ok();
}

// Two communities, 5 and 6 by name here (the audit log's rows must name
// ones that exist); made without a recorded change, so the sequence stays 0.
std::pair<CommunityId, CommunityId> twoCommunities(storage::SqliteDatabase& db) {
    std::pair<CommunityId, CommunityId> ids;
    db.write([&](Stores& s) {
        const DistrictId d = s.scopes.insertDistrict("区");
        const StreetId st = s.scopes.insertStreet(d, "街道");
        ids.first = s.scopes.insertCommunity({CommunityId(), st, d, "一村", "CODE0001"});
        ids.second = s.scopes.insertCommunity({CommunityId(), st, d, "二村", "CODE0002"});
        return Status::ok();
    });
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(change_sequence)

BOOST_AUTO_TEST_CASE(a_write_raises_the_scopes_its_changes_name_once_committed) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("v.db"), {}).value());
    const DataVersions& v = *db->versions();
    const auto [five, six] = twoCommunities(*db);
    BOOST_TEST(v.sequence() == 0u);

    BOOST_REQUIRE(db->write([&](Stores& s) { return audit(s, "test.community", five); }).isOk());
    BOOST_TEST(v.sequence() == 1u);  // published before write() returned
    BOOST_TEST(v.communityChangedAt(five) == 1u);
    BOOST_TEST(v.communityChangedAt(six) == 0u);
    BOOST_TEST(v.globalChangedAt() == 0u);
    BOOST_TEST(v.unchangedSince(0, six));
    BOOST_TEST(!v.unchangedSince(0, five));
    BOOST_TEST(!v.unchangedSince(0, CommunityId()));  // a page of no community depends on all

    BOOST_REQUIRE(db->write([](Stores& s) { return audit(s, "test.district", CommunityId()); }).isOk());
    BOOST_TEST(v.globalChangedAt() == 2u);
    BOOST_TEST(!v.unchangedSince(1, six));

    // Failed work is rolled back: nothing to publish.
    BOOST_TEST(!db->write([&](Stores& s) {
                      audit(s, "test.community", six);
                      return Status::invalid("test.no", "no");
                  }).isOk());
    BOOST_TEST(v.sequence() == 2u);
    BOOST_TEST(v.communityChangedAt(six) == 0u);

    // A write that records no change and touches no account moves nothing.
    BOOST_REQUIRE(db->write([](Stores&) { return Status::ok(); }).isOk());
    BOOST_TEST(v.sequence() == 2u);
}

BOOST_AUTO_TEST_CASE(sessions_age_their_account_and_no_page) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("v.db"), {}).value());
    const DataVersions& v = *db->versions();
    UserId user;
    BOOST_REQUIRE(db->write([&](Stores& s) {
                        user = s.users.insertUser({UserId(), "u1", "某人", "hash", Instant::fromSeconds(1)});
                        return Status::ok();
                    }).isOk());
    const std::uint64_t before = v.sequence();
    BOOST_REQUIRE(
        db->write([&](Stores& s) {
              s.sessions.insertSession({"h1", user, "csrf", Instant::fromSeconds(1), Instant::fromSeconds(9)});
              return audit(s, changes::kSessionCreated.action.c_str(), CommunityId());
          }).isOk());
    BOOST_TEST(v.accountChangedAt(user) > before);
    BOOST_TEST(v.accountChangedAt(UserId(user.value + 1)) <= before);
    BOOST_TEST(v.globalChangedAt() == 0u);
    BOOST_TEST(v.unchangedSince(before, CommunityId(1)));
    BOOST_TEST(v.unchangedSince(before, CommunityId()));

    const std::uint64_t logged_in = v.sequence();
    BOOST_REQUIRE(db->write([&](Stores& s) {
                        s.sessions.deleteSession("h1");
                        return Status::ok();
                    }).isOk());
    BOOST_TEST(v.accountChangedAt(user) > logged_in);  // a logout
}

BOOST_AUTO_TEST_SUITE_END()
