#include "sqlite_wish_round_store.h"
#include "connection.h"
#include "corrupt_row.h"

namespace yishi::storage {

using domain::RoundWish;
using domain::WishRound;

namespace {

#define YISHI_ROUND_COLUMNS                                                                                      \
    "id, scope_kind, scope_id, district_id, community_id, year, title, call, wishes_due_at, phase, budget_fen, " \
    "rule, rule_param, max_choices, election_id, created_by, created_at, decided_at"

WishRound readRound(SQLite::Statement& q) {
    WishRound r;
    r.id = q.getColumn(0).getInt64();
    r.scope.kind = storedEnum(q.getColumn(1).getString(), domain::parseScopeKind, "wish_rounds", "scope_kind");
    r.scope.id = q.getColumn(2).getInt64();
    r.district_id = DistrictId(q.getColumn(3).getInt64());
    if (!q.getColumn(4).isNull()) r.community_id = CommunityId(q.getColumn(4).getInt64());
    r.year = q.getColumn(5).getInt64();
    r.title = q.getColumn(6).getString();
    r.call = q.getColumn(7).getString();
    r.wishes_due_at = Instant::fromSeconds(q.getColumn(8).getInt64());
    r.phase = storedEnum(q.getColumn(9).getString(), domain::parseWishRoundPhase, "wish_rounds", "phase");
    r.budget_fen = q.getColumn(10).getInt64();
    r.rule = q.getColumn(11).getString();
    r.rule_param = q.getColumn(12).getInt64();
    r.max_choices = q.getColumn(13).getInt64();
    r.election_id = q.getColumn(14).getInt64();
    r.created_by = UserId(q.getColumn(15).getInt64());
    r.created_at = Instant::fromSeconds(q.getColumn(16).getInt64());
    r.decided_at = Instant::fromSeconds(q.getColumn(17).getInt64());
    return r;
}

// The columns every write sets, bound from 1 in this order.
void bindRound(SQLite::Statement& q, const WishRound& r) {
    q.bind(1, domain::scopeKindName(r.scope.kind));
    q.bind(2, r.scope.id);
    q.bind(3, r.district_id.value);
    if (r.scope.kind == domain::ScopeKind::kCommunity)
        q.bind(4, r.community_id.value);
    else
        q.bind(4);
    q.bind(5, r.year);
    q.bind(6, r.title);
    q.bind(7, r.call);
    q.bind(8, r.wishes_due_at.seconds());
    q.bind(9, domain::wishRoundPhaseName(r.phase));
    q.bind(10, r.budget_fen);
    q.bind(11, r.rule);
    q.bind(12, r.rule_param);
    q.bind(13, r.max_choices);
    q.bind(14, r.election_id);
    q.bind(15, r.created_by.value);
    q.bind(16, r.created_at.seconds());
    q.bind(17, r.decided_at.seconds());
}

}  // namespace

std::int64_t SqliteWishRoundStore::insertRound(const WishRound& round) {
    auto q = c_.prepare(
        "INSERT INTO wish_rounds (scope_kind, scope_id, district_id, community_id, year, title, call, wishes_due_at,"
        " phase, budget_fen, rule, rule_param, max_choices, election_id, created_by, created_at, decided_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bindRound(*q, round);
    q->exec();
    return c_.db().getLastInsertRowid();
}

void SqliteWishRoundStore::updateRound(const WishRound& round) {
    auto q = c_.prepare(
        "UPDATE wish_rounds SET scope_kind = ?, scope_id = ?, district_id = ?, community_id = ?, year = ?, title = ?, "
        "call = ?, wishes_due_at = ?, phase = ?,"
        " budget_fen = ?, rule = ?, rule_param = ?, max_choices = ?, election_id = ?, created_by = ?, created_at = ?,"
        " decided_at = ? WHERE id = ?");
    bindRound(*q, round);
    q->bind(18, round.id);
    q->exec();
}

std::optional<WishRound> SqliteWishRoundStore::round(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_ROUND_COLUMNS " FROM wish_rounds WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readRound(*q);
}

std::vector<WishRound> SqliteWishRoundStore::rounds(const std::vector<domain::ScopeRef>& scopes) {
    std::vector<WishRound> out;
    if (scopes.empty()) return out;
    // One statement for up to the three scopes a community lies within (its
    // own, its street, its district); fewer repeat the first.
    auto q = c_.prepare("SELECT " YISHI_ROUND_COLUMNS
                        " FROM wish_rounds WHERE (scope_kind = ? AND scope_id = ?) OR (scope_kind = ? AND scope_id = ?)"
                        " OR (scope_kind = ? AND scope_id = ?) ORDER BY id DESC");
    for (int i = 0; i < 3; ++i) {
        const domain::ScopeRef& scope = scopes[static_cast<std::size_t>(i) < scopes.size() ? i : 0];
        q->bind(2 * i + 1, domain::scopeKindName(scope.kind));
        q->bind(2 * i + 2, scope.id);
    }
    while (q->executeStep()) out.push_back(readRound(*q));
    return out;
}

void SqliteWishRoundStore::insertWish(const RoundWish& wish) {
    auto q = c_.prepare(
        "INSERT INTO wish_round_wishes (round_id, proposal_id, raised_at, cost_fen, cost_note, project_id)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, wish.round_id);
    q->bind(2, wish.proposal_id);
    q->bind(3, wish.raised_at.seconds());
    if (wish.cost_fen)
        q->bind(4, *wish.cost_fen);
    else
        q->bind(4);
    q->bind(5, wish.cost_note);
    q->bind(6, wish.project_id);
    q->exec();
}

void SqliteWishRoundStore::updateWish(const RoundWish& wish) {
    auto q = c_.prepare(
        "UPDATE wish_round_wishes SET cost_fen = ?, cost_note = ?, project_id = ? WHERE round_id = ? AND proposal_id = "
        "?");
    if (wish.cost_fen)
        q->bind(1, *wish.cost_fen);
    else
        q->bind(1);
    q->bind(2, wish.cost_note);
    q->bind(3, wish.project_id);
    q->bind(4, wish.round_id);
    q->bind(5, wish.proposal_id);
    q->exec();
}

std::vector<RoundWish> SqliteWishRoundStore::wishes(std::int64_t round_id) {
    auto q = c_.prepare(
        "SELECT round_id, proposal_id, raised_at, cost_fen, cost_note, project_id FROM wish_round_wishes"
        " WHERE round_id = ? ORDER BY raised_at, proposal_id");
    q->bind(1, round_id);
    std::vector<RoundWish> out;
    while (q->executeStep()) {
        RoundWish w;
        w.round_id = q->getColumn(0).getInt64();
        w.proposal_id = q->getColumn(1).getInt64();
        w.raised_at = Instant::fromSeconds(q->getColumn(2).getInt64());
        if (!q->getColumn(3).isNull()) w.cost_fen = q->getColumn(3).getInt64();
        w.cost_note = q->getColumn(4).getString();
        w.project_id = q->getColumn(5).getInt64();
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace yishi::storage
