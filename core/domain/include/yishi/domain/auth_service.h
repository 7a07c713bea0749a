#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/backoff_throttle.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/session.h"

namespace yishi::domain {

// Logging in and out, and turning a session token back into an Actor.
// Thread-safe; holds references to its collaborators, which must outlive it.
//
// Failed logins slow guessing without letting anyone shut the owner out
// (docs/api.md, "Logins"). Three counts, each a BackoffThrottle (a few free
// failures, then a wait that doubles with each failure up to a cap, never a
// lockout):
//   - per account and address: a guesser at one address waits, the owner
//     elsewhere does not notice;
//   - per account, for logins without a device proof: guessing from many
//     addresses is slowed too;
//   - per device proof: a login that presents a proof of an earlier
//     successful login of this account on this device (the device token,
//     kept by the browser as a cookie) is judged by its own count alone, so
//     no amount of guessing by others delays the owner on their own device.
// There is no count per address alone: everyone behind one proxy or one
// carrier's address shares it, and 30 failures there used to lock them all
// out. Guessing across many accounts from one address is still paid for by
// a full password hash per try (bounded concurrency).
//
// Sessions are kept in memory once read (SessionCache), when the database
// tells when accounts change (Database::versions()): a request with a known
// token then reads nothing. A logout, a new password, a grant or membership
// change, or the session's expiry takes effect at the very next request.
class SessionCache;

class AuthService {
  public:
    struct Options {
        Duration session_ttl = Duration::days(7);
        BackoffThrottle::Limits per_account_and_address{5, Duration::seconds(1), Duration::minutes(15),
                                                        Duration::hours(1)};
        BackoffThrottle::Limits per_account{10, Duration::seconds(1), Duration::minutes(5), Duration::hours(1)};
        BackoffThrottle::Limits per_device{10, Duration::seconds(1), Duration::minutes(15), Duration::hours(1)};
    };

    struct LoginAttempt {
        std::string login;
        std::string password;
        std::string client_address;  // the client's, as a trusted proxy reports it
        std::string device_token;    // as presented ("" when none)
    };

    struct NewSession {
        User user;
        std::string token;  // shown once; only its hash is stored
        Session session;
        // A fresh proof that this account logged in on this device, for the
        // client to keep and present at its next login. It holds no user id:
        // it is checked against the account being logged into, with a key
        // derived from that account's password hash, so a new password
        // voids every device's proof.
        std::string device_token;
    };

    struct Authenticated {
        Actor actor;
        Session session;
    };

    AuthService(Database& db, PasswordHasher& hasher, SecretSource& secrets, const Clock& clock, Options options);
    ~AuthService();

    // Checks the password and opens a session. Errors:
    //   rate_limited "session.too_many_failures" with the seconds to wait
    //   (the counts above: the right password is refused too while a wait is
    //   owed, else the wait would not slow guessing),
    //   unauthenticated "session.bad_credentials" (unknown login or wrong password;
    //   both take as long as a real password check).
    Result<NewSession> login(const LoginAttempt& attempt);
    Result<NewSession> login(const std::string& login, const std::string& password, const std::string& client_address) {
        return this->login(LoginAttempt{login, password, client_address, ""});
    }

    // The actor behind a token. unauthenticated "session.invalid" when the
    // token is unknown or expired. From memory when it was read before and
    // its account has not changed since.
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

    // The communities the actor has joined (any membership status), so their
    // names can be shown; one the store no longer has is left out.
    Result<std::vector<Community>> joinedCommunities(const Actor& actor);

  private:
    Database& db_;
    PasswordHasher& hasher_;
    SecretSource& secrets_;
    const Clock& clock_;
    const Options options_;
    // Whether `token` proves an earlier login of `user` on the device.
    bool deviceProves(const User& user, const std::string& token);
    std::string deviceTokenFor(const User& user, const std::string& password_hash);
    std::string deviceMac(const User& user, const std::string& password_hash, const std::string& nonce);

    BackoffThrottle pair_throttle_;
    BackoffThrottle account_throttle_;
    BackoffThrottle device_throttle_;
    const std::unique_ptr<SessionCache> sessions_;
};

}  // namespace yishi::domain
