#include "sqlite_council_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::AdoptionMark;
using domain::CallTopic;
using domain::TopicCall;

namespace {

#define YISHI_CALL_COLUMNS "id, community_id, title, description, theme, created_at, deadline, closed_at, created_by"

TopicCall readCall(SQLite::Statement& q) {
    TopicCall c;
    c.id = q.getColumn(0).getInt64();
    c.community_id = CommunityId(q.getColumn(1).getInt64());
    c.title = q.getColumn(2).getString();
    c.description = q.getColumn(3).getString();
    c.theme = q.getColumn(4).getString();
    c.created_at = Instant::fromSeconds(q.getColumn(5).getInt64());
    c.deadline = Instant::fromSeconds(q.getColumn(6).getInt64());
    c.closed_at = Instant::fromSeconds(q.getColumn(7).getInt64());
    c.created_by = UserId(q.getColumn(8).getInt64());
    return c;
}

#define YISHI_MARK_COLUMNS "comment_id, proposal_id, community_id, author_id, decision, reason, decided_by, decided_at"

AdoptionMark readMark(SQLite::Statement& q) {
    AdoptionMark m;
    m.comment_id = domain::CommentId(q.getColumn(0).getInt64());
    m.proposal_id = domain::ProposalId(q.getColumn(1).getInt64());
    m.community_id = CommunityId(q.getColumn(2).getInt64());
    m.author_id = UserId(q.getColumn(3).getInt64());
    m.decision = storedEnum(q.getColumn(4).getString(), domain::parseAdoptionDecision, "adoption_marks", "decision");
    m.reason = q.getColumn(5).getString();
    m.decided_by = UserId(q.getColumn(6).getInt64());
    m.decided_at = Instant::fromSeconds(q.getColumn(7).getInt64());
    return m;
}

}  // namespace

std::int64_t SqliteCouncilStore::insertCall(const TopicCall& call) {
    auto q = c_.prepare(
        "INSERT INTO topic_calls (community_id, title, description, theme, created_at, deadline, created_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, call.community_id.value);
    q->bind(2, call.title);
    q->bind(3, call.description);
    q->bind(4, call.theme);
    q->bind(5, call.created_at.seconds());
    q->bind(6, call.deadline.seconds());
    q->bind(7, call.created_by.value);
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<TopicCall> SqliteCouncilStore::call(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_CALL_COLUMNS " FROM topic_calls WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readCall(*q);
}

void SqliteCouncilStore::closeCall(std::int64_t id, Instant at) {
    auto q = c_.prepare("UPDATE topic_calls SET closed_at = ? WHERE id = ?");
    q->bind(1, at.seconds());
    q->bind(2, id);
    q->exec();
}

domain::Page<TopicCall> SqliteCouncilStore::calls(CommunityId community, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_CALL_COLUMNS
                        " FROM topic_calls WHERE community_id = ?1 AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<TopicCall> out;
    while (q->executeStep()) out.items.push_back(readCall(*q));
    finishPage(out, page.limit, [](const TopicCall& c) { return c.id; });
    return out;
}

bool SqliteCouncilStore::insertCallTopic(const CallTopic& topic) {
    auto q = c_.prepare(
        "INSERT INTO topic_call_topics (call_id, proposal_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, topic.call_id);
    q->bind(2, topic.proposal_id.value);
    q->bind(3, topic.linked_at.seconds());
    return q->exec() == 1;
}

std::vector<CallTopic> SqliteCouncilStore::callTopics(std::int64_t call_id) {
    auto q = c_.prepare(
        "SELECT call_id, proposal_id, linked_at FROM topic_call_topics WHERE call_id = ? ORDER BY linked_at, "
        "proposal_id");
    q->bind(1, call_id);
    std::vector<CallTopic> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getInt64(), domain::ProposalId(q->getColumn(1).getInt64()),
                       Instant::fromSeconds(q->getColumn(2).getInt64())});
    }
    return out;
}

std::int64_t SqliteCouncilStore::countCallTopics(std::int64_t call_id) {
    auto q = c_.prepare(
        "SELECT COUNT(*) FROM topic_call_topics t JOIN proposals p ON p.id = t.proposal_id"
        " WHERE t.call_id = ? AND p.state <> 'draft'");
    q->bind(1, call_id);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

void SqliteCouncilStore::putMark(const AdoptionMark& mark) {
    auto q =
        c_.prepare("INSERT OR REPLACE INTO adoption_marks (" YISHI_MARK_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, mark.comment_id.value);
    q->bind(2, mark.proposal_id.value);
    q->bind(3, mark.community_id.value);
    q->bind(4, mark.author_id.value);
    q->bind(5, domain::adoptionDecisionName(mark.decision));
    q->bind(6, mark.reason);
    q->bind(7, mark.decided_by.value);
    q->bind(8, mark.decided_at.seconds());
    q->exec();
}

std::optional<AdoptionMark> SqliteCouncilStore::mark(domain::CommentId comment) {
    auto q = c_.prepare("SELECT " YISHI_MARK_COLUMNS " FROM adoption_marks WHERE comment_id = ?");
    q->bind(1, comment.value);
    if (!q->executeStep()) return std::nullopt;
    return readMark(*q);
}

std::vector<AdoptionMark> SqliteCouncilStore::marksOfProposal(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT " YISHI_MARK_COLUMNS " FROM adoption_marks WHERE proposal_id = ? ORDER BY comment_id");
    q->bind(1, proposal.value);
    std::vector<AdoptionMark> out;
    while (q->executeStep()) out.push_back(readMark(*q));
    return out;
}

std::vector<domain::AdoptionDecided> SqliteCouncilStore::decisionsOfCommunity(CommunityId community) {
    auto q = c_.prepare(
        "SELECT decision, decided_at FROM adoption_marks WHERE community_id = ?1"
        " UNION ALL SELECT decision, decided_at FROM meeting_suggestions"
        " WHERE community_id = ?1 AND decision IS NOT NULL ORDER BY decided_at");
    q->bind(1, community.value);
    std::vector<domain::AdoptionDecided> out;
    while (q->executeStep()) {
        out.push_back(
            {storedEnum(q->getColumn(0).getString(), domain::parseAdoptionDecision, "adoption_marks", "decision"),
             Instant::fromSeconds(q->getColumn(1).getInt64())});
    }
    return out;
}

}  // namespace yishi::storage
