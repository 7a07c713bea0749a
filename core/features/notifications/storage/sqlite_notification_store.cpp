#include "sqlite_notification_store.h"

#include <sstream>

#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::Delivery;
using domain::Notification;

namespace {

void bindUserOrNull(SQLite::Statement& q, int index, std::int64_t id) {
    if (id > 0)
        q.bind(index, id);
    else
        q.bind(index);
}

std::vector<UserId> userIds(SQLite::Statement& q) {
    std::vector<UserId> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64());
    return out;
}

#define YISHI_NOTIFICATION_COLUMNS                                                                                     \
    "id, user_id, kind, detail, subject_kind, subject_id, community_id, actor_id, title, urgent, created_at, read_at," \
    " event_at"

Notification readNotification(SQLite::Statement& q) {
    Notification n;
    n.id = q.getColumn(0).getInt64();
    n.user = UserId(q.getColumn(1).getInt64());
    n.kind = q.getColumn(2).getString();
    n.detail = q.getColumn(3).getString();
    n.subject_kind = q.getColumn(4).getString();
    n.subject_id = q.getColumn(5).getInt64();
    n.community = CommunityId(q.getColumn(6).getInt64());
    n.actor = UserId(q.getColumn(7).getInt64());
    n.title = q.getColumn(8).getString();
    n.urgent = q.getColumn(9).getInt() != 0;
    n.created_at = Instant::fromSeconds(q.getColumn(10).getInt64());
    n.read_at = Instant::fromSeconds(q.getColumn(11).getInt64());
    n.event_at = Instant::fromSeconds(q.getColumn(12).getInt64());
    return n;
}

#define YISHI_DELIVERY_COLUMNS                                                                                      \
    "id, notification_id, district_id, channel, target, status, attempts, next_attempt_at, last_error, created_at," \
    " sent_at"

Delivery readDelivery(SQLite::Statement& q) {
    Delivery d;
    d.id = q.getColumn(0).getInt64();
    d.notification_id = q.getColumn(1).getInt64();
    d.district = DistrictId(q.getColumn(2).getInt64());
    d.channel = q.getColumn(3).getString();
    d.target = q.getColumn(4).getString();
    d.status = storedEnum(q.getColumn(5).getString(), domain::parseDeliveryStatus, "notification_deliveries", "status");
    d.attempts = q.getColumn(6).getInt();
    d.next_attempt_at = Instant::fromSeconds(q.getColumn(7).getInt64());
    d.last_error = q.getColumn(8).getString();
    d.created_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    d.sent_at = Instant::fromSeconds(q.getColumn(10).getInt64());
    return d;
}

std::string joinKinds(const std::set<std::string>& kinds) {
    std::string out;
    for (const std::string& k : kinds) out += (out.empty() ? "" : ",") + k;
    return out;
}

std::set<std::string> splitKinds(const std::string& text) {
    std::set<std::string> out;
    std::stringstream in(text);
    std::string k;
    while (std::getline(in, k, ',')) {
        if (!k.empty()) out.insert(k);
    }
    return out;
}

}  // namespace

std::int64_t SqliteNotificationStore::cursor() {
    auto q = c_.prepare("SELECT audit_id FROM notification_cursor WHERE id = 1");
    return q->executeStep() ? q->getColumn(0).getInt64() : 0;
}

void SqliteNotificationStore::setCursor(std::int64_t audit_id) {
    auto q = c_.prepare("INSERT OR REPLACE INTO notification_cursor (id, audit_id) VALUES (1, ?)");
    q->bind(1, audit_id);
    q->exec();
}

std::vector<domain::AuditEntry> SqliteNotificationStore::changesAfter(std::int64_t audit_id, int limit) {
    auto q = c_.prepare(
        "SELECT id, at_micros, actor_id, action, subject_kind, subject_id, community_id, reason"
        " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?");
    q->bind(1, audit_id);
    q->bind(2, limit);
    std::vector<domain::AuditEntry> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getInt64(), Instant::fromMicros(q->getColumn(1).getInt64()),
                       UserId(q->getColumn(2).getInt64()), q->getColumn(3).getString(), q->getColumn(4).getString(),
                       q->getColumn(5).getInt64(), CommunityId(q->getColumn(6).getInt64()),
                       q->getColumn(7).getString()});
    }
    return out;
}

std::optional<domain::ProposalFacts> SqliteNotificationStore::proposal(std::int64_t id) {
    auto q = c_.prepare(
        "SELECT p.id, p.community_id, c.district_id, p.author_id, p.title FROM proposals p"
        " JOIN communities c ON c.id = p.community_id WHERE p.id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return domain::ProposalFacts{q->getColumn(0).getInt64(), CommunityId(q->getColumn(1).getInt64()),
                                 DistrictId(q->getColumn(2).getInt64()), UserId(q->getColumn(3).getInt64()),
                                 q->getColumn(4).getString()};
}

std::optional<domain::NotificationStore::CommentFacts> SqliteNotificationStore::comment(std::int64_t id) {
    auto q = c_.prepare(
        "SELECT c.proposal_id, c.author_id, p.author_id FROM comments c"
        " LEFT JOIN comments p ON p.id = c.parent_id WHERE c.id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return CommentFacts{q->getColumn(0).getInt64(), UserId(q->getColumn(1).getInt64()),
                        UserId(q->getColumn(2).getInt64())};
}

std::optional<domain::NotificationStore::CommentFacts> SqliteNotificationStore::meetingSuggestion(std::int64_t id) {
    auto q = c_.prepare("SELECT proposal_id, author_id FROM meeting_suggestions WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return CommentFacts{q->getColumn(0).getInt64(), UserId(q->getColumn(1).getInt64()), UserId()};
}

std::optional<domain::NotificationStore::PostFacts> SqliteNotificationStore::communityPost(
    const std::string& subject_kind, std::int64_t id) {
    // A notice's title is its latest version's.
    const char* sql = nullptr;
    if (subject_kind == "notice") {
        sql =
            "SELECT n.community_id, c.district_id, (SELECT v.title FROM notice_versions v WHERE v.notice_id = n.id"
            " ORDER BY v.id DESC LIMIT 1) FROM notices n JOIN communities c ON c.id = n.community_id WHERE n.id = ?";
    } else if (subject_kind == "poll") {
        sql =
            "SELECT p.community_id, c.district_id, p.title FROM polls p JOIN communities c ON c.id = p.community_id"
            " WHERE p.id = ?";
    } else if (subject_kind == "topic_call") {
        sql =
            "SELECT t.community_id, c.district_id, t.title FROM topic_calls t"
            " JOIN communities c ON c.id = t.community_id WHERE t.id = ?";
    } else {
        return std::nullopt;
    }
    auto q = c_.prepare(sql);
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return PostFacts{CommunityId(q->getColumn(0).getInt64()), DistrictId(q->getColumn(1).getInt64()),
                     q->getColumn(2).getString()};
}

std::optional<domain::NotificationStore::MeetingFacts> SqliteNotificationStore::meeting(std::int64_t id) {
    auto q = c_.prepare("SELECT id, proposal_id, starts_at FROM meetings WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return MeetingFacts{q->getColumn(0).getInt64(), q->getColumn(1).getInt64(),
                        Instant::fromSeconds(q->getColumn(2).getInt64())};
}

std::vector<UserId> SqliteNotificationStore::attending(std::int64_t meeting) {
    auto q = c_.prepare(
        "SELECT user_id FROM meeting_invitations WHERE meeting_id = ? AND answer = 'attend' ORDER BY user_id");
    q->bind(1, meeting);
    return userIds(*q);
}

std::optional<UserId> SqliteNotificationStore::caseAssignee(std::int64_t proposal) {
    auto q = c_.prepare("SELECT COALESCE(assignee, 0) FROM cases WHERE proposal_id = ?");
    q->bind(1, proposal);
    if (!q->executeStep()) return std::nullopt;
    return UserId(q->getColumn(0).getInt64());
}

std::optional<domain::ElectionFacts> SqliteNotificationStore::election(std::int64_t id) {
    auto q = c_.prepare(
        "SELECT id, title, district_id, scope_kind, scope_id, community_id, opens_at, closes_at, phase"
        " FROM elections WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    domain::ElectionFacts e;
    e.id = q->getColumn(0).getInt64();
    e.title = q->getColumn(1).getString();
    e.district = DistrictId(q->getColumn(2).getInt64());
    e.scope_kind = q->getColumn(3).getString();
    e.scope_id = q->getColumn(4).getInt64();
    e.community = CommunityId(q->getColumn(5).getInt64());
    e.opens_at = Instant::fromSeconds(q->getColumn(6).getInt64());
    e.closes_at = Instant::fromSeconds(q->getColumn(7).getInt64());
    e.ceremony = q->getColumn(8).getString() == "ceremony";
    return e;
}

std::vector<UserId> SqliteNotificationStore::followers(std::int64_t proposal) {
    auto q = c_.prepare("SELECT user_id FROM notification_follows WHERE proposal_id = ? ORDER BY user_id");
    q->bind(1, proposal);
    return userIds(*q);
}

std::vector<UserId> SqliteNotificationStore::granted(const std::string& role, const std::string& scope_kind,
                                                     std::int64_t scope_id) {
    auto q = c_.prepare(
        "SELECT user_id FROM role_grants WHERE role = ? AND scope_kind = ? AND scope_id = ? ORDER BY user_id");
    q->bind(1, role);
    q->bind(2, scope_kind);
    q->bind(3, scope_id);
    return userIds(*q);
}

std::vector<UserId> SqliteNotificationStore::residentsWithin(const std::string& scope_kind, std::int64_t scope_id) {
    auto q = c_.prepare(
        "SELECT DISTINCT m.user_id FROM memberships m JOIN communities c ON c.id = m.community_id"
        " WHERE m.status = 'verified' AND ((?1 = 'community' AND c.id = ?2) OR (?1 = 'street' AND c.street_id = ?2)"
        " OR (?1 = 'district' AND c.district_id = ?2)) ORDER BY m.user_id");
    q->bind(1, scope_kind);
    q->bind(2, scope_id);
    return userIds(*q);
}

bool SqliteNotificationStore::follow(UserId user, std::int64_t proposal, Instant at) {
    auto q = c_.prepare("INSERT OR IGNORE INTO notification_follows (user_id, proposal_id, since) VALUES (?, ?, ?)");
    q->bind(1, user.value);
    q->bind(2, proposal);
    q->bind(3, at.seconds());
    return q->exec() > 0;
}

bool SqliteNotificationStore::unfollow(UserId user, std::int64_t proposal) {
    auto q = c_.prepare("DELETE FROM notification_follows WHERE user_id = ? AND proposal_id = ?");
    q->bind(1, user.value);
    q->bind(2, proposal);
    return q->exec() > 0;
}

bool SqliteNotificationStore::follows(UserId user, std::int64_t proposal) {
    auto q = c_.prepare("SELECT 1 FROM notification_follows WHERE user_id = ? AND proposal_id = ?");
    q->bind(1, user.value);
    q->bind(2, proposal);
    return q->executeStep();
}

std::int64_t SqliteNotificationStore::insertNotification(const Notification& n) {
    auto q = c_.prepare(
        "INSERT INTO notifications (user_id, kind, detail, subject_kind, subject_id, community_id, actor_id, title,"
        " urgent, created_at, event_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, n.user.value);
    q->bind(2, n.kind);
    q->bind(3, n.detail);
    q->bind(4, n.subject_kind);
    q->bind(5, n.subject_id);
    if (n.community.valid())
        q->bind(6, n.community.value);
    else
        q->bind(6);
    bindUserOrNull(*q, 7, n.actor.value);
    q->bind(8, n.title);
    q->bind(9, n.urgent ? 1 : 0);
    q->bind(10, n.created_at.seconds());
    q->bind(11, n.event_at.seconds());
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<Notification> SqliteNotificationStore::notification(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_NOTIFICATION_COLUMNS " FROM notifications WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readNotification(*q);
}

domain::Page<Notification> SqliteNotificationStore::inbox(UserId user, bool unread_only, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_NOTIFICATION_COLUMNS
                        " FROM notifications WHERE user_id = ?1 AND (?2 = 0 OR id < ?2) AND (?3 = 0 OR read_at = 0)"
                        " ORDER BY id DESC LIMIT ?4");
    q->bind(1, user.value);
    q->bind(2, page.after);
    q->bind(3, unread_only ? 1 : 0);
    q->bind(4, page.limit + 1);
    domain::Page<Notification> out;
    while (q->executeStep()) out.items.push_back(readNotification(*q));
    finishPage(out, page.limit, [](const Notification& n) { return n.id; });
    return out;
}

std::int64_t SqliteNotificationStore::unreadCount(UserId user) {
    auto q = c_.prepare("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at = 0");
    q->bind(1, user.value);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

bool SqliteNotificationStore::markRead(std::int64_t id, Instant at) {
    auto q = c_.prepare("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at = 0");
    // A read in the epoch's first second would read as unread: at least 1.
    q->bind(1, std::max<std::int64_t>(at.seconds(), 1));
    q->bind(2, id);
    return q->exec() > 0;
}

std::int64_t SqliteNotificationStore::markAllRead(UserId user, Instant at) {
    auto q = c_.prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at = 0");
    q->bind(1, std::max<std::int64_t>(at.seconds(), 1));
    q->bind(2, user.value);
    return q->exec();
}

std::optional<domain::NotificationPreferences> SqliteNotificationStore::preferences(UserId user) {
    auto q = c_.prepare(
        "SELECT muted_kinds, webhook, email, quiet_start, quiet_end FROM notification_preferences WHERE user_id = ?");
    q->bind(1, user.value);
    if (!q->executeStep()) return std::nullopt;
    domain::NotificationPreferences p;
    p.muted = splitKinds(q->getColumn(0).getString());
    p.webhook = q->getColumn(1).getInt() != 0;
    p.email = q->getColumn(2).getString();
    const int start = q->getColumn(3).getInt(), end = q->getColumn(4).getInt();
    if (start >= 0 && end >= 0) p.quiet = domain::QuietHours{start, end};
    return p;
}

void SqliteNotificationStore::savePreferences(UserId user, const domain::NotificationPreferences& p, Instant at) {
    auto q = c_.prepare(
        "INSERT OR REPLACE INTO notification_preferences (user_id, muted_kinds, webhook, email, quiet_start,"
        " quiet_end, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, user.value);
    q->bind(2, joinKinds(p.muted));
    q->bind(3, p.webhook ? 1 : 0);
    q->bind(4, p.email);
    q->bind(5, p.quiet ? p.quiet->start : -1);
    q->bind(6, p.quiet ? p.quiet->end : -1);
    q->bind(7, at.seconds());
    q->exec();
}

std::optional<domain::DeliverySettings> SqliteNotificationStore::deliverySettings(DistrictId district) {
    auto q = c_.prepare(
        "SELECT webhook_url, webhook_secret, smtp_host, smtp_port, smtp_from, quiet_start, quiet_end, updated_at,"
        " updated_by, webhook_ca_pem, smtp_starttls, smtp_user, smtp_password FROM notification_district_delivery"
        " WHERE district_id = ?");
    q->bind(1, district.value);
    if (!q->executeStep()) return std::nullopt;
    domain::DeliverySettings s;
    s.webhook_url = q->getColumn(0).getString();
    s.webhook_secret = q->getColumn(1).getString();
    s.smtp_host = q->getColumn(2).getString();
    s.smtp_port = q->getColumn(3).getInt();
    s.smtp_from = q->getColumn(4).getString();
    s.quiet = {q->getColumn(5).getInt(), q->getColumn(6).getInt()};
    s.updated_at = Instant::fromSeconds(q->getColumn(7).getInt64());
    s.updated_by = UserId(q->getColumn(8).getInt64());
    s.webhook_ca_pem = q->getColumn(9).getString();
    s.smtp_starttls = q->getColumn(10).getInt() != 0;
    s.smtp_user = q->getColumn(11).getString();
    s.smtp_password = q->getColumn(12).getString();
    return s;
}

void SqliteNotificationStore::saveDeliverySettings(DistrictId district, const domain::DeliverySettings& s) {
    auto q = c_.prepare(
        "INSERT OR REPLACE INTO notification_district_delivery (district_id, webhook_url, webhook_secret, smtp_host,"
        " smtp_port, smtp_from, quiet_start, quiet_end, updated_at, updated_by, webhook_ca_pem, smtp_starttls,"
        " smtp_user, smtp_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, district.value);
    q->bind(2, s.webhook_url);
    q->bind(3, s.webhook_secret);
    q->bind(4, s.smtp_host);
    q->bind(5, s.smtp_port);
    q->bind(6, s.smtp_from);
    q->bind(7, s.quiet.start);
    q->bind(8, s.quiet.end);
    q->bind(9, s.updated_at.seconds());
    bindUserOrNull(*q, 10, s.updated_by.value);
    q->bind(11, s.webhook_ca_pem);
    q->bind(12, s.smtp_starttls ? 1 : 0);
    q->bind(13, s.smtp_user);
    q->bind(14, s.smtp_password);
    q->exec();
}

std::int64_t SqliteNotificationStore::insertDelivery(const Delivery& d) {
    auto q = c_.prepare(
        "INSERT INTO notification_deliveries (notification_id, district_id, channel, target, status, attempts,"
        " next_attempt_at, last_error, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, d.notification_id);
    q->bind(2, d.district.value);
    q->bind(3, d.channel);
    q->bind(4, d.target);
    q->bind(5, domain::deliveryStatusName(d.status));
    q->bind(6, d.attempts);
    q->bind(7, d.next_attempt_at.seconds());
    q->bind(8, d.last_error);
    q->bind(9, d.created_at.seconds());
    q->bind(10, d.sent_at.seconds());
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<Delivery> SqliteNotificationStore::delivery(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_DELIVERY_COLUMNS " FROM notification_deliveries WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readDelivery(*q);
}

std::vector<Delivery> SqliteNotificationStore::dueDeliveries(Instant now, int limit) {
    auto q = c_.prepare("SELECT " YISHI_DELIVERY_COLUMNS
                        " FROM notification_deliveries WHERE status = 'pending' AND next_attempt_at <= ?"
                        " ORDER BY next_attempt_at, id LIMIT ?");
    q->bind(1, now.seconds());
    q->bind(2, limit);
    std::vector<Delivery> out;
    while (q->executeStep()) out.push_back(readDelivery(*q));
    return out;
}

void SqliteNotificationStore::updateDelivery(const Delivery& d) {
    auto q = c_.prepare(
        "UPDATE notification_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
        " sent_at = ? WHERE id = ?");
    q->bind(1, domain::deliveryStatusName(d.status));
    q->bind(2, d.attempts);
    q->bind(3, d.next_attempt_at.seconds());
    q->bind(4, d.last_error);
    q->bind(5, d.sent_at.seconds());
    q->bind(6, d.id);
    q->exec();
}

domain::Page<Delivery> SqliteNotificationStore::deliveries(DistrictId district, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_DELIVERY_COLUMNS
                        " FROM notification_deliveries WHERE district_id = ?1 AND (?2 = 0 OR id < ?2)"
                        " ORDER BY id DESC LIMIT ?3");
    q->bind(1, district.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<Delivery> out;
    while (q->executeStep()) out.items.push_back(readDelivery(*q));
    finishPage(out, page.limit, [](const Delivery& d) { return d.id; });
    return out;
}

bool SqliteNotificationStore::prunable(Instant before) {
    auto q = c_.prepare(
        "SELECT EXISTS (SELECT 1 FROM notification_deliveries WHERE status <> 'pending' AND created_at < ?1)"
        " OR EXISTS (SELECT 1 FROM notifications n WHERE n.read_at > 0 AND n.created_at < ?1 AND NOT EXISTS"
        " (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id))");
    q->bind(1, before.seconds());
    q->executeStep();
    return q->getColumn(0).getInt() != 0;
}

int SqliteNotificationStore::prune(Instant before, int limit) {
    // Deliveries first: an item goes only once none of its deliveries is left.
    auto deliveries = c_.prepare(
        "DELETE FROM notification_deliveries WHERE id IN (SELECT id FROM notification_deliveries"
        " WHERE status <> 'pending' AND created_at < ?1 ORDER BY created_at LIMIT ?2)");
    deliveries->bind(1, before.seconds());
    deliveries->bind(2, limit);
    int pruned = deliveries->exec();
    auto items = c_.prepare(
        "DELETE FROM notifications WHERE id IN (SELECT n.id FROM notifications n WHERE n.read_at > 0"
        " AND n.created_at < ?1 AND NOT EXISTS (SELECT 1 FROM notification_deliveries d"
        " WHERE d.notification_id = n.id) ORDER BY n.created_at LIMIT ?2)");
    items->bind(1, before.seconds());
    items->bind(2, limit);
    pruned += items->exec();
    return pruned;
}

std::vector<std::int64_t> SqliteNotificationStore::proposalsWithDeadlineBetween(Instant since, Instant until) {
    // The states every overdue rule waits in, and each deadline column with
    // the name its rule's announcements carry (proposal.h, overdueRules()):
    // a deadline whose passing was announced is done with.
    auto q = c_.prepare(
        "SELECT p.id FROM proposals p WHERE p.state IN ('submitted', 'screening', 'consultation') AND ("
        " (p.response_due_at > ?1 AND p.response_due_at <= ?2 AND NOT EXISTS (SELECT 1 FROM notification_due_sent d"
        "  WHERE d.what = 'proposal.first_response' AND d.subject_id = p.id AND d.phase = 'passed@' || "
        "p.response_due_at))"
        " OR (p.decision_due_at > ?1 AND p.decision_due_at <= ?2 AND NOT EXISTS (SELECT 1 FROM notification_due_sent d"
        "  WHERE d.what = 'proposal.decision' AND d.subject_id = p.id AND d.phase = 'passed@' || p.decision_due_at))"
        " OR (p.consultation_ends_at > ?1 AND p.consultation_ends_at <= ?2 AND NOT EXISTS (SELECT 1"
        "  FROM notification_due_sent d WHERE d.what = 'proposal.consultation_ended' AND d.subject_id = p.id"
        "  AND d.phase = 'passed@' || p.consultation_ends_at))) ORDER BY p.id");
    q->bind(1, since.seconds());
    q->bind(2, until.seconds());
    std::vector<std::int64_t> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getInt64());
    return out;
}

std::vector<domain::NotificationStore::MeetingFacts> SqliteNotificationStore::meetingsStartingBetween(Instant since,
                                                                                                      Instant until) {
    auto q = c_.prepare(
        "SELECT m.id, m.proposal_id, m.starts_at FROM meetings m WHERE m.starts_at > ?1 AND m.starts_at <= ?2"
        " AND EXISTS (SELECT 1 FROM meeting_invitations i WHERE i.meeting_id = m.id AND i.answer = 'attend')"
        " AND NOT EXISTS (SELECT 1 FROM notification_due_sent d WHERE d.what = 'meeting' AND d.subject_id = m.id"
        " AND d.phase = 'reminder@' || m.starts_at) ORDER BY m.starts_at, m.id");
    q->bind(1, since.seconds());
    q->bind(2, until.seconds());
    std::vector<MeetingFacts> out;
    while (q->executeStep()) {
        out.push_back(
            {q->getColumn(0).getInt64(), q->getColumn(1).getInt64(), Instant::fromSeconds(q->getColumn(2).getInt64())});
    }
    return out;
}

std::vector<std::int64_t> SqliteNotificationStore::electionsChangingBefore(Instant until) {
    auto q = c_.prepare(
        "SELECT e.id FROM elections e WHERE (e.opens_at <= ?1 AND e.phase <> 'ceremony' AND NOT EXISTS (SELECT 1"
        " FROM notification_due_sent d"
        " WHERE d.what = 'election' AND d.subject_id = e.id AND d.phase = 'opened'))"
        " OR (e.closes_at <= ?1 AND NOT EXISTS (SELECT 1 FROM notification_due_sent d"
        " WHERE d.what = 'election' AND d.subject_id = e.id AND d.phase = 'closed')) ORDER BY e.id");
    q->bind(1, until.seconds());
    std::vector<std::int64_t> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getInt64());
    return out;
}

std::vector<domain::EscalationDue> SqliteNotificationStore::escalationsDueBetween(Instant since, Instant until) {
    auto q = c_.prepare(
        "SELECT e.id, e.proposal_id, e.level, e.street_id, e.district_id, e.due_at FROM escalations e"
        " WHERE e.status = 'open' AND e.due_at > ?1 AND e.due_at <= ?2 AND NOT EXISTS (SELECT 1"
        " FROM notification_due_sent d WHERE d.what = 'escalation.' || e.level AND d.subject_id = e.id"
        " AND d.phase = 'passed@' || e.due_at) ORDER BY e.id");
    q->bind(1, since.seconds());
    q->bind(2, until.seconds());
    std::vector<domain::EscalationDue> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getInt64(), q->getColumn(2).getString(),
                       q->getColumn(3).getInt64(), DistrictId(q->getColumn(4).getInt64()),
                       Instant::fromSeconds(q->getColumn(5).getInt64())});
    }
    return out;
}

bool SqliteNotificationStore::dueMarked(const std::string& what, std::int64_t id, const std::string& phase) {
    auto q = c_.prepare("SELECT 1 FROM notification_due_sent WHERE what = ? AND subject_id = ? AND phase = ?");
    q->bind(1, what);
    q->bind(2, id);
    q->bind(3, phase);
    return q->executeStep();
}

bool SqliteNotificationStore::markDue(const std::string& what, std::int64_t id, const std::string& phase, Instant at) {
    auto q = c_.prepare(
        "INSERT OR IGNORE INTO notification_due_sent (what, subject_id, phase, sent_at) VALUES (?, ?, ?, ?)");
    q->bind(1, what);
    q->bind(2, id);
    q->bind(3, phase);
    q->bind(4, at.seconds());
    return q->exec() > 0;
}

}  // namespace yishi::storage
