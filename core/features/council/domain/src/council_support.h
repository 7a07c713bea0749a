#pragma once

#include <optional>
#include <string>

#include "yishi/domain/ports.h"

// What the council's services ask of people alike (inside one transaction).
namespace yishi::domain::council_support {

inline bool verifiedResident(Stores& s, UserId user, CommunityId community) {
    std::optional<Membership> m = s.users.membership(user, community);
    return m && m->status == MembershipStatus::kVerified;
}

// The display name as it is now (empty: no such user).
inline std::string nameOf(Stores& s, UserId user) {
    std::optional<User> u = s.users.user(user);
    return u ? u->display_name : std::string();
}

}  // namespace yishi::domain::council_support
