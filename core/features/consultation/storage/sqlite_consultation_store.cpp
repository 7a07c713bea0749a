#include "sqlite_consultation_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::Comment;
using domain::Meeting;

namespace {

// The last column is the mark of an assisted posting, read from its audit
// row (the kernel's assisted columns, migration 024): name, role and consent
// joined by U+001F, or null.
#define YISHI_COMMENT_COLUMNS                                                                        \
    "id, proposal_id, community_id, parent_id, depth, author_id, stance, body, created_at,"          \
    " edited_at, withdrawn, hidden, hidden_reason, reports,"                                         \
    " (SELECT u.display_name || char(31) || a.assisted_role || char(31) || a.consent"                \
    "  FROM audit_log a JOIN users u ON u.id = a.assisted_by WHERE a.subject_kind = 'comment'"       \
    "  AND a.subject_id = comments.id AND a.action = 'comment.posted' AND a.assisted_by IS NOT NULL" \
    "  LIMIT 1)"

Comment readComment(SQLite::Statement& q) {
    Comment c;
    c.id = domain::CommentId(q.getColumn(0).getInt64());
    c.proposal_id = domain::ProposalId(q.getColumn(1).getInt64());
    c.community_id = CommunityId(q.getColumn(2).getInt64());
    c.parent_id = domain::CommentId(q.getColumn(3).getInt64());
    c.depth = q.getColumn(4).getInt();
    c.author_id = UserId(q.getColumn(5).getInt64());
    c.stance = storedEnum(q.getColumn(6).getString(), domain::parseStance, "comments", "stance");
    c.body = q.getColumn(7).getString();
    c.created_at = Instant::fromSeconds(q.getColumn(8).getInt64());
    c.edited_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    c.withdrawn = q.getColumn(10).getInt() != 0;
    c.hidden = q.getColumn(11).getInt() != 0;
    c.hidden_reason = q.getColumn(12).getString();
    c.reports = q.getColumn(13).getInt();
    if (!q.getColumn(14).isNull()) {
        const std::string mark = q.getColumn(14).getString();
        const std::size_t first = mark.find('\x1f');
        const std::size_t second = mark.find('\x1f', first == std::string::npos ? first : first + 1);
        if (second != std::string::npos) {
            c.assisted_by_name = mark.substr(0, first);
            c.assisted_role = mark.substr(first + 1, second - first - 1);
            c.consent = mark.substr(second + 1);
        }
    }
    return c;
}

#define YISHI_MEETING_COLUMNS \
    "id, proposal_id, community_id, mode, starts_at, place, minutes, attendance, recorded_at, created_by"

Meeting readMeeting(SQLite::Statement& q) {
    Meeting m;
    m.id = domain::MeetingId(q.getColumn(0).getInt64());
    m.proposal_id = domain::ProposalId(q.getColumn(1).getInt64());
    m.community_id = CommunityId(q.getColumn(2).getInt64());
    m.mode = storedEnum(q.getColumn(3).getString(), domain::parseMeetingMode, "meetings", "mode");
    m.starts_at = Instant::fromSeconds(q.getColumn(4).getInt64());
    m.place = q.getColumn(5).getString();
    m.minutes = q.getColumn(6).getString();
    m.attendance = q.getColumn(7).getInt();
    m.recorded_at = Instant::fromSeconds(q.getColumn(8).getInt64());
    m.created_by = UserId(q.getColumn(9).getInt64());
    return m;
}

}  // namespace

std::optional<Comment> SqliteConsultationStore::comment(domain::CommentId id) {
    auto q = c_.prepare("SELECT " YISHI_COMMENT_COLUMNS " FROM comments WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readComment(*q);
}

domain::CommentId SqliteConsultationStore::insertComment(const Comment& c) {
    auto q = c_.prepare(
        "INSERT INTO comments (proposal_id, community_id, parent_id, depth, author_id, stance, body,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, c.proposal_id.value);
    q->bind(2, c.community_id.value);
    if (c.parent_id.valid())
        q->bind(3, c.parent_id.value);
    else
        q->bind(3);
    q->bind(4, c.depth);
    q->bind(5, c.author_id.value);
    q->bind(6, domain::stanceName(c.stance));
    q->bind(7, c.body);
    q->bind(8, c.created_at.seconds());
    q->exec();
    return domain::CommentId(c_.db().getLastInsertRowid());
}

void SqliteConsultationStore::updateComment(const Comment& c) {
    auto q = c_.prepare(
        "UPDATE comments SET body = ?, stance = ?, edited_at = ?, withdrawn = ?, hidden = ?,"
        " hidden_reason = ?, reports = ? WHERE id = ?");
    q->bind(1, c.body);
    q->bind(2, domain::stanceName(c.stance));
    q->bind(3, c.edited_at.seconds());
    q->bind(4, c.withdrawn ? 1 : 0);
    q->bind(5, c.hidden ? 1 : 0);
    q->bind(6, c.hidden_reason);
    q->bind(7, c.reports);
    q->bind(8, c.id.value);
    q->exec();
}

void SqliteConsultationStore::insertRevision(const domain::CommentRevision& r) {
    auto q = c_.prepare(
        "INSERT INTO comment_revisions (comment_id, revision, body, stance, written_at, replaced_at)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, r.comment_id.value);
    q->bind(2, r.revision);
    q->bind(3, r.body);
    q->bind(4, domain::stanceName(r.stance));
    q->bind(5, r.written_at.seconds());
    q->bind(6, r.replaced_at.seconds());
    q->exec();
}

std::vector<domain::CommentRevision> SqliteConsultationStore::revisions(domain::CommentId comment) {
    auto q = c_.prepare(
        "SELECT comment_id, revision, body, stance, written_at, replaced_at FROM comment_revisions"
        " WHERE comment_id = ? ORDER BY revision");
    q->bind(1, comment.value);
    std::vector<domain::CommentRevision> out;
    while (q->executeStep()) {
        domain::CommentRevision r;
        r.comment_id = domain::CommentId(q->getColumn(0).getInt64());
        r.revision = q->getColumn(1).getInt();
        r.body = q->getColumn(2).getString();
        r.stance = storedEnum(q->getColumn(3).getString(), domain::parseStance, "comment_revisions", "stance");
        r.written_at = Instant::fromSeconds(q->getColumn(4).getInt64());
        r.replaced_at = Instant::fromSeconds(q->getColumn(5).getInt64());
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Comment> SqliteConsultationStore::comments(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT " YISHI_COMMENT_COLUMNS " FROM comments WHERE proposal_id = ? ORDER BY id");
    q->bind(1, proposal.value);
    std::vector<Comment> out;
    while (q->executeStep()) out.push_back(readComment(*q));
    return out;
}

domain::Page<Comment> SqliteConsultationStore::comments(domain::ProposalId proposal, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_COMMENT_COLUMNS
                        " FROM comments WHERE proposal_id = ? AND id > ? ORDER BY id LIMIT ?");
    q->bind(1, proposal.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<Comment> out;
    while (q->executeStep()) out.items.push_back(readComment(*q));
    finishPage(out, page.limit, [](const Comment& c) { return c.id.value; });
    return out;
}

domain::Page<Comment> SqliteConsultationStore::commentsToReview(CommunityId community, domain::PageRequest page) {
    // The condition is that of the partial index comments_to_review (migration 012).
    auto q = c_.prepare("SELECT " YISHI_COMMENT_COLUMNS
                        " FROM comments WHERE community_id = ? AND id > ? AND reports > reports_reviewed"
                        " AND withdrawn = 0 ORDER BY id LIMIT ?");
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<Comment> out;
    while (q->executeStep()) out.items.push_back(readComment(*q));
    finishPage(out, page.limit, [](const Comment& c) { return c.id.value; });
    return out;
}

void SqliteConsultationStore::markReviewed(domain::CommentId comment) {
    auto q = c_.prepare("UPDATE comments SET reports_reviewed = reports WHERE id = ?");
    q->bind(1, comment.value);
    q->exec();
}

bool SqliteConsultationStore::insertReport(domain::CommentId comment, UserId reporter, const std::string& reason,
                                           Instant at) {
    auto q = c_.prepare(
        "INSERT INTO comment_reports (comment_id, reporter_id, reason, reported_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING");
    q->bind(1, comment.value);
    q->bind(2, reporter.value);
    q->bind(3, reason);
    q->bind(4, at.seconds());
    return q->exec() == 1;
}

bool SqliteConsultationStore::insertSupport(domain::ProposalId proposal, UserId user, Instant at) {
    auto q =
        c_.prepare("INSERT INTO supports (proposal_id, user_id, given_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, proposal.value);
    q->bind(2, user.value);
    q->bind(3, at.seconds());
    return q->exec() == 1;
}

bool SqliteConsultationStore::deleteSupport(domain::ProposalId proposal, UserId user) {
    auto q = c_.prepare("DELETE FROM supports WHERE proposal_id = ? AND user_id = ?");
    q->bind(1, proposal.value);
    q->bind(2, user.value);
    return q->exec() == 1;
}

std::int64_t SqliteConsultationStore::countSupports(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT COUNT(*) FROM supports WHERE proposal_id = ?");
    q->bind(1, proposal.value);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

bool SqliteConsultationStore::hasSupport(domain::ProposalId proposal, UserId user) {
    auto q = c_.prepare("SELECT 1 FROM supports WHERE proposal_id = ? AND user_id = ?");
    q->bind(1, proposal.value);
    q->bind(2, user.value);
    return q->executeStep();
}

std::optional<Meeting> SqliteConsultationStore::meeting(domain::MeetingId id) {
    auto q = c_.prepare("SELECT " YISHI_MEETING_COLUMNS " FROM meetings WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readMeeting(*q);
}

domain::MeetingId SqliteConsultationStore::insertMeeting(const Meeting& m) {
    auto q = c_.prepare(
        "INSERT INTO meetings (proposal_id, community_id, mode, starts_at, place, created_by)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, m.proposal_id.value);
    q->bind(2, m.community_id.value);
    q->bind(3, domain::meetingModeName(m.mode));
    q->bind(4, m.starts_at.seconds());
    q->bind(5, m.place);
    q->bind(6, m.created_by.value);
    q->exec();
    return domain::MeetingId(c_.db().getLastInsertRowid());
}

void SqliteConsultationStore::updateMeeting(const Meeting& m) {
    auto q = c_.prepare("UPDATE meetings SET minutes = ?, attendance = ?, recorded_at = ? WHERE id = ?");
    q->bind(1, m.minutes);
    q->bind(2, m.attendance);
    q->bind(3, m.recorded_at.seconds());
    q->bind(4, m.id.value);
    q->exec();
}

std::vector<Meeting> SqliteConsultationStore::meetings(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT " YISHI_MEETING_COLUMNS " FROM meetings WHERE proposal_id = ? ORDER BY id");
    q->bind(1, proposal.value);
    std::vector<Meeting> out;
    while (q->executeStep()) out.push_back(readMeeting(*q));
    return out;
}

}  // namespace yishi::storage
