#include "connection.h"
#include "sqlite_stores.h"

namespace yishi::storage {

std::int64_t SqliteEventOutbox::append(const domain::DomainEvent& e) {
    auto q = c_.prepare(
        "INSERT INTO outbox (type, occurred_at, actor_id, community_id, subject_kind, subject_id,"
        " subject_owner, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.type);
    q->bind(2, e.occurred_at.micros());  // the column keeps microseconds
    if (e.actor.valid())
        q->bind(3, e.actor.value);
    else
        q->bind(3);
    if (e.community.valid())
        q->bind(4, e.community.value);
    else
        q->bind(4);
    q->bind(5, e.subject_kind);
    q->bind(6, e.subject_id);
    if (e.subject_owner.valid())
        q->bind(7, e.subject_owner.value);
    else
        q->bind(7);
    q->bind(8, e.quantity);
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::vector<domain::DomainEvent> SqliteEventOutbox::eventsAfter(std::int64_t after, int limit) {
    auto q = c_.prepare(
        "SELECT id, type, occurred_at, actor_id, community_id, subject_kind, subject_id, subject_owner, quantity"
        " FROM outbox WHERE id > ? ORDER BY id LIMIT ?");
    q->bind(1, after);
    q->bind(2, limit);
    std::vector<domain::DomainEvent> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getString(),
                       Instant::fromMicros(q->getColumn(2).getInt64()), UserId(q->getColumn(3).getInt64()),
                       CommunityId(q->getColumn(4).getInt64()), q->getColumn(5).getString(), q->getColumn(6).getInt64(),
                       UserId(q->getColumn(7).getInt64()), q->getColumn(8).getInt64()});
    }
    return out;
}

}  // namespace yishi::storage
