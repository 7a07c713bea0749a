#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/login_throttle.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/session.h"

namespace yishi::domain {

// Logging in and out, and turning a session token back into an Actor.
// Thread-safe; holds references to its collaborators, which must outlive it.
class AuthService {
  public:
    struct Options {
        Duration session_ttl = Duration::days(7);
        LoginThrottle::Limits per_account{5, Duration::minutes(15)};
        LoginThrottle::Limits per_address{30, Duration::minutes(15)};
    };

    struct NewSession {
        User user;
        std::string token;  // shown once; only its hash is stored
        Session session;
    };

    struct Authenticated {
        Actor actor;
        Session session;
    };

    AuthService(Database& db, PasswordHasher& hasher, SecretSource& secrets, const Clock& clock, Options options);

    // Checks the password and opens a session. Errors:
    //   rate_limited "session.too_many_failures" (per account or per client address),
    //   unauthenticated "session.bad_credentials" (unknown login or wrong password;
    //   both take as long as a real password check).
    Result<NewSession> login(const std::string& login, const std::string& password, const std::string& client_address);

    // The actor behind a token. unauthenticated "session.invalid" when the
    // token is unknown or expired.
    Result<Authenticated> authenticate(const std::string& token);

    // Ends the session of `token`; OK even when it had already ended.
    Status logout(const std::string& token);

    // The signed-in user of session `token` sets a new password, giving the
    // current one; every other session of theirs ends (this one stays).
    // Returns how many ended. Errors: unauthenticated "session.invalid";
    // forbidden "password.current_wrong" (counts as a failed login for the
    // throttle); rate_limited "session.too_many_failures"; invalid
    // "password.invalid" (8 to 256 characters).
    Result<int> changePassword(const std::string& token, const std::string& current_password,
                               const std::string& new_password);

    // Loads an Actor for a user id (grants and memberships).
    Result<Actor> actorFor(UserId user);

  private:
    Database& db_;
    PasswordHasher& hasher_;
    SecretSource& secrets_;
    const Clock& clock_;
    const Options options_;
    LoginThrottle account_throttle_;
    LoginThrottle address_throttle_;
};

}  // namespace yishi::domain
