#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Reading the administrative tree, joining a community with its 社区码, and
// the committee's verification of those who joined. Every call checks the
// actor's role and scope. Thread-safe.
class CommunityService {
  public:
    struct CommunityView {
        Community community;
        Street street;
        District district;
        std::int64_t verified_residents = 0;
        bool show_join_code = false;  // only for those who manage it
    };

    struct DistrictView {
        District district;
        std::vector<Street> streets;
    };

    struct SignUp {
        std::string join_code;
        std::string login;
        std::string display_name;
        std::string password;
    };

    struct Joined {
        User user;
        Membership membership;
    };

    CommunityService(Database& db, PasswordHasher& hasher, const Clock& clock);

    // Public. not_found "district.not_found".
    Result<DistrictView> district(DistrictId id);
    // Public. not_found "district.not_found".
    Result<Page<Community>> communities(DistrictId district, PageRequest page);
    // Public; the join code is shown to those who manage the community.
    // not_found "community.not_found".
    Result<CommunityView> community(const Actor& actor, CommunityId id);

    // A new person signs up with the community's code and becomes a pending
    // resident. Errors: not_found "community.not_found"; forbidden
    // "community.bad_join_code"; invalid "<field>.invalid"; conflict
    // "user.login_taken".
    Result<Joined> signUp(CommunityId community, const SignUp& request);

    // A logged-in person joins one more community with its code (or joins
    // again after a rejection). Errors as signUp, plus conflict
    // "membership.exists".
    Result<Joined> join(const Actor& actor, CommunityId community, const std::string& join_code);

    // Members of a community, for those who oversee it. forbidden
    // "community.forbidden" otherwise.
    Result<Page<MemberSummary>> members(const Actor& actor, CommunityId community,
                                        std::optional<MembershipStatus> status, PageRequest page);

    // The committee (or a district admin) verifies or rejects a member, with
    // a reason the member sees. Errors: forbidden "community.forbidden";
    // not_found "membership.not_found"; the state machine's errors
    // (decideMembership).
    Result<Membership> decide(const Actor& actor, CommunityId community, UserId member, VerificationDecision decision,
                              const std::string& reason);

    // A resident ends their own membership (pending or verified): it becomes
    // "left". What they contributed (proposals, comments, points) stays under
    // their name; committee roles are separate grants and stay. They may
    // join again with the code. not_found "membership.not_found" when they
    // have no current membership there.
    Result<Membership> leave(const Actor& actor, CommunityId community);

  private:
    Database& db_;
    PasswordHasher& hasher_;
    const Clock& clock_;
};

}  // namespace yishi::domain
