#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// A login session. Only the hash of the bearer token is stored; the token
// itself is shown once, to the client that logged in.
struct Session {
    std::string token_hash;
    UserId user_id;
    std::string csrf_token;
    Instant created_at;
    Instant expires_at;
};

}  // namespace yishi::domain
