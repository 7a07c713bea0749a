#include "sqlite_case_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::Case;
using domain::CaseEntry;

namespace {

#define YISHI_CASE_COLUMNS                                                                                         \
    "c.id, c.proposal_id, c.community_id, c.raised_by, c.state, c.assignee, c.opened_at, c.done_at, c.closed_at, " \
    "c.reopened"

#define YISHI_CASE_ENTRY_COLUMNS \
    "e.id, e.case_id, e.kind, e.at, e.by_user, e.text, e.assignee, e.handling_stars, e.result_stars, e.solved"

Case readCase(SQLite::Statement& q) {
    Case c;
    c.id = domain::CaseId(q.getColumn(0).getInt64());
    c.proposal_id = domain::ProposalId(q.getColumn(1).getInt64());
    c.community_id = CommunityId(q.getColumn(2).getInt64());
    c.raised_by = UserId(q.getColumn(3).getInt64());
    c.state = storedEnum(q.getColumn(4).getString(), domain::parseCaseState, "cases", "state");
    c.assignee = UserId(q.getColumn(5).getInt64());  // NULL reads as 0: nobody
    c.opened_at = Instant::fromSeconds(q.getColumn(6).getInt64());
    c.done_at = Instant::fromSeconds(q.getColumn(7).getInt64());
    c.closed_at = Instant::fromSeconds(q.getColumn(8).getInt64());
    c.reopened = q.getColumn(9).getInt();
    return c;
}

CaseEntry readEntry(SQLite::Statement& q) {
    CaseEntry e;
    e.id = q.getColumn(0).getInt64();
    e.case_id = domain::CaseId(q.getColumn(1).getInt64());
    e.kind = storedEnum(q.getColumn(2).getString(), domain::parseCaseEntryKind, "case_entries", "kind");
    e.at = Instant::fromSeconds(q.getColumn(3).getInt64());
    e.by = UserId(q.getColumn(4).getInt64());
    e.text = q.getColumn(5).getString();
    e.assignee = UserId(q.getColumn(6).getInt64());
    e.handling_stars = q.getColumn(7).getInt();
    e.result_stars = q.getColumn(8).getInt();
    e.solved = q.getColumn(9).isNull() || q.getColumn(9).getInt() != 0;
    return e;
}

void bindUser(SQLite::Statement& q, int index, UserId id) {
    if (id.valid())
        q.bind(index, id.value);
    else
        q.bind(index);
}

}  // namespace

std::optional<Case> SqliteCaseStore::byId(domain::CaseId id) {
    auto q = c_.prepare("SELECT " YISHI_CASE_COLUMNS " FROM cases c WHERE c.id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readCase(*q);
}

std::optional<Case> SqliteCaseStore::ofProposal(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT " YISHI_CASE_COLUMNS " FROM cases c WHERE c.proposal_id = ?");
    q->bind(1, proposal.value);
    if (!q->executeStep()) return std::nullopt;
    return readCase(*q);
}

domain::CaseId SqliteCaseStore::insertCase(const Case& c) {
    auto q = c_.prepare(
        "INSERT INTO cases (proposal_id, community_id, raised_by, state, assignee, opened_at)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, c.proposal_id.value);
    q->bind(2, c.community_id.value);
    q->bind(3, c.raised_by.value);
    q->bind(4, domain::caseStateName(c.state));
    bindUser(*q, 5, c.assignee);
    q->bind(6, c.opened_at.seconds());
    q->exec();
    return domain::CaseId(c_.db().getLastInsertRowid());
}

void SqliteCaseStore::updateCase(const Case& c) {
    auto q =
        c_.prepare("UPDATE cases SET state = ?, assignee = ?, done_at = ?, closed_at = ?, reopened = ? WHERE id = ?");
    q->bind(1, domain::caseStateName(c.state));
    bindUser(*q, 2, c.assignee);
    q->bind(3, c.done_at.seconds());
    q->bind(4, c.closed_at.seconds());
    q->bind(5, c.reopened);
    q->bind(6, c.id.value);
    q->exec();
}

std::int64_t SqliteCaseStore::insertEntry(const CaseEntry& e) {
    auto q = c_.prepare(
        "INSERT INTO case_entries (case_id, kind, at, by_user, text, assignee, handling_stars, result_stars, solved)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.case_id.value);
    q->bind(2, domain::caseEntryKindName(e.kind));
    q->bind(3, e.at.seconds());
    bindUser(*q, 4, e.by);
    q->bind(5, e.text);
    bindUser(*q, 6, e.assignee);
    if (e.kind == domain::CaseEntryKind::kRated) {
        q->bind(7, e.handling_stars);
        q->bind(8, e.result_stars);
        q->bind(9, e.solved ? 1 : 0);
    } else {
        q->bind(7);
        q->bind(8);
        q->bind(9);
    }
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::vector<CaseEntry> SqliteCaseStore::entries(domain::CaseId id) {
    auto q = c_.prepare("SELECT " YISHI_CASE_ENTRY_COLUMNS " FROM case_entries e WHERE e.case_id = ? ORDER BY e.id");
    q->bind(1, id.value);
    std::vector<CaseEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

std::vector<CaseEntry> SqliteCaseStore::entriesOfCommunity(CommunityId community) {
    auto q = c_.prepare("SELECT " YISHI_CASE_ENTRY_COLUMNS
                        " FROM case_entries e JOIN cases c ON c.id = e.case_id"
                        " WHERE c.community_id = ? ORDER BY e.case_id, e.id");
    q->bind(1, community.value);
    std::vector<CaseEntry> out;
    while (q->executeStep()) out.push_back(readEntry(*q));
    return out;
}

domain::Page<domain::CaseSummary> SqliteCaseStore::list(CommunityId community, std::optional<domain::CaseState> state,
                                                        domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_CASE_COLUMNS
                        ", p.title FROM cases c JOIN proposals p ON p.id = c.proposal_id"
                        " WHERE c.community_id = ?1 AND (?2 = '' OR c.state = ?2) AND c.id > ?3"
                        " ORDER BY c.id LIMIT ?4");
    q->bind(1, community.value);
    q->bind(2, state ? domain::caseStateName(*state) : "");
    q->bind(3, page.after);
    q->bind(4, page.limit + 1);
    domain::Page<domain::CaseSummary> out;
    while (q->executeStep()) out.items.push_back({readCase(*q), q->getColumn(10).getString()});
    finishPage(out, page.limit, [](const auto& item) { return item.c.id.value; });
    return out;
}

std::vector<domain::User> SqliteCaseStore::committeeOf(CommunityId community) {
    auto q = c_.prepare(
        "SELECT u.id, u.login, u.display_name, u.created_at FROM role_grants g JOIN users u ON u.id = g.user_id"
        " WHERE g.role = 'committee' AND g.scope_kind = 'community' AND g.scope_id = ? ORDER BY u.id");
    q->bind(1, community.value);
    std::vector<domain::User> out;
    while (q->executeStep()) {
        domain::User u;
        u.id = UserId(q->getColumn(0).getInt64());
        u.login = q->getColumn(1).getString();
        u.display_name = q->getColumn(2).getString();
        u.created_at = Instant::fromSeconds(q->getColumn(3).getInt64());
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace yishi::storage
