#include "yishi/domain/people.h"

namespace yishi::domain {

namespace {

constexpr Role kRoles[] = {Role::kResident, Role::kCommittee, Role::kStreetStaff, Role::kDistrictAdmin,
                           Role::kObserver};
constexpr MembershipStatus kStatuses[] = {MembershipStatus::kPending, MembershipStatus::kVerified,
                                          MembershipStatus::kRejected, MembershipStatus::kLeft};

}  // namespace

const char* roleName(Role role) {
    switch (role) {
        case Role::kResident: return "resident";
        case Role::kCommittee: return "committee";
        case Role::kStreetStaff: return "street_staff";
        case Role::kDistrictAdmin: return "district_admin";
        case Role::kObserver: return "observer";
    }
    return "observer";
}

bool parseRole(const std::string& text, Role* role) {
    for (Role r : kRoles) {
        if (text == roleName(r)) {
            *role = r;
            return true;
        }
    }
    return false;
}

ScopeKind scopeKindOf(Role role) {
    switch (role) {
        case Role::kResident:
        case Role::kCommittee: return ScopeKind::kCommunity;
        case Role::kStreetStaff: return ScopeKind::kStreet;
        case Role::kDistrictAdmin:
        case Role::kObserver: return ScopeKind::kDistrict;
    }
    return ScopeKind::kDistrict;
}

const char* membershipStatusName(MembershipStatus status) {
    switch (status) {
        case MembershipStatus::kPending: return "pending";
        case MembershipStatus::kVerified: return "verified";
        case MembershipStatus::kRejected: return "rejected";
        case MembershipStatus::kLeft: return "left";
    }
    return "pending";
}

bool parseMembershipStatus(const std::string& text, MembershipStatus* status) {
    for (MembershipStatus s : kStatuses) {
        if (text == membershipStatusName(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

bool parseVerificationDecision(const std::string& text, VerificationDecision* decision) {
    if (text == "verify") {
        *decision = VerificationDecision::kVerify;
        return true;
    }
    if (text == "reject") {
        *decision = VerificationDecision::kReject;
        return true;
    }
    return false;
}

Result<MembershipStatus> decideMembership(MembershipStatus current, VerificationDecision decision,
                                          const std::string& reason) {
    if (decision == VerificationDecision::kReject && reason.empty()) {
        return Status::invalid("membership.reason_required", "A rejection needs a reason that the person will see.");
    }
    switch (current) {
        case MembershipStatus::kPending:
            return decision == VerificationDecision::kVerify ? MembershipStatus::kVerified
                                                             : MembershipStatus::kRejected;
        case MembershipStatus::kVerified:
            if (decision == VerificationDecision::kReject) return MembershipStatus::kRejected;
            return Status::conflict("membership.already_verified", "This person is already a verified resident.");
        case MembershipStatus::kRejected:
        case MembershipStatus::kLeft: break;
    }
    return Status::conflict("membership.not_pending",
                            "This membership was rejected; the person must join again first.");
}

Status checkRejoin(MembershipStatus current) {
    if (current == MembershipStatus::kRejected || current == MembershipStatus::kLeft) return Status::ok();
    return Status::conflict("membership.exists", current == MembershipStatus::kPending
                                                     ? "You have already joined; the committee has not decided yet."
                                                     : "You are already a verified resident of this community.");
}

}  // namespace yishi::domain
