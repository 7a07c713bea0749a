#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include "support/temp_dir.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using namespace yishi::domain;

BOOST_AUTO_TEST_SUITE(stores)

BOOST_AUTO_TEST_CASE(audit_log_is_append_only) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("a.db"), {}).value());
    BOOST_REQUIRE(
        db->write([](Stores& s) {
              s.audit.append({0, Instant::fromMicros(1), UserId(), "test.happened", "thing", 1, CommunityId(), "why"});
              return Status::ok();
          }).isOk());
    std::vector<AuditEntry> entries;
    db->read([&](Stores& s) {
        entries = s.audit.forSubject("thing", 1, 10);
        return Status::ok();
    });
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_TEST(entries[0].action == "test.happened");
    BOOST_TEST(entries[0].reason == "why");
    BOOST_TEST(!entries[0].actor.valid());
    db.reset();
    // The stores offer no update or delete, and the schema refuses them too.
    SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
    BOOST_CHECK_THROW(raw.exec("UPDATE audit_log SET reason = 'forged'"), SQLite::Exception);
    BOOST_CHECK_THROW(raw.exec("DELETE FROM audit_log"), SQLite::Exception);
    BOOST_TEST(raw.execAndGet("SELECT reason FROM audit_log").getString() == "why");
}

BOOST_AUTO_TEST_CASE(memberships_are_saved_and_replaced) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("m.db"), {}).value());
    UserId user;
    CommunityId community;
    BOOST_REQUIRE(db->write([&](Stores& s) {
                        DistrictId d = s.scopes.insertDistrict("d");
                        StreetId st = s.scopes.insertStreet(d, "s");
                        community = s.scopes.insertCommunity({CommunityId(), st, d, "c", "CODE2345"});
                        user = s.users.insertUser({UserId(), "zhao", "赵", "hash", Instant::fromSeconds(1)});
                        s.users.saveMembership(
                            {user, community, MembershipStatus::kPending, Instant::fromSeconds(1), {}, UserId(), ""});
                        s.users.saveMembership({user, community, MembershipStatus::kRejected, Instant::fromSeconds(1),
                                                Instant::fromSeconds(2), user, "no"});
                        return Status::ok();
                    }).isOk());
    db->read([&](Stores& s) {
        auto m = s.users.membership(user, community);
        BOOST_REQUIRE(m.has_value());
        BOOST_TEST((m->status == MembershipStatus::kRejected));
        BOOST_TEST(m->reason == "no");
        BOOST_TEST(s.users.memberships(user).size() == 1u);
        BOOST_TEST(s.scopes.communityByJoinCode("CODE2345")->id.value == community.value);
        BOOST_TEST(!s.scopes.communityByJoinCode("NOPE").has_value());
        return Status::ok();
    });
}

BOOST_AUTO_TEST_SUITE_END()
