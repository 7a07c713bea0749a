#include <boost/test/unit_test.hpp>

#include "yishi/domain/actor.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

// Two communities on two streets of one district, and a community of another district.
const Community kA{CommunityId(1), StreetId(10), DistrictId(100), "A", "AAAA"};
const Community kB{CommunityId(2), StreetId(11), DistrictId(100), "B", "BBBB"};
const Community kOther{CommunityId(3), StreetId(20), DistrictId(200), "C", "CCCC"};

Actor withGrant(Role role, ScopeKind kind, std::int64_t id) {
    return Actor(User{UserId(7), "x", "X", "", {}}, {RoleGrant{UserId(7), role, {kind, id}, {}, UserId()}}, {});
}

Actor withMembership(CommunityId c, MembershipStatus status) {
    return Actor(User{UserId(8), "y", "Y", "", {}}, {}, {Membership{UserId(8), c, status, {}, {}, UserId(), ""}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(actor)

BOOST_AUTO_TEST_CASE(committee_manages_only_its_own_community) {
    Actor committee = withGrant(Role::kCommittee, ScopeKind::kCommunity, 1);
    BOOST_TEST(committee.canManage(kA));
    BOOST_TEST(!committee.canManage(kB));
    BOOST_TEST(!committee.canOversee(kB));
    BOOST_TEST(!committee.canManage(kOther));
}

BOOST_AUTO_TEST_CASE(district_admin_manages_its_district_only) {
    Actor admin = withGrant(Role::kDistrictAdmin, ScopeKind::kDistrict, 100);
    BOOST_TEST(admin.canManage(kA));
    BOOST_TEST(admin.canManage(kB));
    BOOST_TEST(!admin.canManage(kOther));
}

BOOST_AUTO_TEST_CASE(street_staff_and_observers_oversee_without_managing) {
    Actor staff = withGrant(Role::kStreetStaff, ScopeKind::kStreet, 10);
    BOOST_TEST(staff.canOversee(kA));
    BOOST_TEST(!staff.canManage(kA));
    BOOST_TEST(!staff.canOversee(kB));
    Actor observer = withGrant(Role::kObserver, ScopeKind::kDistrict, 100);
    BOOST_TEST(observer.canOversee(kB));
    BOOST_TEST(!observer.canManage(kB));
    BOOST_TEST(!observer.canOversee(kOther));
}

BOOST_AUTO_TEST_CASE(a_grant_on_a_street_is_not_a_grant_on_a_community_with_the_same_id) {
    Actor staff = withGrant(Role::kCommittee, ScopeKind::kStreet, 1);
    BOOST_TEST(!staff.isCommittee(CommunityId(1)));
}

BOOST_AUTO_TEST_CASE(residents_may_act_only_once_verified) {
    BOOST_TEST(withMembership(kA.id, MembershipStatus::kVerified).requireVerifiedResident(kA.id).isOk());
    BOOST_TEST(withMembership(kA.id, MembershipStatus::kPending).requireVerifiedResident(kA.id).code() ==
               "membership.pending");
    BOOST_TEST(withMembership(kA.id, MembershipStatus::kRejected).requireVerifiedResident(kA.id).code() ==
               "membership.rejected");
    BOOST_TEST(withMembership(kA.id, MembershipStatus::kVerified).requireVerifiedResident(kB.id).code() ==
               "membership.none");
    BOOST_TEST(Actor::anonymous().requireVerifiedResident(kA.id).code() == "session.required");
}

BOOST_AUTO_TEST_CASE(roles_include_resident_where_verified) {
    Actor verified = withMembership(CommunityId(1), MembershipStatus::kVerified);
    BOOST_REQUIRE_EQUAL(verified.roles().size(), 1u);
    BOOST_TEST((verified.roles()[0].role == Role::kResident));
    BOOST_TEST((verified.roles()[0].scope == ScopeRef{ScopeKind::kCommunity, 1}));
    BOOST_TEST(withMembership(CommunityId(1), MembershipStatus::kPending).roles().empty());
    BOOST_TEST(withMembership(CommunityId(1), MembershipStatus::kRejected).roles().empty());
    BOOST_TEST(withGrant(Role::kCommittee, ScopeKind::kCommunity, 1).roles().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_street_is_run_by_its_staff_and_its_districts_admins) {
    const Street street{StreetId(10), DistrictId(100), "S"};
    BOOST_TEST(withGrant(Role::kStreetStaff, ScopeKind::kStreet, 10).canManage(street));
    BOOST_TEST(!withGrant(Role::kStreetStaff, ScopeKind::kStreet, 11).canManage(street));
    BOOST_TEST(withGrant(Role::kDistrictAdmin, ScopeKind::kDistrict, 100).canManage(street));
    BOOST_TEST(!withGrant(Role::kDistrictAdmin, ScopeKind::kDistrict, 200).canManage(street));
    BOOST_TEST(!withGrant(Role::kCommittee, ScopeKind::kCommunity, 1).canManage(street));
}

BOOST_AUTO_TEST_CASE(a_scope_contains_its_communities) {
    BOOST_TEST(scopeContains({ScopeKind::kCommunity, 1}, kA));
    BOOST_TEST(!scopeContains({ScopeKind::kCommunity, 1}, kB));
    BOOST_TEST(scopeContains({ScopeKind::kStreet, 10}, kA));
    BOOST_TEST(!scopeContains({ScopeKind::kStreet, 10}, kB));
    BOOST_TEST(scopeContains({ScopeKind::kDistrict, 100}, kB));
    BOOST_TEST(!scopeContains({ScopeKind::kDistrict, 100}, kOther));
}

BOOST_AUTO_TEST_CASE(a_resident_of_any_community_within_a_scope_takes_part_there) {
    const std::vector<Community> all{kA, kB, kOther};
    CommunityId where;
    BOOST_TEST(withMembership(kB.id, MembershipStatus::kVerified)
                   .requireVerifiedResidentWithin({ScopeKind::kDistrict, 100}, all, &where)
                   .isOk());
    BOOST_TEST(where.value == kB.id.value);
    BOOST_TEST(withMembership(kB.id, MembershipStatus::kVerified)
                   .requireVerifiedResidentWithin({ScopeKind::kStreet, 10}, all, &where)
                   .code() == "membership.outside_scope");
    BOOST_TEST(withMembership(kA.id, MembershipStatus::kPending)
                   .requireVerifiedResidentWithin({ScopeKind::kStreet, 10}, all, &where)
                   .code() == "membership.pending");
    // Only the communities the caller read count: an unknown one is outside.
    BOOST_TEST(withMembership(kA.id, MembershipStatus::kVerified)
                   .requireVerifiedResidentWithin({ScopeKind::kStreet, 10}, {kB}, &where)
                   .code() == "membership.outside_scope");
    // A verified membership within the scope wins over a pending one elsewhere in it.
    const Actor both(User{UserId(9), "z", "Z", "", {}}, {},
                     {Membership{UserId(9), kA.id, MembershipStatus::kPending, {}, {}, UserId(), ""},
                      Membership{UserId(9), kB.id, MembershipStatus::kVerified, {}, {}, UserId(), ""}});
    BOOST_TEST(both.requireVerifiedResidentWithin({ScopeKind::kDistrict, 100}, all, &where).isOk());
    BOOST_TEST(where.value == kB.id.value);
    BOOST_TEST(Actor::anonymous().requireVerifiedResidentWithin({ScopeKind::kDistrict, 100}, all, &where).code() ==
               "session.required");
}

BOOST_AUTO_TEST_CASE(anonymous_has_nothing) {
    Actor a = Actor::anonymous();
    BOOST_TEST(!a.isAuthenticated());
    BOOST_TEST(!a.canOversee(kA));
    BOOST_TEST(!a.userId().valid());
}

BOOST_AUTO_TEST_SUITE_END()
