#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/login_throttle.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// A join code as typed, made comparable: ASCII letters upper-cased, and the
// spaces and dashes people put between groups of characters (ASCII, the
// ideographic space and full-width dashes) dropped. "kfvw-fy4b" and
// "KFVW FY4B" are the code KFVWFY4B.
std::string normalizeJoinCode(const std::string& typed);

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

    // Wrong join codes allowed per account (a sign-up: per client address)
    // within the window; more are refused with 429 until the window ends.
    static constexpr LoginThrottle::Limits kWrongCodeLimits{10, Duration::hours(1)};

    CommunityService(Database& db, PasswordHasher& hasher, const Clock& clock);

    // Public. not_found "district.not_found".
    Result<DistrictView> district(DistrictId id);
    // Public. not_found "district.not_found".
    Result<Page<Community>> communities(DistrictId district, PageRequest page);
    // Public; the join code is shown to those who manage the community.
    // not_found "community.not_found".
    Result<CommunityView> community(const Actor& actor, CommunityId id);

    // A new person signs up with the community's code and becomes a pending
    // resident. The code is compared as normalizeJoinCode says (case, spaces
    // and dashes do not matter). Errors: not_found "community.not_found";
    // forbidden "community.bad_join_code"; rate_limited
    // "community.too_many_wrong_codes" after kWrongCodeLimits wrong codes from
    // the client address; invalid "<field>.invalid"; conflict
    // "user.login_taken".
    // `client_address` is whom wrong codes count against (there is no account yet).
    Result<Joined> signUp(CommunityId community, const SignUp& request, const std::string& client_address = "");

    // A logged-in person joins one more community with its code (or joins
    // again after a rejection). Errors as signUp (wrong codes counted per
    // account), plus conflict "membership.exists".
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
    // OK, or rate_limited while `key` has used up its wrong codes.
    Status checkWrongCodes(const std::string& key);
    // Counts a wrong code against `key` when `status` says the code was wrong.
    void countWrongCode(const std::string& key, const Status& status);

    Database& db_;
    PasswordHasher& hasher_;
    const Clock& clock_;
    LoginThrottle wrong_codes_;
};

}  // namespace yishi::domain
