#include "connection.h"
#include "paging.h"
#include "sqlite_stores.h"
#include "write_notes.h"

namespace yishi::storage {

void SqliteAuditLog::append(const domain::AuditEntry& e) {
    if (WriteNotes* n = c_.notes()) n->noteChange(e.community, e.action);
    auto q = c_.prepare(
        "INSERT INTO audit_log (at_micros, actor_id, action, subject_kind, subject_id,"
        " community_id, reason, assisted_by, assisted_role, consent, consent_note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    if (e.assisted_by.valid()) {
        q->bind(8, e.assisted_by.value);
        q->bind(9, e.assisted_role);
        q->bind(10, e.consent);
        q->bind(11, e.consent_note);
    } else {
        for (int i = 8; i <= 11; ++i) q->bind(i);
    }
    q->exec();
}

namespace {

// The columns readEntry reads, in its order.
#define YISHI_AUDIT_COLUMNS                                                                         \
    "id, at_micros, actor_id, action, subject_kind, subject_id, community_id, reason, assisted_by," \
    " assisted_role, consent, consent_note"

domain::AuditEntry readEntry(SQLite::Statement& q) {
    domain::AuditEntry e{q.getColumn(0).getInt64(),
                         Instant::fromMicros(q.getColumn(1).getInt64()),
                         UserId(q.getColumn(2).getInt64()),
                         q.getColumn(3).getString(),
                         q.getColumn(4).getString(),
                         q.getColumn(5).getInt64(),
                         CommunityId(q.getColumn(6).getInt64()),
                         q.getColumn(7).getString()};
    if (!q.getColumn(8).isNull()) {
        e.assisted_by = UserId(q.getColumn(8).getInt64());
        e.assisted_role = q.getColumn(9).getString();
        e.consent = q.getColumn(10).getString();
        e.consent_note = q.getColumn(11).getString();
    }
    return e;
}

}  // namespace

std::vector<domain::AuditEntry> SqliteAuditLog::forCommunity(CommunityId community, const std::string& prefix,
                                                             int limit) {
    // A range on the prefix rather than LIKE, so the index serves it.
    auto q =
        c_.prepare("SELECT " YISHI_AUDIT_COLUMNS
                   " FROM audit_log WHERE community_id = ? AND action >= ? AND action < ? ORDER BY id DESC LIMIT ?");
    q->bind(1, community.value);
    q->bind(2, prefix);
    q->bind(3, prefix + "\xff");
    q->bind(4, limit);
    std::vector<domain::AuditEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

domain::Page<domain::AuditEntry> SqliteAuditLog::query(const domain::AuditQuery& a, domain::PageRequest page) {
    page = page.clamped();
    // The kind is an action or a dotted prefix of one: "role" matches "role.revoked.committee".
    auto q = c_.prepare("SELECT " YISHI_AUDIT_COLUMNS
                        " FROM audit_log"
                        " WHERE (? = 0 OR id < ?)"
                        " AND (CASE WHEN community_id IS NULL THEN ? = 1 AND action NOT LIKE 'session.%'"
                        "      WHEN ? > 0 THEN community_id = ?"
                        "      ELSE community_id IN (SELECT id FROM communities WHERE district_id = ?) END)"
                        " AND (? = '' OR action = ? OR (action >= ? AND action < ?))"
                        " AND (? = 0 OR at_micros >= ?) AND (? = 0 OR at_micros < ?)"
                        " ORDER BY id DESC LIMIT ?");
    int i = 0;
    q->bind(++i, page.after);
    q->bind(++i, page.after);
    q->bind(++i, a.unscoped && !a.community.valid() ? 1 : 0);
    q->bind(++i, a.community.value);
    q->bind(++i, a.community.value);
    q->bind(++i, a.district.value);
    q->bind(++i, a.kind);
    q->bind(++i, a.kind);
    q->bind(++i, a.kind + ".");
    q->bind(++i, a.kind + "/");  // '/' follows '.' in ASCII: the range holds "kind.*"
    q->bind(++i, a.since.micros());
    q->bind(++i, a.since.micros());
    q->bind(++i, a.until.micros());
    q->bind(++i, a.until.micros());
    q->bind(++i, page.limit + 1);
    domain::Page<domain::AuditEntry> out;
    while (q->executeStep()) out.items.push_back(readEntry(*q));
    finishPage(out, page.limit, [](const auto& e) { return e.id; });
    return out;
}

std::vector<domain::AuditEntry> SqliteAuditLog::forSubject(const std::string& kind, std::int64_t id, int limit) {
    auto q = c_.prepare("SELECT " YISHI_AUDIT_COLUMNS
                        " FROM audit_log WHERE subject_kind = ? AND subject_id = ? ORDER BY id DESC LIMIT ?");
    q->bind(1, kind);
    q->bind(2, id);
    q->bind(3, limit);
    std::vector<domain::AuditEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

}  // namespace yishi::storage
