#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include "support/temp_dir.h"
#include "yishi/domain/assistance.h"
#include "yishi/domain/proposals_changes.h"
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

// 帮办代办: a write made while an Assistance is in force on the caller's
// thread marks the changes it records for the resident, and only those.
BOOST_AUTO_TEST_CASE(an_assistance_marks_the_residents_changes_in_their_audit_rows) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("a.db"), {}).value());
    UserId resident, helper;
    BOOST_REQUIRE(db->write([&](Stores& s) {
                        resident = s.users.insertUser({UserId(), "zhao", "赵", "hash", Instant::fromSeconds(1)});
                        helper = s.users.insertUser({UserId(), "qian", "钱", "hash", Instant::fromSeconds(1)});
                        return Status::ok();
                    }).isOk());
    const auto recordBoth = [&](std::int64_t subject) {
        return db->write([&](Stores& s) {
            s.record({changes::kProposalCreated, Instant::fromSeconds(2), resident, subject, CommunityId()});
            s.record({changes::kProposalEdited, Instant::fromSeconds(2), helper, subject, CommunityId()});
            return Status::ok();
        });
    };
    {
        const Assistance assistance{resident, helper, "grid_worker", "consent", "电话确认"};
        const AssistanceScope scope(assistance);
        BOOST_REQUIRE(recordBoth(1).isOk());
    }
    BOOST_REQUIRE(recordBoth(2).isOk());  // the scope has ended
    std::vector<AuditEntry> assisted, plain;
    db->read([&](Stores& s) {
        assisted = s.audit.forSubject("proposal", 1, 10);
        plain = s.audit.forSubject("proposal", 2, 10);
        return Status::ok();
    });
    BOOST_REQUIRE(assisted.size() == 2u);
    BOOST_REQUIRE(plain.size() == 2u);
    for (const AuditEntry& e : assisted) {
        if (e.actor == resident) {
            BOOST_TEST(e.assisted_by.value == helper.value);
            BOOST_TEST(e.assisted_role == "grid_worker");
            BOOST_TEST(e.consent == "consent");
            BOOST_TEST(e.consent_note == "电话确认");
        } else {
            BOOST_TEST(!e.assisted_by.valid());  // the helper's own change is theirs
        }
    }
    for (const AuditEntry& e : plain) BOOST_TEST(!e.assisted_by.valid());
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
