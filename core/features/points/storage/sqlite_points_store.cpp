#include "sqlite_points_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using namespace domain;

namespace {

#define YISHI_LEDGER_COLUMNS \
    "id, district_id, user_id, delta, rule, reason, day, source_event, redemption_id, plugin, at"

LedgerEntry readEntry(SQLite::Statement& q) {
    LedgerEntry e;
    e.id = q.getColumn(0).getInt64();
    e.district = DistrictId(q.getColumn(1).getInt64());
    e.user = UserId(q.getColumn(2).getInt64());
    e.delta = q.getColumn(3).getInt64();
    e.rule = q.getColumn(4).getString();
    e.reason = q.getColumn(5).getString();
    e.day = q.getColumn(6).getInt64();
    e.source_event = q.getColumn(7).getInt64();
    e.redemption = RedemptionId(q.getColumn(8).getInt64());
    e.plugin = q.getColumn(9).getString();
    e.at = Instant::fromMicros(q.getColumn(10).getInt64());  // the ledger keeps microseconds
    return e;
}

#define YISHI_ITEM_COLUMNS "id, district_id, name, cost, stock, active, created_at"

RewardItem readItem(SQLite::Statement& q) {
    return {RewardItemId(q.getColumn(0).getInt64()),
            DistrictId(q.getColumn(1).getInt64()),
            q.getColumn(2).getString(),
            q.getColumn(3).getInt64(),
            q.getColumn(4).getInt64(),
            q.getColumn(5).getInt() != 0,
            Instant::fromSeconds(q.getColumn(6).getInt64())};
}

#define YISHI_REDEMPTION_COLUMNS                                                                 \
    "id, item_id, district_id, community_id, user_id, cost, idempotency_key, state, created_at," \
    " handed_over_at, handed_over_by"

Redemption readRedemption(SQLite::Statement& q) {
    Redemption r;
    r.id = RedemptionId(q.getColumn(0).getInt64());
    r.item = RewardItemId(q.getColumn(1).getInt64());
    r.district = DistrictId(q.getColumn(2).getInt64());
    r.community = CommunityId(q.getColumn(3).getInt64());
    r.user = UserId(q.getColumn(4).getInt64());
    r.cost = q.getColumn(5).getInt64();
    r.idempotency_key = q.getColumn(6).getString();
    r.state = storedEnum(q.getColumn(7).getString(), parseRedemptionState, "redemptions", "state");
    r.created_at = Instant::fromSeconds(q.getColumn(8).getInt64());  // redemptions keep seconds
    r.handed_over_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    r.handed_over_by = UserId(q.getColumn(10).getInt64());
    return r;
}

void bindOptionalId(SQLite::Statement& q, int index, std::int64_t id) {
    if (id > 0)
        q.bind(index, id);
    else
        q.bind(index);
}

}  // namespace

void SqlitePointsStore::appendLedger(const LedgerEntry& e) {
    auto q = c_.prepare(
        "INSERT INTO points_ledger (district_id, user_id, delta, rule, reason, day, source_event, redemption_id,"
        " plugin, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.district.value);
    q->bind(2, e.user.value);
    q->bind(3, e.delta);
    q->bind(4, e.rule);
    q->bind(5, e.reason);
    q->bind(6, e.day);
    bindOptionalId(*q, 7, e.source_event);
    bindOptionalId(*q, 8, e.redemption.value);
    q->bind(9, e.plugin);
    q->bind(10, e.at.micros());
    q->exec();
}

std::int64_t SqlitePointsStore::balance(DistrictId district, UserId user) {
    auto q = c_.prepare("SELECT balance FROM points_balances WHERE district_id = ? AND user_id = ?");
    q->bind(1, district.value);
    q->bind(2, user.value);
    return q->executeStep() ? q->getColumn(0).getInt64() : 0;
}

Page<LedgerEntry> SqlitePointsStore::ledger(DistrictId district, UserId user, PageRequest page) {
    page = page.clamped();
    auto q = c_.prepare("SELECT " YISHI_LEDGER_COLUMNS
                        " FROM points_ledger"
                        " WHERE district_id = ? AND user_id = ? AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?");
    q->bind(1, district.value);
    q->bind(2, user.value);
    q->bind(3, page.after);
    q->bind(4, page.after);
    q->bind(5, page.limit + 1);
    Page<LedgerEntry> out;
    while (q->executeStep()) out.items.push_back(readEntry(*q));
    finishPage(out, page.limit, [](const auto& e) { return e.id; });
    return out;
}

std::vector<LedgerEntry> SqlitePointsStore::eventAwards(DistrictId district) {
    auto q = c_.prepare("SELECT " YISHI_LEDGER_COLUMNS
                        " FROM points_ledger"
                        " WHERE district_id = ? AND source_event IS NOT NULL ORDER BY id");
    q->bind(1, district.value);
    std::vector<LedgerEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

std::int64_t SqlitePointsStore::awardedOnDay(DistrictId district, UserId user, const std::string& rule,
                                             std::int64_t day) {
    auto q = c_.prepare(
        "SELECT COALESCE(SUM(delta), 0) FROM points_ledger"
        " WHERE district_id = ? AND user_id = ? AND rule = ? AND day = ? AND source_event IS NOT NULL");
    q->bind(1, district.value);
    q->bind(2, user.value);
    q->bind(3, rule);
    q->bind(4, day);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

std::map<std::string, std::int64_t> SqlitePointsStore::awardedByRuleOnDay(DistrictId district, UserId user,
                                                                          std::int64_t day) {
    auto q = c_.prepare(
        "SELECT rule, SUM(delta) FROM points_ledger"
        " WHERE district_id = ? AND user_id = ? AND day = ? AND source_event IS NOT NULL GROUP BY rule");
    q->bind(1, district.value);
    q->bind(2, user.value);
    q->bind(3, day);
    std::map<std::string, std::int64_t> out;
    while (q->executeStep()) out[q->getColumn(0).getString()] = q->getColumn(1).getInt64();
    return out;
}

std::int64_t SqlitePointsStore::processedThrough() {
    auto q = c_.prepare("SELECT processed_through FROM points_cursor WHERE id = 1");
    return q->executeStep() ? q->getColumn(0).getInt64() : 0;
}

void SqlitePointsStore::setProcessedThrough(std::int64_t event_id) {
    auto q = c_.prepare("UPDATE points_cursor SET processed_through = ? WHERE id = 1");
    q->bind(1, event_id);
    q->exec();
}

void SqlitePointsStore::recordSkipped(const SkippedEvent& s, Instant at) {
    // A second attempt updates the row of the first (attempts counts them).
    auto q = c_.prepare(
        "INSERT INTO points_skipped (event_id, district_id, code, message, at, community_id, plugin, attempts,"
        " next_retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (event_id) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at,"
        " plugin = excluded.plugin, attempts = excluded.attempts, next_retry_at = excluded.next_retry_at");
    q->bind(1, s.event_id);
    q->bind(2, s.district.value);
    q->bind(3, s.code);
    q->bind(4, s.message);
    q->bind(5, at.micros());  // microseconds, like the ledger
    bindOptionalId(*q, 6, s.community.value);
    q->bind(7, s.plugin);
    q->bind(8, s.attempts);
    q->bind(9, s.next_retry_at.micros());
    q->exec();
}

namespace {

#define YISHI_SKIPPED_COLUMNS                                                                                    \
    "s.event_id, s.district_id, s.code, s.message, COALESCE(s.community_id, 0), s.plugin, COALESCE(o.type, '')," \
    " s.attempts, s.at, s.next_retry_at, s.resolved_at FROM points_skipped s LEFT JOIN outbox o ON o.id = s.event_id"

SkippedEvent readSkipped(SQLite::Statement& q) {
    SkippedEvent s;
    s.event_id = q.getColumn(0).getInt64();
    s.district = DistrictId(q.getColumn(1).getInt64());
    s.code = q.getColumn(2).getString();
    s.message = q.getColumn(3).getString();
    s.community = CommunityId(q.getColumn(4).getInt64());
    s.plugin = q.getColumn(5).getString();
    s.event_type = q.getColumn(6).getString();
    s.attempts = q.getColumn(7).getInt64();
    s.at = Instant::fromMicros(q.getColumn(8).getInt64());
    s.next_retry_at = Instant::fromMicros(q.getColumn(9).getInt64());
    s.resolved_at = Instant::fromMicros(q.getColumn(10).getInt64());
    return s;
}

}  // namespace

std::vector<SkippedEvent> SqlitePointsStore::skipped(DistrictId district) {
    auto q = c_.prepare("SELECT " YISHI_SKIPPED_COLUMNS
                        " WHERE s.district_id = ? AND s.resolved_at = 0"
                        " ORDER BY s.event_id");
    q->bind(1, district.value);
    std::vector<SkippedEvent> out;
    while (q->executeStep()) out.push_back(readSkipped(*q));
    return out;
}

std::optional<SkippedEvent> SqlitePointsStore::skippedEvent(std::int64_t event_id) {
    auto q = c_.prepare("SELECT " YISHI_SKIPPED_COLUMNS " WHERE s.event_id = ?");
    q->bind(1, event_id);
    if (!q->executeStep()) return std::nullopt;
    return readSkipped(*q);
}

void SqlitePointsStore::resolveSkipped(std::int64_t event_id, Instant at) {
    auto q = c_.prepare("UPDATE points_skipped SET resolved_at = ?, next_retry_at = 0 WHERE event_id = ?");
    q->bind(1, at.micros());
    q->bind(2, event_id);
    q->exec();
}

std::vector<SkippedEvent> SqlitePointsStore::dueForRetry(Instant now, int limit) {
    auto q = c_.prepare("SELECT " YISHI_SKIPPED_COLUMNS
                        " WHERE s.resolved_at = 0 AND s.next_retry_at > 0 AND s.next_retry_at <= ?"
                        " ORDER BY s.event_id LIMIT ?");
    q->bind(1, now.micros());
    q->bind(2, limit);
    std::vector<SkippedEvent> out;
    while (q->executeStep()) out.push_back(readSkipped(*q));
    return out;
}

void SqlitePointsStore::keepVersion(const RuleVersion& v, Instant at) {
    auto q = c_.prepare(
        "INSERT INTO plugin_versions (hash, identity, bundle, first_used_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (hash) DO NOTHING");
    q->bind(1, v.hash);
    q->bind(2, v.identity);
    q->bind(3, v.source);
    q->bind(4, at.micros());
    q->exec();
}

std::optional<RuleVersion> SqlitePointsStore::version(const std::string& hash) {
    auto q = c_.prepare("SELECT hash, identity, bundle FROM plugin_versions WHERE hash = ?");
    q->bind(1, hash);
    if (!q->executeStep()) return std::nullopt;
    return RuleVersion{q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString()};
}

void SqlitePointsStore::noteSpan(DistrictId district, std::int64_t from_event, const std::string& hash) {
    auto last = c_.prepare("SELECT hash FROM points_rule_spans WHERE district_id = ? ORDER BY from_event DESC LIMIT 1");
    last->bind(1, district.value);
    if (last->executeStep() && last->getColumn(0).getString() == hash) return;
    auto q = c_.prepare("INSERT INTO points_rule_spans (district_id, from_event, hash) VALUES (?, ?, ?)");
    q->bind(1, district.value);
    q->bind(2, from_event);
    q->bind(3, hash);
    q->exec();
}

std::vector<std::pair<std::int64_t, std::string>> SqlitePointsStore::spans(DistrictId district) {
    auto q = c_.prepare("SELECT from_event, hash FROM points_rule_spans WHERE district_id = ? ORDER BY from_event");
    q->bind(1, district.value);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (q->executeStep()) out.emplace_back(q->getColumn(0).getInt64(), q->getColumn(1).getString());
    return out;
}

RewardItemId SqlitePointsStore::insertItem(const RewardItem& item) {
    auto q = c_.prepare(
        "INSERT INTO reward_items (district_id, name, cost, stock, active, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, item.district.value);
    q->bind(2, item.name);
    q->bind(3, item.cost);
    q->bind(4, item.stock);
    q->bind(5, item.active ? 1 : 0);
    q->bind(6, item.created_at.seconds());
    q->exec();
    return RewardItemId(c_.db().getLastInsertRowid());
}

std::optional<RewardItem> SqlitePointsStore::item(RewardItemId id) {
    auto q = c_.prepare("SELECT " YISHI_ITEM_COLUMNS " FROM reward_items WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readItem(*q);
}

std::vector<RewardItem> SqlitePointsStore::items(DistrictId district) {
    auto q = c_.prepare("SELECT " YISHI_ITEM_COLUMNS " FROM reward_items WHERE district_id = ? ORDER BY id");
    q->bind(1, district.value);
    std::vector<RewardItem> out;
    while (q->executeStep()) out.push_back(readItem(*q));
    return out;
}

void SqlitePointsStore::updateItem(const RewardItem& item) {
    auto q = c_.prepare("UPDATE reward_items SET name = ?, cost = ?, stock = ?, active = ? WHERE id = ?");
    q->bind(1, item.name);
    q->bind(2, item.cost);
    q->bind(3, item.stock);
    q->bind(4, item.active ? 1 : 0);
    q->bind(5, item.id.value);
    q->exec();
}

RedemptionId SqlitePointsStore::insertRedemption(const Redemption& r) {
    auto q = c_.prepare(
        "INSERT INTO redemptions (item_id, district_id, community_id, user_id, cost, idempotency_key, state,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, 'requested', ?)");
    q->bind(1, r.item.value);
    q->bind(2, r.district.value);
    q->bind(3, r.community.value);
    q->bind(4, r.user.value);
    q->bind(5, r.cost);
    q->bind(6, r.idempotency_key);
    q->bind(7, r.created_at.seconds());
    q->exec();
    return RedemptionId(c_.db().getLastInsertRowid());
}

std::optional<Redemption> SqlitePointsStore::redemption(RedemptionId id) {
    auto q = c_.prepare("SELECT " YISHI_REDEMPTION_COLUMNS " FROM redemptions WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readRedemption(*q);
}

std::optional<Redemption> SqlitePointsStore::redemptionByKey(UserId user, const std::string& key) {
    auto q =
        c_.prepare("SELECT " YISHI_REDEMPTION_COLUMNS " FROM redemptions WHERE user_id = ? AND idempotency_key = ?");
    q->bind(1, user.value);
    q->bind(2, key);
    if (!q->executeStep()) return std::nullopt;
    return readRedemption(*q);
}

Page<Redemption> SqlitePointsStore::redemptions(CommunityId community, std::optional<RedemptionState> state,
                                                PageRequest page) {
    page = page.clamped();
    auto q = c_.prepare("SELECT " YISHI_REDEMPTION_COLUMNS
                        " FROM redemptions"
                        " WHERE community_id = ? AND (? = '' OR state = ?) AND id > ? ORDER BY id LIMIT ?");
    const std::string state_name = state ? redemptionStateName(*state) : "";
    q->bind(1, community.value);
    q->bind(2, state_name);
    q->bind(3, state_name);
    q->bind(4, page.after);
    q->bind(5, page.limit + 1);
    Page<Redemption> out;
    while (q->executeStep()) out.items.push_back(readRedemption(*q));
    finishPage(out, page.limit, [](const auto& r) { return r.id.value; });
    return out;
}

void SqlitePointsStore::markHandedOver(RedemptionId id, UserId by, Instant at) {
    auto q =
        c_.prepare("UPDATE redemptions SET state = 'handed_over', handed_over_at = ?, handed_over_by = ? WHERE id = ?");
    q->bind(1, at.seconds());
    q->bind(2, by.value);
    q->bind(3, id.value);
    q->exec();
}

}  // namespace yishi::storage
