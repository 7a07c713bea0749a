#include "sqlite_convention_store.h"
#include "connection.h"
#include "paging.h"

namespace yishi::storage {

std::optional<domain::Convention> SqliteConventionStore::convention(domain::ConventionId id) {
    auto q = c_.prepare("SELECT id, community_id, title, current_version, created_at FROM conventions WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return domain::Convention{domain::ConventionId(q->getColumn(0).getInt64()), CommunityId(q->getColumn(1).getInt64()),
                              q->getColumn(2).getString(), q->getColumn(3).getInt(),
                              Instant::fromSeconds(q->getColumn(4).getInt64())};
}

domain::ConventionId SqliteConventionStore::insertConvention(const domain::Convention& c) {
    auto q =
        c_.prepare("INSERT INTO conventions (community_id, title, current_version, created_at) VALUES (?, ?, ?, ?)");
    q->bind(1, c.community_id.value);
    q->bind(2, c.title);
    q->bind(3, c.current_version);
    q->bind(4, c.created_at.seconds());  // the time columns keep seconds
    q->exec();
    return domain::ConventionId(c_.db().getLastInsertRowid());
}

void SqliteConventionStore::setCurrentVersion(domain::ConventionId id, int version) {
    auto q = c_.prepare("UPDATE conventions SET current_version = ? WHERE id = ?");
    q->bind(1, version);
    q->bind(2, id.value);
    q->exec();
}

domain::Page<domain::Convention> SqliteConventionStore::conventions(CommunityId community, domain::PageRequest page) {
    auto q = c_.prepare(
        "SELECT id, community_id, title, current_version, created_at FROM conventions"
        " WHERE community_id = ? AND id > ? ORDER BY id LIMIT ?");
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<domain::Convention> out;
    while (q->executeStep()) {
        out.items.push_back({domain::ConventionId(q->getColumn(0).getInt64()), CommunityId(q->getColumn(1).getInt64()),
                             q->getColumn(2).getString(), q->getColumn(3).getInt(),
                             Instant::fromSeconds(q->getColumn(4).getInt64())});
    }
    finishPage(out, page.limit, [](const auto& item) { return item.id.value; });
    return out;
}

void SqliteConventionStore::insertVersion(const domain::ConventionVersion& v) {
    auto q = c_.prepare(
        "INSERT INTO convention_versions (convention_id, version, text, proposal_id, adopted_at) VALUES (?, ?, ?, ?, "
        "?)");
    q->bind(1, v.convention_id.value);
    q->bind(2, v.version);
    q->bind(3, v.text);
    q->bind(4, v.proposal_id.value);
    q->bind(5, v.adopted_at.seconds());
    q->exec();
}

namespace {

domain::ConventionVersion readVersion(SQLite::Statement& q) {
    return {domain::ConventionId(q.getColumn(0).getInt64()), q.getColumn(1).getInt(), q.getColumn(2).getString(),
            domain::ProposalId(q.getColumn(3).getInt64()), Instant::fromSeconds(q.getColumn(4).getInt64())};
}

}  // namespace

std::optional<domain::ConventionVersion> SqliteConventionStore::version(domain::ConventionId id, int version) {
    auto q = c_.prepare(
        "SELECT convention_id, version, text, proposal_id, adopted_at FROM convention_versions"
        " WHERE convention_id = ? AND version = ?");
    q->bind(1, id.value);
    q->bind(2, version);
    if (!q->executeStep()) return std::nullopt;
    return readVersion(*q);
}

std::vector<domain::ConventionVersion> SqliteConventionStore::versions(domain::ConventionId id) {
    auto q = c_.prepare(
        "SELECT convention_id, version, text, proposal_id, adopted_at FROM convention_versions"
        " WHERE convention_id = ? ORDER BY version");
    q->bind(1, id.value);
    std::vector<domain::ConventionVersion> out;
    while (q->executeStep()) out.push_back(readVersion(*q));
    return out;
}

bool SqliteConventionStore::insertAcknowledgement(domain::ConventionId id, int version, UserId user, Instant at) {
    auto q = c_.prepare(
        "INSERT INTO convention_acknowledgements (convention_id, version, user_id, acknowledged_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, id.value);
    q->bind(2, version);
    q->bind(3, user.value);
    q->bind(4, at.seconds());
    return q->exec() == 1;
}

std::int64_t SqliteConventionStore::countAcknowledgements(domain::ConventionId id, int version) {
    auto q = c_.prepare("SELECT COUNT(*) FROM convention_acknowledgements WHERE convention_id = ? AND version = ?");
    q->bind(1, id.value);
    q->bind(2, version);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

bool SqliteConventionStore::hasAcknowledged(domain::ConventionId id, int version, UserId user) {
    auto q =
        c_.prepare("SELECT 1 FROM convention_acknowledgements WHERE convention_id = ? AND version = ? AND user_id = ?");
    q->bind(1, id.value);
    q->bind(2, version);
    q->bind(3, user.value);
    return q->executeStep();
}

}  // namespace yishi::storage
