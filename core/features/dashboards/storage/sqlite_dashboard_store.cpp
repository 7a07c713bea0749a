#include "sqlite_dashboard_store.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "connection.h"
#include "corrupt_row.h"

namespace yishi::storage {

using domain::CommunityFigures;
using domain::DashboardCursor;

namespace {

std::string joined(const std::vector<std::int64_t>& numbers) {
    std::string out;
    for (std::int64_t n : numbers) {
        if (!out.empty()) out += ',';
        out += std::to_string(n);
    }
    return out;
}

std::vector<std::int64_t> split(const std::string& text) {
    std::vector<std::int64_t> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        try {
            out.push_back(std::stoll(text.substr(start, end - start)));
        } catch (const std::exception&) {
            throw CorruptRow("dashboard_figures", "seconds_to_close", text);
        }
        start = end + 1;
    }
    return out;
}

// The actions as a JSON array of strings (they are ASCII names from the
// change catalog), so that one statement serves any list (json_each).
std::string jsonList(const std::vector<std::string>& actions) {
    std::string out = "[";
    for (const std::string& a : actions) out += (out.size() > 1 ? ",\"" : "\"") + a + "\"";
    return out + "]";
}

std::vector<CommunityId> ids(SQLite::Statement& q) {
    std::vector<CommunityId> out;
    while (q.executeStep()) out.push_back(CommunityId(q.getColumn(0).getInt64()));
    return out;
}

}  // namespace

DashboardCursor SqliteDashboardStore::cursor() {
    auto q = c_.prepare("SELECT audit_through, ledger_through FROM dashboard_cursor WHERE id = 1");
    if (!q->executeStep()) return {};
    return {q->getColumn(0).getInt64(), q->getColumn(1).getInt64()};
}

void SqliteDashboardStore::setCursor(const DashboardCursor& cursor) {
    auto q = c_.prepare("UPDATE dashboard_cursor SET audit_through = ?, ledger_through = ? WHERE id = 1");
    q->bind(1, cursor.audit_through);
    q->bind(2, cursor.ledger_through);
    q->exec();
}

DashboardCursor SqliteDashboardStore::latest() {
    auto q = c_.prepare(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log), (SELECT COALESCE(MAX(id), 0) FROM points_ledger)");
    q->executeStep();
    return {q->getColumn(0).getInt64(), q->getColumn(1).getInt64()};
}

std::vector<CommunityId> SqliteDashboardStore::communitiesChanged(const DashboardCursor& after,
                                                                  const DashboardCursor& through) {
    auto q = c_.prepare(
        "SELECT community_id FROM audit_log WHERE id > ?1 AND id <= ?2 AND community_id IS NOT NULL"
        " UNION SELECT o.community_id FROM points_ledger l JOIN outbox o ON o.id = l.source_event"
        "  WHERE l.id > ?3 AND l.id <= ?4 AND o.community_id IS NOT NULL"
        " UNION SELECT r.community_id FROM points_ledger l JOIN redemptions r ON r.id = l.redemption_id"
        "  WHERE l.id > ?3 AND l.id <= ?4");
    q->bind(1, after.audit_through);
    q->bind(2, through.audit_through);
    q->bind(3, after.ledger_through);
    q->bind(4, through.ledger_through);
    return ids(*q);
}

std::vector<CommunityId> SqliteDashboardStore::staleCommunities(Instant before, Instant now, int limit) {
    auto q = c_.prepare(
        "SELECT c.id FROM communities c LEFT JOIN dashboard_figures f ON f.community_id = c.id"
        " WHERE f.community_id IS NULL OR f.computed_at < ?1 OR f.valid_until <= ?2"
        " ORDER BY f.community_id IS NOT NULL, f.computed_at, c.id LIMIT ?3");
    q->bind(1, before.micros());
    q->bind(2, now.micros());
    q->bind(3, limit);
    return ids(*q);
}

void SqliteDashboardStore::saveFigures(const CommunityFigures& f, StreetId street, DistrictId district) {
    auto del = c_.prepare("DELETE FROM dashboard_topics WHERE community_id = ?");
    del->bind(1, f.community_id.value);
    del->exec();
    auto q = c_.prepare(
        "INSERT OR REPLACE INTO dashboard_figures (community_id, street_id, district_id, computed_at, overdue, cases,"
        " cases_closed, seconds_to_close, ratings, satisfied, members, active_people, points_given, points_redeemed,"
        " valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, f.community_id.value);
    q->bind(2, street.value);
    q->bind(3, district.value);
    q->bind(4, f.computed_at.micros());
    q->bind(5, f.overdue);
    q->bind(6, f.cases);
    q->bind(7, f.cases_closed);
    q->bind(8, joined(f.seconds_to_close));
    q->bind(9, f.ratings);
    q->bind(10, f.satisfied);
    q->bind(11, f.members);
    q->bind(12, f.active_people);
    q->bind(13, f.points_given);
    q->bind(14, f.points_redeemed);
    q->bind(15, f.valid_until.micros());
    q->exec();
    for (const domain::TopicCount& t : f.topics) {
        auto topic = c_.prepare("INSERT INTO dashboard_topics (community_id, kind, state, count) VALUES (?, ?, ?, ?)");
        topic->bind(1, f.community_id.value);
        topic->bind(2, domain::proposalKindName(t.kind));
        topic->bind(3, domain::proposalStateName(t.state));
        topic->bind(4, t.count);
        topic->exec();
    }
}

std::vector<CommunityFigures> SqliteDashboardStore::figuresIn(domain::ScopeRef scope) {
    // One statement per kind of scope: the prepared statements are cached by
    // the address of their text, so each text is a literal.
    const char* figures_sql = nullptr;
    const char* topics_sql = nullptr;
    switch (scope.kind) {
        case domain::ScopeKind::kDistrict:
            figures_sql =
                "SELECT community_id, computed_at, overdue, cases, cases_closed, seconds_to_close, ratings, satisfied,"
                " members, active_people, points_given, points_redeemed, valid_until FROM dashboard_figures WHERE "
                "district_id = ?";
            topics_sql =
                "SELECT t.community_id, t.kind, t.state, t.count FROM dashboard_topics t"
                " JOIN dashboard_figures f ON f.community_id = t.community_id WHERE f.district_id = ?";
            break;
        case domain::ScopeKind::kStreet:
            figures_sql =
                "SELECT community_id, computed_at, overdue, cases, cases_closed, seconds_to_close, ratings, satisfied,"
                " members, active_people, points_given, points_redeemed, valid_until FROM dashboard_figures WHERE "
                "street_id = ?";
            topics_sql =
                "SELECT t.community_id, t.kind, t.state, t.count FROM dashboard_topics t"
                " JOIN dashboard_figures f ON f.community_id = t.community_id WHERE f.street_id = ?";
            break;
        case domain::ScopeKind::kCommunity:
            figures_sql =
                "SELECT community_id, computed_at, overdue, cases, cases_closed, seconds_to_close, ratings, satisfied,"
                " members, active_people, points_given, points_redeemed, valid_until FROM dashboard_figures WHERE "
                "community_id = ?";
            topics_sql =
                "SELECT t.community_id, t.kind, t.state, t.count FROM dashboard_topics t WHERE t.community_id = ?";
            break;
    }
    std::map<std::int64_t, CommunityFigures> by_id;
    {
        auto q = c_.prepare(figures_sql);
        q->bind(1, scope.id);
        while (q->executeStep()) {
            CommunityFigures f;
            f.community_id = CommunityId(q->getColumn(0).getInt64());
            f.computed_at = Instant::fromMicros(q->getColumn(1).getInt64());
            f.overdue = q->getColumn(2).getInt64();
            f.cases = q->getColumn(3).getInt64();
            f.cases_closed = q->getColumn(4).getInt64();
            f.seconds_to_close = split(q->getColumn(5).getString());
            f.ratings = q->getColumn(6).getInt64();
            f.satisfied = q->getColumn(7).getInt64();
            f.members = q->getColumn(8).getInt64();
            f.active_people = q->getColumn(9).getInt64();
            f.points_given = q->getColumn(10).getInt64();
            f.points_redeemed = q->getColumn(11).getInt64();
            f.valid_until = Instant::fromMicros(q->getColumn(12).getInt64());
            by_id[f.community_id.value] = std::move(f);
        }
    }
    {
        auto q = c_.prepare(topics_sql);
        q->bind(1, scope.id);
        while (q->executeStep()) {
            auto found = by_id.find(q->getColumn(0).getInt64());
            if (found == by_id.end()) continue;
            domain::TopicCount t;
            t.kind = storedEnum(q->getColumn(1).getString(), domain::parseProposalKind, "dashboard_topics", "kind");
            t.state = storedEnum(q->getColumn(2).getString(), domain::parseProposalState, "dashboard_topics", "state");
            t.count = q->getColumn(3).getInt64();
            found->second.topics.push_back(t);
        }
    }
    std::vector<CommunityFigures> out;
    for (auto& [id, f] : by_id) {
        // The order figuresFromRecords makes: by kind, then state.
        std::sort(f.topics.begin(), f.topics.end(), [](const domain::TopicCount& a, const domain::TopicCount& b) {
            return std::pair(a.kind, a.state) < std::pair(b.kind, b.state);
        });
        out.push_back(std::move(f));
    }
    return out;
}

std::int64_t SqliteDashboardStore::verifiedMembers(CommunityId community) {
    auto q = c_.prepare("SELECT COUNT(*) FROM memberships WHERE community_id = ? AND status = 'verified'");
    q->bind(1, community.value);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

std::int64_t SqliteDashboardStore::activePeople(CommunityId community, Instant since,
                                                const std::vector<std::string>& actions) {
    auto q = c_.prepare(
        "SELECT COUNT(DISTINCT a.actor_id) FROM audit_log a"
        " JOIN memberships m ON m.community_id = a.community_id AND m.user_id = a.actor_id AND m.status = 'verified'"
        " WHERE a.community_id = ?1 AND a.action IN (SELECT value FROM json_each(?3)) AND a.at_micros >= ?2");
    q->bind(1, community.value);
    q->bind(2, since.micros());
    q->bind(3, jsonList(actions));
    q->executeStep();
    return q->getColumn(0).getInt64();
}

std::optional<Instant> SqliteDashboardStore::oldestLastAct(CommunityId community, Instant since,
                                                           const std::vector<std::string>& actions) {
    auto q = c_.prepare(
        "SELECT MIN(last) FROM (SELECT MAX(a.at_micros) AS last FROM audit_log a"
        " JOIN memberships m ON m.community_id = a.community_id AND m.user_id = a.actor_id AND m.status = 'verified'"
        " WHERE a.community_id = ?1 AND a.action IN (SELECT value FROM json_each(?3)) AND a.at_micros >= ?2"
        " GROUP BY a.actor_id)");
    q->bind(1, community.value);
    q->bind(2, since.micros());
    q->bind(3, jsonList(actions));
    if (!q->executeStep() || q->getColumn(0).isNull()) return std::nullopt;
    return Instant::fromMicros(q->getColumn(0).getInt64());
}

std::int64_t SqliteDashboardStore::pointsGiven(CommunityId community) {
    auto q = c_.prepare(
        "SELECT COALESCE(SUM(l.delta), 0) FROM outbox o JOIN points_ledger l ON l.source_event = o.id"
        " WHERE o.community_id = ? AND l.delta > 0");
    q->bind(1, community.value);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

std::int64_t SqliteDashboardStore::pointsRedeemed(CommunityId community) {
    auto q = c_.prepare(
        "SELECT COALESCE(-SUM(l.delta), 0) FROM redemptions r JOIN points_ledger l ON l.redemption_id = r.id"
        " WHERE r.community_id = ?");
    q->bind(1, community.value);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

}  // namespace yishi::storage
