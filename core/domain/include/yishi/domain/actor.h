#pragma once

#include <optional>
#include <vector>

#include "yishi/common/status.h"
#include "yishi/domain/people.h"
#include "yishi/domain/scope.h"

namespace yishi::domain {

// Who is making a call, with everything authorization needs: their role
// grants and community memberships. Services check an Actor on every use
// case; the HTTP layer only builds it from the session.
class Actor {
  public:
    static Actor anonymous() { return Actor(); }
    Actor(User user, std::vector<RoleGrant> grants, std::vector<Membership> memberships);

    bool isAuthenticated() const { return user_.has_value(); }
    // REQUIRES: isAuthenticated().
    const User& user() const { return *user_; }
    UserId userId() const { return user_ ? user_->id : UserId(); }
    const std::vector<RoleGrant>& grants() const { return grants_; }
    const std::vector<Membership>& memberships() const { return memberships_; }
    // Every role the person holds: the granted ones, then `resident` of each
    // community where their membership is verified (being a resident is a
    // verified membership, never a stored grant).
    std::vector<RoleGrant> roles() const;

    bool hasGrant(Role role, ScopeRef scope) const;
    bool isDistrictAdmin(DistrictId district) const;
    bool isStreetStaff(StreetId street) const;
    bool isCommittee(CommunityId community) const;
    bool isObserver(DistrictId district) const;
    bool isVerifiedResident(CommunityId community) const;
    std::optional<MembershipStatus> membershipIn(CommunityId community) const;

    // Runs the community: its committee, or an admin of its district.
    bool canManage(const Community& community) const;
    // Runs the street: its staff, or an admin of its district.
    bool canManage(const Street& street) const;
    // May see the community's internal lists: those who manage it, the staff
    // of its street, observers of its district.
    bool canOversee(const Community& community) const;

    // How this person appears in `community`'s public records: "committee",
    // "district_admin" or "street_staff" for officials, else "resident".
    const char* publicRoleIn(const Community& community) const;

    // OK when signed in; unauthenticated "session.required" otherwise.
    Status requireSignedIn() const;

    // OK for a verified resident of `community`; otherwise unauthenticated
    // ("session.required"), or forbidden with "membership.pending",
    // "membership.rejected" or "membership.none".
    Status requireVerifiedResident(CommunityId community) const;

    // OK for a verified resident of some community within `scope` (the
    // community itself, the communities of a street or of a district), and
    // *where names it (the first such membership). `theirs` are the
    // communities of the person's memberships, as the caller read them (an
    // Actor knows the ids only). Otherwise unauthenticated
    // ("session.required"), or forbidden "membership.pending" or
    // "membership.rejected" when that is all they have within the scope, and
    // "membership.outside_scope" when they have nothing there.
    Status requireVerifiedResidentWithin(ScopeRef scope, const std::vector<Community>& theirs,
                                         CommunityId* where) const;

  private:
    Actor() = default;

    std::optional<User> user_;
    std::vector<RoleGrant> grants_;
    std::vector<Membership> memberships_;
};

}  // namespace yishi::domain
