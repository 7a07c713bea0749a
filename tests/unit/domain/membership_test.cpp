#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "yishi/domain/people.h"

using namespace yishi::domain;
namespace bdata = boost::unit_test::data;

namespace {

struct Case {
    MembershipStatus from;
    VerificationDecision decision;
    const char* reason;
    // Either the next status, or the error code.
    MembershipStatus to;
    const char* error;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << membershipStatusName(c.from) << "+"
               << (c.decision == VerificationDecision::kVerify ? "verify" : "reject") << "(" << c.reason << ")";
}

const Case kCases[] = {
    {MembershipStatus::kPending, VerificationDecision::kVerify, "", MembershipStatus::kVerified, ""},
    {MembershipStatus::kPending, VerificationDecision::kVerify, "known neighbour", MembershipStatus::kVerified, ""},
    {MembershipStatus::kPending, VerificationDecision::kReject, "not living here", MembershipStatus::kRejected, ""},
    {MembershipStatus::kPending, VerificationDecision::kReject, "", MembershipStatus::kPending,
     "membership.reason_required"},
    {MembershipStatus::kVerified, VerificationDecision::kVerify, "", MembershipStatus::kVerified,
     "membership.already_verified"},
    {MembershipStatus::kVerified, VerificationDecision::kReject, "moved away", MembershipStatus::kRejected, ""},
    {MembershipStatus::kVerified, VerificationDecision::kReject, "", MembershipStatus::kVerified,
     "membership.reason_required"},
    {MembershipStatus::kRejected, VerificationDecision::kVerify, "", MembershipStatus::kRejected,
     "membership.not_pending"},
    {MembershipStatus::kRejected, VerificationDecision::kReject, "again", MembershipStatus::kRejected,
     "membership.not_pending"},
};

}  // namespace

BOOST_TEST_DONT_PRINT_LOG_VALUE(MembershipStatus)

BOOST_AUTO_TEST_SUITE(membership)

BOOST_DATA_TEST_CASE(state_machine, bdata::make(kCases), c) {
    auto result = decideMembership(c.from, c.decision, c.reason);
    if (std::string(c.error).empty()) {
        BOOST_REQUIRE(result.isOk());
        BOOST_TEST((result.value() == c.to));
    } else {
        BOOST_REQUIRE(!result.isOk());
        BOOST_TEST(result.status().code() == c.error);
    }
}

BOOST_AUTO_TEST_CASE(only_a_rejected_person_may_join_again) {
    BOOST_TEST(checkRejoin(MembershipStatus::kRejected).isOk());
    BOOST_TEST(checkRejoin(MembershipStatus::kPending).code() == "membership.exists");
    BOOST_TEST(checkRejoin(MembershipStatus::kVerified).code() == "membership.exists");
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (MembershipStatus s : {MembershipStatus::kPending, MembershipStatus::kVerified, MembershipStatus::kRejected}) {
        MembershipStatus parsed;
        BOOST_TEST(parseMembershipStatus(membershipStatusName(s), &parsed));
        BOOST_TEST((parsed == s));
    }
    for (Role r : {Role::kResident, Role::kCommittee, Role::kStreetStaff, Role::kDistrictAdmin, Role::kObserver}) {
        Role parsed;
        BOOST_TEST(parseRole(roleName(r), &parsed));
        BOOST_TEST((parsed == r));
    }
    Role ignored;
    BOOST_TEST(!parseRole("mayor", &ignored));
}

BOOST_AUTO_TEST_CASE(each_role_has_its_scope_kind) {
    BOOST_TEST((scopeKindOf(Role::kCommittee) == ScopeKind::kCommunity));
    BOOST_TEST((scopeKindOf(Role::kResident) == ScopeKind::kCommunity));
    BOOST_TEST((scopeKindOf(Role::kStreetStaff) == ScopeKind::kStreet));
    BOOST_TEST((scopeKindOf(Role::kDistrictAdmin) == ScopeKind::kDistrict));
    BOOST_TEST((scopeKindOf(Role::kObserver) == ScopeKind::kDistrict));
}

BOOST_AUTO_TEST_SUITE_END()
