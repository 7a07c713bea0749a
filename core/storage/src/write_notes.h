#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"

namespace yishi::storage {

// What one write job changed, as far as cached reads care: noted by the
// stores while the job runs (the audit log for each recorded Change, the
// user and session stores for accounts) and published after the commit
// (ChangeSequence::publish). Belongs to the writer thread while its job runs.
struct WriteNotes {
    std::vector<CommunityId> communities;  // changes naming a community
    bool global = false;                   // a change naming no community
    std::vector<UserId> accounts;          // users whose account rows changed
    bool all_accounts = false;             // account rows changed whose users are not known

    void noteChange(CommunityId community, const std::string& action);
    void noteAccount(UserId user) { accounts.push_back(user); }
    bool empty() const { return communities.empty() && !global && accounts.empty() && !all_accounts; }
};

}  // namespace yishi::storage
