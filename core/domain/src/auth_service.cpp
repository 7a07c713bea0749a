#include "yishi/domain/auth_service.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "session_cache.h"
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
      pair_throttle_(clock, options.per_account_and_address),
      account_throttle_(clock, options.per_account),
      device_throttle_(clock, options.per_device),
      sessions_(std::make_unique<SessionCache>(100'000)) {}

AuthService::~AuthService() = default;

// A device token is "<nonce>.<mac>": the mac a keyed hash of the account's id
// and the nonce under the account's password hash (secret to the server,
// salted, and changed by a new password). BLAKE2b over key and message
// together is a sound MAC.
std::string AuthService::deviceMac(const User& user, const std::string& password_hash, const std::string& nonce) {
    return secrets_.hashToken(std::string("yishi-device-v1") + '\0' + std::to_string(user.id.value) + '\0' +
                              password_hash + '\0' + nonce);
}

std::string AuthService::deviceTokenFor(const User& user, const std::string& password_hash) {
    const std::string nonce = secrets_.newToken();
    return nonce + "." + deviceMac(user, password_hash, nonce);
}

bool AuthService::deviceProves(const User& user, const std::string& token) {
    const std::size_t dot = token.find('.');
    if (token.empty() || token.size() > 256 || dot == std::string::npos || dot == 0) return false;
    const std::string nonce = token.substr(0, dot);
    const std::string expected = deviceMac(user, user.password_hash, nonce);
    const std::string given = token.substr(dot + 1);
    if (given.size() != expected.size()) return false;
    unsigned char diff = 0;  // in constant time: a timing must not reveal how much of a guess was right
    for (std::size_t i = 0; i < given.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return diff == 0;
}

Result<AuthService::NewSession> AuthService::login(const LoginAttempt& attempt) {
    const std::string& login = attempt.login;
    const std::string& password = attempt.password;
    std::optional<User> user;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        user = s.users.userByLogin(login);
        return Status::ok();
    }));
    const bool on_known_device = user && deviceProves(*user, attempt.device_token);
    // The device key is the token's nonce: one device, one count.
    const std::string device_key =
        on_known_device ? "device:" + attempt.device_token.substr(0, attempt.device_token.find('.')) : "";
    const std::string pair_key = login + '\0' + attempt.client_address;
    if (on_known_device) {
        if (int wait = device_throttle_.retryAfter(device_key)) return tooManyFailures(wait);
    } else {
        const int wait = std::max(pair_throttle_.retryAfter(pair_key), account_throttle_.retryAfter(login));
        if (wait > 0) return tooManyFailures(wait);
    }

    // Unknown logins cost a full hash too, so timing does not tell which
    // logins exist.
    const bool good = user ? hasher_.verify(user->password_hash, password) : (hasher_.verifyNothing(password), false);
    if (!good) {
        if (on_known_device) {
            device_throttle_.recordFailure(device_key);
        } else {
            pair_throttle_.recordFailure(pair_key);
            account_throttle_.recordFailure(login);
        }
        return badCredentials();
    }
    // The account's count is left to fade (an hour without failures): the
    // owner's success says nothing about whoever else is guessing.
    pair_throttle_.reset(pair_key);
    if (on_known_device) device_throttle_.reset(device_key);

    std::optional<std::string> new_hash;
    if (hasher_.needsRehash(user->password_hash)) {
        Result<std::string> rehashed = hasher_.hash(password);
        if (rehashed.isOk()) new_hash = rehashed.value();
    }

    NewSession result{
        *user, secrets_.newToken(), {}, deviceTokenFor(*user, new_hash ? *new_hash : user->password_hash)};
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

Result<std::vector<Community>> AuthService::joinedCommunities(const Actor& actor) {
    std::vector<Community> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        for (const Membership& m : actor.memberships()) {
            if (std::optional<Community> c = s.scopes.community(m.community_id)) out.push_back(std::move(*c));
        }
        return Status::ok();
    }));
    return out;
}

Result<AuthService::Authenticated> AuthService::authenticate(const std::string& token) {
    const Status invalid = Status::unauthenticated("session.invalid", "Your session has ended; please log in again.");
    if (token.empty()) return invalid;
    const std::string hash = secrets_.hashToken(token);
    const DataVersions* versions = db_.versions();
    if (versions) {
        if (auto known = sessions_->find(hash, *versions, clock_.now())) {
            return Authenticated{known->actor, known->session};
        }
    }
    const std::uint64_t read_at = versions ? versions->sequence() : 0;  // before the read
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
    if (versions) sessions_->store(hash, {result->actor, result->session}, read_at);
    return std::move(*result);
}

Result<int> AuthService::changePassword(const std::string& token, const std::string& current_password,
                                        const std::string& new_password) {
    Result<Authenticated> who = authenticate(token);
    if (!who.isOk()) return who.status();
    const User user = who.value().actor.user();
    const std::string keep = who.value().session.token_hash;
    // Only a session holder gets here: their own count, so nobody else's
    // guessing delays them.
    const std::string account_key = "password:" + std::to_string(user.id.value);
    if (int wait = device_throttle_.retryAfter(account_key)) return tooManyFailures(wait);
    YISHI_RETURN_IF_ERROR(validatePassword(new_password));
    if (!hasher_.verify(user.password_hash, current_password)) {
        device_throttle_.recordFailure(account_key);
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
    sessions_->forget(hash);  // the account's change after the write says it too
    return db_.write([&](Stores& s) {
        std::optional<Session> session = s.sessions.session(hash);
        if (!session) return Status::ok();
        s.sessions.deleteSession(hash);
        s.record({changes::kSessionEnded, clock_.now(), session->user_id, session->user_id.value, CommunityId()});
        return Status::ok();
    });
}

}  // namespace yishi::domain
