#include "yishi/domain/auth_service.h"

#include <optional>
#include <utility>

#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status badCredentials() { return Status::unauthenticated("session.bad_credentials", "Wrong login or password."); }

Status tooManyFailures(int retry_after) {
    return Status::rateLimited("session.too_many_failures", "Too many failed logins; please wait before trying again.",
                               retry_after);
}

}  // namespace

AuthService::AuthService(Database& db, PasswordHasher& hasher, SecretSource& secrets, const Clock& clock,
                         Options options)
    : db_(db),
      hasher_(hasher),
      secrets_(secrets),
      clock_(clock),
      options_(options),
      account_throttle_(clock, options.per_account),
      address_throttle_(clock, options.per_address) {}

Result<AuthService::NewSession> AuthService::login(const std::string& login, const std::string& password,
                                                   const std::string& client_address) {
    const std::string account_key = "login:" + login;
    const std::string address_key = "address:" + client_address;
    if (int wait = address_throttle_.retryAfter(address_key)) return tooManyFailures(wait);
    if (int wait = account_throttle_.retryAfter(account_key)) return tooManyFailures(wait);

    std::optional<User> user;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        user = s.users.userByLogin(login);
        return Status::ok();
    }));
    // Unknown logins cost a full hash too, so timing does not tell which
    // logins exist.
    const bool good = user ? hasher_.verify(user->password_hash, password) : (hasher_.verifyNothing(password), false);
    if (!good) {
        account_throttle_.recordFailure(account_key);
        address_throttle_.recordFailure(address_key);
        return badCredentials();
    }
    account_throttle_.reset(account_key);

    std::optional<std::string> new_hash;
    if (hasher_.needsRehash(user->password_hash)) {
        Result<std::string> rehashed = hasher_.hash(password);
        if (rehashed.isOk()) new_hash = rehashed.value();
    }

    NewSession result{*user, secrets_.newToken(), {}};
    Session& session = result.session;
    session.token_hash = secrets_.hashToken(result.token);
    session.user_id = user->id;
    session.csrf_token = secrets_.newToken();
    session.created_at = clock_.now();
    session.expires_at = session.created_at + options_.session_ttl;

    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        if (new_hash) {
            s.users.updatePasswordHash(user->id, *new_hash);
            result.user.password_hash = *new_hash;
        }
        s.sessions.deleteExpired(session.created_at);
        s.sessions.insertSession(session);
        s.record({changes::kSessionCreated, clock_.now(), user->id, user->id.value, CommunityId()});
        return Status::ok();
    }));
    return result;
}

Result<Actor> AuthService::actorFor(UserId user_id) {
    std::optional<Actor> actor;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<User> user = s.users.user(user_id);
        if (!user) return Status::unauthenticated("session.invalid", "Your account no longer exists.");
        actor.emplace(std::move(*user), s.users.grants(user_id), s.users.memberships(user_id));
        return Status::ok();
    }));
    return std::move(*actor);
}

Result<AuthService::Authenticated> AuthService::authenticate(const std::string& token) {
    const Status invalid = Status::unauthenticated("session.invalid", "Your session has ended; please log in again.");
    if (token.empty()) return invalid;
    const std::string hash = secrets_.hashToken(token);
    std::optional<Authenticated> result;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Session> session = s.sessions.session(hash);
        if (!session || session->expires_at <= clock_.now()) return invalid;
        std::optional<User> user = s.users.user(session->user_id);
        if (!user) return invalid;
        result.emplace(Authenticated{
            Actor(std::move(*user), s.users.grants(session->user_id), s.users.memberships(session->user_id)),
            std::move(*session)});
        return Status::ok();
    }));
    return std::move(*result);
}

Result<int> AuthService::changePassword(const std::string& token, const std::string& current_password,
                                        const std::string& new_password) {
    Result<Authenticated> who = authenticate(token);
    if (!who.isOk()) return who.status();
    const User user = who.value().actor.user();
    const std::string keep = who.value().session.token_hash;
    const std::string account_key = "login:" + user.login;
    if (int wait = account_throttle_.retryAfter(account_key)) return tooManyFailures(wait);
    YISHI_RETURN_IF_ERROR(validatePassword(new_password));
    if (!hasher_.verify(user.password_hash, current_password)) {
        account_throttle_.recordFailure(account_key);
        return Status::forbidden("password.current_wrong", "The current password is not right.");
    }
    YISHI_ASSIGN_OR_RETURN(std::string hash, hasher_.hash(new_password));
    int ended = 0;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        s.users.updatePasswordHash(user.id, hash);
        ended = s.sessions.deleteOthersOf(user.id, keep);
        s.record({changes::kPasswordChanged, clock_.now(), user.id, user.id.value, CommunityId(),
                  std::to_string(ended) + " other sessions ended"});
        return Status::ok();
    }));
    return ended;
}

Status AuthService::logout(const std::string& token) {
    const std::string hash = secrets_.hashToken(token);
    return db_.write([&](Stores& s) {
        std::optional<Session> session = s.sessions.session(hash);
        if (!session) return Status::ok();
        s.sessions.deleteSession(hash);
        s.record({changes::kSessionEnded, clock_.now(), session->user_id, session->user_id.value, CommunityId()});
        return Status::ok();
    });
}

}  // namespace yishi::domain
