// The use-case services over the real SQLite store (temporary file), a fake
// password hasher (cheap argon2id where hashing is the point) and a fake clock.
#include <boost/test/unit_test.hpp>

#include "unit/domain/domain_world.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::cheapHashing;
using yishi::testing::World;

BOOST_AUTO_TEST_SUITE(services)

BOOST_AUTO_TEST_CASE(sign_up_makes_a_pending_resident_and_leaves_a_trace) {
    World w;
    auto joined = w.signUpResident("zhao");
    BOOST_TEST((joined.membership.status == MembershipStatus::kPending));
    BOOST_TEST(joined.user.password_hash.empty());  // never handed out
    Actor resident = w.actor(joined.user.id);
    BOOST_TEST(resident.requireVerifiedResident(w.a.id).code() == "membership.pending");
    std::vector<AuditEntry> trace;
    w.db->read([&](Stores& s) {
        trace = s.audit.forSubject("user", joined.user.id.value, 10);
        return Status::ok();
    });
    BOOST_REQUIRE(trace.size() == 2u);
    BOOST_TEST(trace[0].action == "membership.requested");
    BOOST_TEST(trace[1].action == "user.signed_up");
}

BOOST_AUTO_TEST_CASE(sign_up_errors_write_nothing) {
    World w;
    BOOST_TEST(w.communities.signUp(w.a.id, {"WRONG", "zhao", "赵", "long-enough"}).status().code() ==
               "community.bad_join_code");
    BOOST_TEST(w.communities.signUp(w.a.id, {"CODEBBBB", "zhao", "赵", "long-enough"}).status().code() ==
               "community.bad_join_code");
    BOOST_TEST(w.communities.signUp(CommunityId(999), {"CODEAAAA", "zhao", "赵", "long-enough"}).status().code() ==
               "community.not_found");
    BOOST_TEST(w.communities.signUp(w.a.id, {"CODEAAAA", "Zhao!", "赵", "long-enough"}).status().code() ==
               "login.invalid");
    BOOST_TEST(w.communities.signUp(w.a.id, {"CODEAAAA", "zhao", "赵", "short"}).status().code() == "password.invalid");
    BOOST_TEST(w.communities.signUp(w.a.id, {"CODEAAAA", "admin", "赵", "long-enough"}).status().code() ==
               "user.login_taken");
    Actor committee = w.actor(w.committee_a);
    BOOST_TEST(w.communities.members(committee, w.a.id, std::nullopt, {}).value().items.empty());
}

BOOST_AUTO_TEST_CASE(only_the_committee_of_the_community_decides) {
    World w;
    auto joined = w.signUpResident("zhao");
    const UserId person = joined.user.id;
    auto other = w.communities.decide(w.actor(w.committee_b), w.a.id, person, VerificationDecision::kVerify, "");
    BOOST_TEST(other.status().code() == "community.forbidden");
    auto self = w.communities.decide(w.actor(person), w.a.id, person, VerificationDecision::kVerify, "");
    BOOST_TEST(self.status().code() == "community.forbidden");
    auto no_reason = w.communities.decide(w.actor(w.committee_a), w.a.id, person, VerificationDecision::kReject, "");
    BOOST_TEST(no_reason.status().code() == "membership.reason_required");

    auto verified = w.communities.decide(w.actor(w.committee_a), w.a.id, person, VerificationDecision::kVerify, "");
    BOOST_REQUIRE(verified.isOk());
    BOOST_TEST((verified->status == MembershipStatus::kVerified));
    BOOST_TEST((verified->decided_by == w.committee_a));
    BOOST_TEST(w.actor(person).isVerifiedResident(w.a.id));
    auto again = w.communities.decide(w.actor(w.committee_a), w.a.id, person, VerificationDecision::kVerify, "");
    BOOST_TEST(again.status().code() == "membership.already_verified");
    // The district admin may decide too.
    auto revoked = w.communities.decide(w.actor(w.admin_id), w.a.id, person, VerificationDecision::kReject, "moved");
    BOOST_TEST(revoked.isOk());
}

BOOST_AUTO_TEST_CASE(members_are_listed_to_overseers_only_and_paged) {
    World w;
    for (int i = 0; i < 5; ++i) w.signUpResident("person" + std::to_string(i));
    auto page1 = w.communities.members(w.actor(w.committee_a), w.a.id, MembershipStatus::kPending, {0, 2});
    BOOST_REQUIRE(page1.isOk());
    BOOST_TEST(page1->items.size() == 2u);
    BOOST_TEST(page1->next_after > 0);
    auto page3 = w.communities.members(w.actor(w.committee_a), w.a.id, MembershipStatus::kPending, {0, 200});
    BOOST_TEST(page3->items.size() == 5u);
    BOOST_TEST(page3->next_after == 0);
    auto rest =
        w.communities.members(w.actor(w.committee_a), w.a.id, MembershipStatus::kPending, {page1->next_after, 10});
    BOOST_TEST(rest->items.size() == 3u);
    BOOST_TEST(w.communities.members(w.actor(w.committee_b), w.a.id, std::nullopt, {}).status().code() ==
               "community.forbidden");
    BOOST_TEST(w.communities.members(Actor::anonymous(), w.a.id, std::nullopt, {}).status().code() ==
               "session.required");
}

BOOST_AUTO_TEST_CASE(login_authenticate_expire_and_logout) {
    World w;
    auto session = w.auth.login("admin", "password-1", "10.0.0.1");
    BOOST_REQUIRE(session.isOk());
    BOOST_TEST(session->token.size() >= 43u);
    BOOST_TEST(session->session.token_hash != session->token);
    auto who = w.auth.authenticate(session->token);
    BOOST_REQUIRE(who.isOk());
    BOOST_TEST(who->actor.isDistrictAdmin(w.district));
    BOOST_TEST(w.auth.authenticate(session->token + "x").status().code() == "session.invalid");

    w.clock.advance(Duration::days(7) + Duration::seconds(1));
    BOOST_TEST(w.auth.authenticate(session->token).status().code() == "session.invalid");

    auto second = w.auth.login("admin", "password-1", "10.0.0.1");
    BOOST_REQUIRE(second.isOk());
    BOOST_TEST(w.auth.logout(second->token).isOk());
    BOOST_TEST(w.auth.authenticate(second->token).status().code() == "session.invalid");
    BOOST_TEST(w.auth.logout(second->token).isOk());  // ending twice is fine
}

// Issue 12, item 5: failures slow the guesser, never lock the owner out.
BOOST_AUTO_TEST_CASE(failures_from_one_address_slow_that_address_not_the_owner) {
    World w;
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(w.auth.login("admin", "wrong", "10.0.0.66").status().code() == "session.bad_credentials");
    }
    BOOST_TEST(w.auth.login("admin", "wrong", "10.0.0.66").status().code() == "session.bad_credentials");
    // The sixth failure asks the guesser's address to wait, even with the right password.
    auto guesser = w.auth.login("admin", "password-1", "10.0.0.66");
    BOOST_TEST(guesser.status().code() == "session.too_many_failures");
    BOOST_TEST(guesser.status().retryAfterSeconds() == 1);
    // The owner, elsewhere, is let in at once (it used to be locked out for 15 minutes).
    BOOST_TEST(w.auth.login("admin", "password-1", "10.0.0.1").isOk());
}

BOOST_AUTO_TEST_CASE(waits_double_up_to_a_cap_and_the_right_password_passes_after_one) {
    World w;
    for (int i = 0; i < 5; ++i) w.auth.login("admin", "wrong", "10.0.0.66");
    int expected = 1;
    for (int i = 0; i < 14; ++i) {
        BOOST_TEST(w.auth.login("admin", "wrong", "10.0.0.66").status().code() == "session.bad_credentials");
        auto waiting = w.auth.login("admin", "wrong", "10.0.0.66");
        BOOST_TEST(waiting.status().code() == "session.too_many_failures");
        BOOST_TEST(waiting.status().retryAfterSeconds() == expected);
        w.clock.advance(Duration::seconds(expected));
        expected = std::min(expected * 2, 15 * 60);
    }
    BOOST_TEST(expected == 15 * 60);  // capped, never a lockout
    BOOST_TEST(w.auth.login("admin", "password-1", "10.0.0.66").isOk());
}

BOOST_AUTO_TEST_CASE(thirty_failures_from_one_address_block_no_one_else_behind_it) {
    World w;
    for (int i = 0; i < 30; ++i) w.auth.login("nobody" + std::to_string(i), "x", "10.9.9.9");
    for (int i = 0; i < 30; ++i) w.auth.login("committee.a", "x" + std::to_string(i % 3), "10.9.9.9");
    // Behind the same proxy address: another account, and the one guessed at
    // (its count per address makes the guesser wait; with its device proof,
    // the owner does not).
    BOOST_TEST(w.auth.login("committee.b", "password-1", "10.9.9.9").isOk());
    BOOST_TEST(w.auth.login("committee.a", "password-1", "10.9.9.9").status().code() == "session.too_many_failures");
}

BOOST_AUTO_TEST_CASE(a_device_that_logged_in_before_is_never_made_to_wait_for_others_guesses) {
    World w;
    auto first = w.auth.login("admin", "password-1", "10.0.0.1");
    BOOST_REQUIRE(first.isOk());
    const std::string device = first->device_token;
    BOOST_TEST(!device.empty());
    // Guessing from many addresses: each pair stays under its count, the
    // account's count for unknown devices does not.
    for (int i = 0; i < 40; ++i) w.auth.login("admin", "wrong", "203.0.113." + std::to_string(i));
    auto stranger = w.auth.login("admin", "password-1", "198.51.100.7");
    BOOST_TEST(stranger.status().code() == "session.too_many_failures");
    // The owner's device is let in; a proof of another account, or a forged one, is no proof.
    auto owner = w.auth.login({"admin", "password-1", "198.51.100.7", device});
    BOOST_REQUIRE(owner.isOk());
    BOOST_TEST(owner->device_token != device);  // a fresh one each time
    auto other = w.auth.login("committee.a", "password-1", "10.0.0.2");
    BOOST_REQUIRE(other.isOk());
    BOOST_TEST(w.auth.login({"admin", "password-1", "198.51.100.7", other->device_token}).status().code() ==
               "session.too_many_failures");
    const std::string forged = device.substr(0, device.find('.')) + ".00" + device.substr(device.find('.') + 3);
    BOOST_TEST(w.auth.login({"admin", "password-1", "198.51.100.7", forged}).status().code() ==
               "session.too_many_failures");
    // A device's own wrong guesses count against that device alone.
    for (int i = 0; i < 10; ++i)
        BOOST_TEST(w.auth.login({"admin", "wrong", "10.0.0.1", device}).status().code() == "session.bad_credentials");
    BOOST_TEST(w.auth.login({"admin", "wrong", "10.0.0.1", device}).status().code() == "session.bad_credentials");
    BOOST_TEST(w.auth.login({"admin", "password-1", "10.0.0.1", device}).status().code() ==
               "session.too_many_failures");
    BOOST_TEST(w.auth.login({"admin", "password-1", "10.0.0.1", owner->device_token}).isOk());
}

BOOST_AUTO_TEST_CASE(a_new_password_voids_every_device_proof) {
    World w;
    auto first = w.auth.login("admin", "password-1", "10.0.0.1");
    BOOST_REQUIRE(first.isOk());
    BOOST_REQUIRE(w.auth.changePassword(first->token, "password-1", "password-2").isOk());
    for (int i = 0; i < 40; ++i) w.auth.login("admin", "wrong", "203.0.113." + std::to_string(i));
    BOOST_TEST(w.auth.login({"admin", "password-2", "10.0.0.1", first->device_token}).status().code() ==
               "session.too_many_failures");
}

BOOST_AUTO_TEST_CASE(login_rehashes_when_the_parameters_change) {
    World w{testing::realHashing()};
    app::CryptoPasswordHasher stronger(cheapHashing(crypto_pwhash_OPSLIMIT_MIN + 1));
    AuthService auth(*w.db, stronger, w.secrets, w.clock, {});
    std::string before, after;
    w.db->read([&](Stores& s) {
        before = s.users.userByLogin("admin")->password_hash;
        return Status::ok();
    });
    BOOST_TEST(stronger.needsRehash(before));
    BOOST_REQUIRE(auth.login("admin", "password-1", "10.0.0.1").isOk());
    w.db->read([&](Stores& s) {
        after = s.users.userByLogin("admin")->password_hash;
        return Status::ok();
    });
    BOOST_TEST(before != after);
    BOOST_TEST(!stronger.needsRehash(after));
    BOOST_TEST(auth.login("admin", "password-1", "10.0.0.1").isOk());
}

BOOST_AUTO_TEST_CASE(admin_shapes_the_district_and_nobody_else_does) {
    World w;
    Actor admin = w.actor(w.admin_id);
    auto street = w.admin.createStreet(admin, w.district, "罗店镇");
    BOOST_REQUIRE(street.isOk());
    auto community = w.admin.createCommunity(admin, street->id, "罗店村");
    BOOST_REQUIRE(community.isOk());
    BOOST_TEST(community->join_code.size() == 8u);
    BOOST_TEST((community->district_id == w.district));

    Actor committee = w.actor(w.committee_a);
    BOOST_TEST(w.admin.createStreet(committee, w.district, "X").status().code() == "district.forbidden");
    BOOST_TEST(w.admin.createCommunity(committee, street->id, "Y").status().code() == "district.forbidden");
    BOOST_TEST(w.admin.createStreet(admin, w.district, " ").status().code() == "name.invalid");
    BOOST_TEST(w.admin.createCommunity(admin, StreetId(999), "Z").status().code() == "street.not_found");

    auto person = w.signUpResident("zhao");
    BOOST_TEST(w.admin.grantRole(admin, person.user.id, Role::kCommittee, {ScopeKind::kStreet, street->id.value})
                   .status()
                   .code() == "role.scope_mismatch");
    auto grant =
        w.admin.grantRole(admin, person.user.id, Role::kCommittee, {ScopeKind::kCommunity, community->id.value});
    BOOST_REQUIRE(grant.isOk());
    BOOST_TEST(w.actor(person.user.id).isCommittee(community->id));
    BOOST_TEST(w.admin.grantRole(admin, person.user.id, Role::kCommittee, {ScopeKind::kCommunity, community->id.value})
                   .status()
                   .code() == "role.exists");
    BOOST_TEST(w.admin.grantRole(committee, person.user.id, Role::kObserver, {ScopeKind::kDistrict, w.district.value})
                   .status()
                   .code() == "district.forbidden");
    BOOST_TEST(w.admin.grantRole(admin, UserId(999), Role::kObserver, {ScopeKind::kDistrict, w.district.value})
                   .status()
                   .code() == "user.not_found");
    auto resident = w.admin.grantRole(admin, person.user.id, Role::kResident, {ScopeKind::kCommunity, w.a.id.value});
    BOOST_REQUIRE(resident.isOk());
    BOOST_TEST(w.actor(person.user.id).isVerifiedResident(w.a.id));
}

BOOST_AUTO_TEST_CASE(join_another_community_when_logged_in) {
    World w;
    auto person = w.signUpResident("zhao");
    Actor actor = w.actor(person.user.id);
    BOOST_TEST(w.communities.join(actor, w.a.id, "CODEAAAA").status().code() == "membership.exists");
    BOOST_TEST(w.communities.join(actor, w.b.id, "CODEAAAA").status().code() == "community.bad_join_code");
    auto joined = w.communities.join(actor, w.b.id, "CODEBBBB");
    BOOST_REQUIRE(joined.isOk());
    BOOST_TEST((w.actor(person.user.id).membershipIn(w.b.id) == MembershipStatus::kPending));
    // After a rejection one may ask again.
    BOOST_REQUIRE(
        w.communities
            .decide(w.actor(w.committee_b), w.b.id, person.user.id, VerificationDecision::kReject, "unknown address")
            .isOk());
    BOOST_TEST(w.communities.join(w.actor(person.user.id), w.b.id, "CODEBBBB").isOk());
}

BOOST_AUTO_TEST_SUITE_END()
