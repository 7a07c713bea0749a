#include "sqlite_escalation_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::Escalation;

namespace {

#define YISHI_ESCALATION_COLUMNS                                                                  \
    "id, proposal_id, community_id, street_id, district_id, level, status, reason, escalated_by," \
    " escalated_at, due_at, resolution, resolved_by, resolved_at"

Escalation readEscalation(SQLite::Statement& q) {
    Escalation e;
    e.id = domain::EscalationId(q.getColumn(0).getInt64());
    e.proposal_id = domain::ProposalId(q.getColumn(1).getInt64());
    e.community_id = CommunityId(q.getColumn(2).getInt64());
    e.street_id = StreetId(q.getColumn(3).getInt64());
    e.district_id = DistrictId(q.getColumn(4).getInt64());
    e.level = storedEnum(q.getColumn(5).getString(), domain::parseEscalationLevel, "escalations", "level");
    e.status = storedEnum(q.getColumn(6).getString(), domain::parseEscalationStatus, "escalations", "status");
    e.reason = q.getColumn(7).getString();
    e.escalated_by = UserId(q.getColumn(8).getInt64());
    e.escalated_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    e.due_at = Instant::fromSeconds(q.getColumn(10).getInt64());
    e.resolution = q.getColumn(11).getString();
    e.resolved_by = UserId(q.getColumn(12).getInt64());
    e.resolved_at = Instant::fromSeconds(q.getColumn(13).getInt64());
    return e;
}

}  // namespace

std::optional<Escalation> SqliteEscalationStore::escalation(domain::EscalationId id) {
    auto q = c_.prepare("SELECT " YISHI_ESCALATION_COLUMNS " FROM escalations WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readEscalation(*q);
}

domain::EscalationId SqliteEscalationStore::insertEscalation(const Escalation& e) {
    auto q = c_.prepare(
        "INSERT INTO escalations (proposal_id, community_id, street_id, district_id, level, status, reason,"
        " escalated_by, escalated_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.proposal_id.value);
    q->bind(2, e.community_id.value);
    q->bind(3, e.street_id.value);
    q->bind(4, e.district_id.value);
    q->bind(5, domain::escalationLevelName(e.level));
    q->bind(6, domain::escalationStatusName(e.status));
    q->bind(7, e.reason);
    q->bind(8, e.escalated_by.value);
    q->bind(9, e.escalated_at.seconds());
    q->bind(10, e.due_at.seconds());
    q->exec();
    return domain::EscalationId(c_.db().getLastInsertRowid());
}

void SqliteEscalationStore::updateEscalation(const Escalation& e) {
    auto q =
        c_.prepare("UPDATE escalations SET status = ?, resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?");
    q->bind(1, domain::escalationStatusName(e.status));
    q->bind(2, e.resolution);
    if (e.resolved_by.valid())
        q->bind(3, e.resolved_by.value);
    else
        q->bind(3);
    q->bind(4, e.resolved_at.seconds());
    q->bind(5, e.id.value);
    q->exec();
}

std::vector<Escalation> SqliteEscalationStore::forProposal(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT " YISHI_ESCALATION_COLUMNS " FROM escalations WHERE proposal_id = ? ORDER BY id");
    q->bind(1, proposal.value);
    std::vector<Escalation> out;
    while (q->executeStep()) out.push_back(readEscalation(*q));
    return out;
}

domain::Page<Escalation> SqliteEscalationStore::queue(domain::EscalationLevel level, std::int64_t scope_id,
                                                      std::optional<domain::EscalationStatus> status,
                                                      domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_ESCALATION_COLUMNS
                        " FROM escalations"
                        " WHERE level = ?1 AND (CASE ?1 WHEN 'street' THEN street_id ELSE district_id END) = ?2"
                        " AND (?3 = '' OR status = ?3) AND id > ?4 ORDER BY id LIMIT ?5");
    q->bind(1, domain::escalationLevelName(level));
    q->bind(2, scope_id);
    q->bind(3, status ? domain::escalationStatusName(*status) : "");
    q->bind(4, page.after);
    q->bind(5, page.limit + 1);
    domain::Page<Escalation> out;
    while (q->executeStep()) out.items.push_back(readEscalation(*q));
    finishPage(out, page.limit, [](const auto& item) { return item.id.value; });
    return out;
}

}  // namespace yishi::storage
