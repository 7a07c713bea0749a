#include "connection.h"
#include "sqlite_stores.h"
#include "write_notes.h"

namespace yishi::storage {

std::optional<domain::Session> SqliteSessionStore::session(const std::string& token_hash) {
    auto q = c_.prepare(
        "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions"
        " WHERE token_hash = ?");
    q->bind(1, token_hash);
    if (!q->executeStep()) return std::nullopt;
    return domain::Session{q->getColumn(0).getString(), UserId(q->getColumn(1).getInt64()), q->getColumn(2).getString(),
                           Instant::fromSeconds(q->getColumn(3).getInt64()),
                           Instant::fromSeconds(q->getColumn(4).getInt64())};
}

void SqliteSessionStore::insertSession(const domain::Session& s) {
    if (WriteNotes* n = c_.notes()) n->noteAccount(s.user_id);
    auto q = c_.prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
        " VALUES (?, ?, ?, ?, ?)");
    q->bind(1, s.token_hash);
    q->bind(2, s.user_id.value);
    q->bind(3, s.csrf_token);
    q->bind(4, s.created_at.seconds());  // the columns keep seconds
    q->bind(5, s.expires_at.seconds());
    q->exec();
}

void SqliteSessionStore::deleteSession(const std::string& token_hash) {
    if (WriteNotes* n = c_.notes()) {
        if (std::optional<domain::Session> ended = session(token_hash)) n->noteAccount(ended->user_id);
    }
    auto q = c_.prepare("DELETE FROM sessions WHERE token_hash = ?");
    q->bind(1, token_hash);
    q->exec();
}

int SqliteSessionStore::deleteExpired(Instant now) {
    // Expired sessions are refused by their expiry already; no cached one is
    // made stale by their rows going.
    auto q = c_.prepare("DELETE FROM sessions WHERE expires_at <= ?");
    q->bind(1, now.seconds());
    return q->exec();
}

int SqliteSessionStore::deleteOthersOf(UserId user, const std::string& keep_token_hash) {
    if (WriteNotes* n = c_.notes()) n->noteAccount(user);
    auto q = c_.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
    q->bind(1, user.value);
    q->bind(2, keep_token_hash);
    return q->exec();
}

}  // namespace yishi::storage
