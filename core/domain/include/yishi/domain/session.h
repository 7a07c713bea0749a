#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"

namespace yishi::domain {

// A login session. Only the hash of the bearer token is stored; the token
// itself is shown once, to the client that logged in.
struct Session {
    std::string token_hash;
    UserId user_id;
    std::string csrf_token;
    std::int64_t created_at = 0;  // seconds since the epoch
    std::int64_t expires_at = 0;
};

}  // namespace yishi::domain
