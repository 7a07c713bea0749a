#pragma once

#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/ports.h"

namespace yishi::app {

// One login of the demo district, as printed at start and written to
// demo-logins.json.
struct DemoLogin {
    std::string role;
    std::string scope;  // e.g. "community:1 友谊一村"
    std::string login;
    std::string password;
    std::string display_name;
    std::string note;
};

struct DemoDistrict {
    std::vector<DemoLogin> logins;
    std::vector<std::pair<std::string, std::string>> join_codes;  // community name, code
};

// Creates the demo district (two streets, three communities, a district
// admin, street staff, an observer, a committee member per community and
// residents, one of them still pending) when the database has no district
// yet. Returns what it made, or what exists already (without passwords it
// cannot know, which are then the documented demo ones).
Result<DemoDistrict> ensureDemoDistrict(domain::Database& db, domain::PasswordHasher& hasher,
                                        domain::SecretSource& secrets, const Clock& clock, bool* created);

// demo-logins.json: [{"role","scope","login","password","display_name"}...].
std::string demoLoginsJson(const DemoDistrict& demo);

}  // namespace yishi::app
