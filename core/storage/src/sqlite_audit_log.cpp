#include "connection.h"
#include "sqlite_stores.h"

namespace yishi::storage {

void SqliteAuditLog::append(const domain::AuditEntry& e) {
    auto q = c_.prepare(
        "INSERT INTO audit_log (at_micros, actor_id, action, subject_kind, subject_id,"
        " community_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.at.micros());  // the column keeps microseconds
    if (e.actor.valid())
        q->bind(2, e.actor.value);
    else
        q->bind(2);
    q->bind(3, e.action);
    q->bind(4, e.subject_kind);
    q->bind(5, e.subject_id);
    if (e.community.valid())
        q->bind(6, e.community.value);
    else
        q->bind(6);
    q->bind(7, e.reason);
    q->exec();
}

namespace {

domain::AuditEntry readEntry(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),
            Instant::fromMicros(q.getColumn(1).getInt64()),
            UserId(q.getColumn(2).getInt64()),
            q.getColumn(3).getString(),
            q.getColumn(4).getString(),
            q.getColumn(5).getInt64(),
            CommunityId(q.getColumn(6).getInt64()),
            q.getColumn(7).getString()};
}

}  // namespace

std::vector<domain::AuditEntry> SqliteAuditLog::forCommunity(CommunityId community, const std::string& prefix,
                                                             int limit) {
    // A range on the prefix rather than LIKE, so the index serves it.
    auto q = c_.prepare(
        "SELECT id, at_micros, actor_id, action, subject_kind, subject_id, community_id, reason"
        " FROM audit_log WHERE community_id = ? AND action >= ? AND action < ? ORDER BY id DESC LIMIT ?");
    q->bind(1, community.value);
    q->bind(2, prefix);
    q->bind(3, prefix + "\xff");
    q->bind(4, limit);
    std::vector<domain::AuditEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

std::vector<domain::AuditEntry> SqliteAuditLog::forSubject(const std::string& kind, std::int64_t id, int limit) {
    auto q = c_.prepare(
        "SELECT id, at_micros, actor_id, action, subject_kind, subject_id, community_id, reason"
        " FROM audit_log WHERE subject_kind = ? AND subject_id = ? ORDER BY id DESC LIMIT ?");
    q->bind(1, kind);
    q->bind(2, id);
    q->bind(3, limit);
    std::vector<domain::AuditEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

}  // namespace yishi::storage
