#include "sqlite_noticeboard_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::AccountEntry;
using domain::Notice;
using domain::NoticeVersion;

namespace {

#define YISHI_NOTICE_VERSION_COLUMNS \
    "v.id, v.notice_id, v.kind, v.notice_kind, v.title, v.body, v.at, v.expires_at, v.by_user, v.reason"

// The notice's own columns, then its newest version's.
#define YISHI_NOTICE_SELECT                                                          \
    "SELECT n.id, n.community_id, n.published_at, n.by_user, "                       \
    "(SELECT COUNT(*) FROM notice_versions w WHERE w.notice_id = n.id AND w.kind = " \
    "'corrected'), " YISHI_NOTICE_VERSION_COLUMNS                                    \
    " FROM notices n JOIN notice_versions v ON v.id = (SELECT MAX(id) FROM notice_versions WHERE notice_id = n.id)"

NoticeVersion readVersion(SQLite::Statement& q, int first) {
    NoticeVersion v;
    v.id = q.getColumn(first).getInt64();
    v.notice_id = q.getColumn(first + 1).getInt64();
    v.kind = storedEnum(q.getColumn(first + 2).getString(), domain::parseNoticeVersionKind, "notice_versions", "kind");
    v.notice_kind =
        storedEnum(q.getColumn(first + 3).getString(), domain::parseNoticeKind, "notice_versions", "notice_kind");
    v.title = q.getColumn(first + 4).getString();
    v.body = q.getColumn(first + 5).getString();
    v.at = Instant::fromSeconds(q.getColumn(first + 6).getInt64());
    v.expires_at = Instant::fromSeconds(q.getColumn(first + 7).getInt64());
    v.by = UserId(q.getColumn(first + 8).getInt64());
    v.reason = q.getColumn(first + 9).getString();
    return v;
}

Notice readNotice(SQLite::Statement& q) {
    Notice n;
    n.id = q.getColumn(0).getInt64();
    n.community_id = CommunityId(q.getColumn(1).getInt64());
    n.published_at = Instant::fromSeconds(q.getColumn(2).getInt64());
    n.published_by = UserId(q.getColumn(3).getInt64());
    n.corrections = q.getColumn(4).getInt();
    n.current = readVersion(q, 5);
    return n;
}

#define YISHI_ACCOUNT_COLUMNS                                                                             \
    "id, community_id, direction, category, amount_fen, date, counterparty, note, by_user, recorded_at, " \
    "corrects, reason"

AccountEntry readEntry(SQLite::Statement& q) {
    AccountEntry e;
    e.id = q.getColumn(0).getInt64();
    e.community_id = CommunityId(q.getColumn(1).getInt64());
    e.direction = storedEnum(q.getColumn(2).getString(), domain::parseAccountDirection, "account_entries", "direction");
    e.category = q.getColumn(3).getString();
    e.amount_fen = q.getColumn(4).getInt64();
    e.date = Instant::fromSeconds(q.getColumn(5).getInt64());
    e.counterparty = q.getColumn(6).getString();
    e.note = q.getColumn(7).getString();
    e.by = UserId(q.getColumn(8).getInt64());
    e.recorded_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    e.corrects = q.getColumn(10).getInt64();  // NULL reads as 0: an original
    e.reason = q.getColumn(11).getString();
    return e;
}

}  // namespace

std::int64_t SqliteNoticeStore::insertNotice(CommunityId community, const NoticeVersion& first) {
    auto q = c_.prepare("INSERT INTO notices (community_id, published_at, by_user) VALUES (?, ?, ?)");
    q->bind(1, community.value);
    q->bind(2, first.at.seconds());
    q->bind(3, first.by.value);
    q->exec();
    NoticeVersion v = first;
    v.notice_id = c_.db().getLastInsertRowid();
    insertVersion(v);
    return v.notice_id;
}

std::int64_t SqliteNoticeStore::insertVersion(const NoticeVersion& v) {
    auto q = c_.prepare(
        "INSERT INTO notice_versions (notice_id, kind, notice_kind, title, body, at, expires_at, by_user, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, v.notice_id);
    q->bind(2, domain::noticeVersionKindName(v.kind));
    q->bind(3, domain::noticeKindName(v.notice_kind));
    q->bind(4, v.title);
    q->bind(5, v.body);
    q->bind(6, v.at.seconds());
    q->bind(7, v.expires_at.seconds());
    q->bind(8, v.by.value);
    q->bind(9, v.reason);
    q->exec();
    const std::int64_t id = c_.db().getLastInsertRowid();
    int position = 0;
    for (const domain::NoticeAttachment& a : v.attachments) {
        auto add = c_.prepare(
            "INSERT INTO notice_attachments (version_id, position, sha256, size_bytes, media_type, file_name)"
            " VALUES (?, ?, ?, ?, ?, ?)");
        add->bind(1, id);
        add->bind(2, position++);
        add->bind(3, a.sha256);
        add->bind(4, a.size_bytes);
        add->bind(5, a.media_type);
        add->bind(6, a.file_name);
        add->exec();
    }
    return id;
}

std::vector<domain::NoticeAttachment> SqliteNoticeStore::attachments(std::int64_t version_id) {
    auto q = c_.prepare(
        "SELECT sha256, size_bytes, media_type, file_name FROM notice_attachments WHERE version_id = ?"
        " ORDER BY position");
    q->bind(1, version_id);
    std::vector<domain::NoticeAttachment> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getString(), q->getColumn(1).getInt64(), q->getColumn(2).getString(),
                       q->getColumn(3).getString()});
    }
    return out;
}

std::optional<Notice> SqliteNoticeStore::notice(std::int64_t id) {
    std::optional<Notice> out;
    {
        auto q = c_.prepare(YISHI_NOTICE_SELECT " WHERE n.id = ?");
        q->bind(1, id);
        if (!q->executeStep()) return std::nullopt;
        out = readNotice(*q);
    }
    out->current.attachments = attachments(out->current.id);
    return out;
}

std::vector<NoticeVersion> SqliteNoticeStore::versions(std::int64_t notice_id) {
    std::vector<NoticeVersion> out;
    {
        auto q = c_.prepare("SELECT " YISHI_NOTICE_VERSION_COLUMNS
                            " FROM notice_versions v WHERE v.notice_id = ? ORDER BY v.id");
        q->bind(1, notice_id);
        while (q->executeStep()) out.push_back(readVersion(*q, 0));
    }
    for (NoticeVersion& v : out) v.attachments = attachments(v.id);
    return out;
}

domain::Page<Notice> SqliteNoticeStore::list(CommunityId community, std::optional<domain::NoticeKind> kind,
                                             domain::PageRequest page) {
    auto q = c_.prepare(YISHI_NOTICE_SELECT
                        " WHERE n.community_id = ?1 AND (?2 = '' OR v.notice_kind = ?2) AND (?3 = 0 OR n.id < ?3)"
                        " ORDER BY n.id DESC LIMIT ?4");
    q->bind(1, community.value);
    q->bind(2, kind ? domain::noticeKindName(*kind) : "");
    q->bind(3, page.after);
    q->bind(4, page.limit + 1);
    domain::Page<Notice> out;
    while (q->executeStep()) out.items.push_back(readNotice(*q));
    finishPage(out, page.limit, [](const Notice& n) { return n.id; });
    return out;
}

std::int64_t SqliteAccountStore::insertEntry(const AccountEntry& e) {
    auto q = c_.prepare(
        "INSERT INTO account_entries (community_id, direction, category, amount_fen, date, counterparty, note,"
        " by_user, recorded_at, corrects, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.community_id.value);
    q->bind(2, domain::accountDirectionName(e.direction));
    q->bind(3, e.category);
    q->bind(4, e.amount_fen);
    q->bind(5, e.date.seconds());
    q->bind(6, e.counterparty);
    q->bind(7, e.note);
    q->bind(8, e.by.value);
    q->bind(9, e.recorded_at.seconds());
    if (e.corrects)
        q->bind(10, e.corrects);
    else
        q->bind(10);
    q->bind(11, e.reason);
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<AccountEntry> SqliteAccountStore::entry(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_ACCOUNT_COLUMNS " FROM account_entries WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readEntry(*q);
}

std::vector<AccountEntry> SqliteAccountStore::entries(CommunityId community) {
    auto q = c_.prepare("SELECT " YISHI_ACCOUNT_COLUMNS " FROM account_entries WHERE community_id = ? ORDER BY id");
    q->bind(1, community.value);
    std::vector<AccountEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

domain::Page<AccountEntry> SqliteAccountStore::page(CommunityId community, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_ACCOUNT_COLUMNS
                        " FROM account_entries WHERE community_id = ?1 AND (?2 = 0 OR id < ?2)"
                        " ORDER BY id DESC LIMIT ?3");
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<AccountEntry> out;
    while (q->executeStep()) out.items.push_back(readEntry(*q));
    finishPage(out, page.limit, [](const AccountEntry& e) { return e.id; });
    return out;
}

}  // namespace yishi::storage
