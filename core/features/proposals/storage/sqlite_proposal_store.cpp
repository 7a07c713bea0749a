#include "sqlite_proposal_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::Proposal;
using domain::ProposalState;

namespace {

// Columns, in this order, of every SELECT below.
#define YISHI_PROPOSAL_COLUMNS                                                                                 \
    "id, community_id, author_id, kind, title, body, state, merged_into, election_id,"                         \
    " consultation_ends_at, last_reason, created_at, submitted_at, updated_at, amends_convention, outcome_id," \
    " response_due_at, decision_due_at, amends_version"

// The times are columns of seconds since the epoch.
Proposal readProposal(SQLite::Statement& q) {
    Proposal p;
    p.id = domain::ProposalId(q.getColumn(0).getInt64());
    p.community_id = CommunityId(q.getColumn(1).getInt64());
    p.author_id = UserId(q.getColumn(2).getInt64());
    p.kind = storedEnum(q.getColumn(3).getString(), domain::parseProposalKind, "proposals", "kind");
    p.title = q.getColumn(4).getString();
    p.body = q.getColumn(5).getString();
    p.state = storedEnum(q.getColumn(6).getString(), domain::parseProposalState, "proposals", "state");
    p.merged_into = domain::ProposalId(q.getColumn(7).getInt64());
    p.election_id = q.getColumn(8).getInt64();
    p.consultation_ends_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    p.last_reason = q.getColumn(10).getString();
    p.created_at = Instant::fromSeconds(q.getColumn(11).getInt64());
    p.submitted_at = Instant::fromSeconds(q.getColumn(12).getInt64());
    p.updated_at = Instant::fromSeconds(q.getColumn(13).getInt64());
    p.amends_convention = q.getColumn(14).getInt64();
    p.outcome_id = q.getColumn(15).getInt64();
    p.response_due_at = Instant::fromSeconds(q.getColumn(16).getInt64());
    p.decision_due_at = Instant::fromSeconds(q.getColumn(17).getInt64());
    p.amends_version = q.getColumn(18).getInt();
    return p;
}

}  // namespace

std::optional<Proposal> SqliteProposalStore::proposal(domain::ProposalId id) {
    auto q = c_.prepare("SELECT " YISHI_PROPOSAL_COLUMNS " FROM proposals WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readProposal(*q);
}

domain::ProposalId SqliteProposalStore::insertProposal(const Proposal& p) {
    auto q = c_.prepare(
        "INSERT INTO proposals (community_id, author_id, kind, title, body, state, created_at,"
        " submitted_at, updated_at, amends_convention, response_due_at, decision_due_at, amends_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, p.community_id.value);
    q->bind(2, p.author_id.value);
    q->bind(3, domain::proposalKindName(p.kind));
    q->bind(4, p.title);
    q->bind(5, p.body);
    q->bind(6, domain::proposalStateName(p.state));
    q->bind(7, p.created_at.seconds());
    q->bind(8, p.submitted_at.seconds());
    q->bind(9, p.updated_at.seconds());
    q->bind(10, p.amends_convention);
    q->bind(11, p.response_due_at.seconds());
    q->bind(12, p.decision_due_at.seconds());
    q->bind(13, p.amends_version);
    q->exec();
    return domain::ProposalId(c_.db().getLastInsertRowid());
}

void SqliteProposalStore::updateProposal(const Proposal& p) {
    auto q = c_.prepare(
        "UPDATE proposals SET title = ?, body = ?, state = ?, merged_into = ?, election_id = ?,"
        " consultation_ends_at = ?, last_reason = ?, submitted_at = ?, updated_at = ?, outcome_id = ?,"
        " response_due_at = ?, decision_due_at = ?, amends_version = ? WHERE id = ?");
    q->bind(1, p.title);
    q->bind(2, p.body);
    q->bind(3, domain::proposalStateName(p.state));
    if (p.merged_into.valid())
        q->bind(4, p.merged_into.value);
    else
        q->bind(4);
    q->bind(5, p.election_id);
    q->bind(6, p.consultation_ends_at.seconds());
    q->bind(7, p.last_reason);
    q->bind(8, p.submitted_at.seconds());
    q->bind(9, p.updated_at.seconds());
    q->bind(10, p.outcome_id);
    q->bind(11, p.response_due_at.seconds());
    q->bind(12, p.decision_due_at.seconds());
    q->bind(13, p.amends_version);
    q->bind(14, p.id.value);
    q->exec();
}

namespace {

const char* deadlineColumn(domain::ProposalDeadline deadline) {
    switch (deadline) {
        case domain::ProposalDeadline::kResponse: return "response_due_at";
        case domain::ProposalDeadline::kDecision: return "decision_due_at";
        case domain::ProposalDeadline::kConsultationEnd: return "consultation_ends_at";
    }
    return "response_due_at";
}

// The list query. Its overdue filter (?7: now, 0 for no filter) is made from
// domain::overdueRules(), so the list and the badges never disagree. Drafts
// show only to their author (domain::proposalVisibleTo).
const std::string& listQuery() {
    static const std::string sql = [] {
        std::string overdue;
        for (const domain::OverdueRule& rule : domain::overdueRules()) {
            std::string states;
            for (ProposalState state : rule.states) {
                states += std::string(states.empty() ? "'" : ", '") + domain::proposalStateName(state) + "'";
            }
            const std::string column = deadlineColumn(rule.deadline);
            overdue += " OR (state IN (" + states + ") AND " + column + " > 0 AND " + column + " < ?7)";
        }
        return "SELECT " YISHI_PROPOSAL_COLUMNS
               " FROM proposals"
               " WHERE community_id = ?1 AND (?2 = 0 OR id < ?2)"
               " AND (?3 = '' OR state = ?3) AND (?4 = '' OR kind = ?4)"
               " AND ((state <> 'draft' AND NOT (state = 'withdrawn' AND submitted_at = 0)) OR author_id = ?5)"
               " AND (?7 = 0" +
               overdue + ") ORDER BY id DESC LIMIT ?6";
    }();
    return sql;
}

}  // namespace

domain::Page<Proposal> SqliteProposalStore::proposals(CommunityId community, const domain::ProposalFilter& filter,
                                                      domain::PageRequest page) {
    auto q = c_.prepare(listQuery().c_str());
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, filter.state ? domain::proposalStateName(*filter.state) : "");
    q->bind(4, filter.kind ? domain::proposalKindName(*filter.kind) : "");
    q->bind(5, filter.drafts_of.value);
    q->bind(6, page.limit + 1);
    q->bind(7, filter.overdue_at.seconds());  // the columns keep seconds
    domain::Page<Proposal> out;
    while (q->executeStep()) out.items.push_back(readProposal(*q));
    finishPage(out, page.limit, [](const auto& item) { return item.id.value; });
    return out;
}

std::vector<std::pair<ProposalState, std::int64_t>> SqliteProposalStore::countByState(
    CommunityId community, std::optional<domain::ProposalKind> kind) {
    // proposal_counts is kept by triggers (migration 007): no scan of the proposals.
    auto q = c_.prepare(
        "SELECT state, SUM(n) FROM proposal_counts WHERE community_id = ?1 AND state <> 'draft'"
        " AND (?2 = '' OR kind = ?2) GROUP BY state HAVING SUM(n) > 0 ORDER BY state");
    q->bind(1, community.value);
    q->bind(2, kind ? domain::proposalKindName(*kind) : "");
    std::vector<std::pair<ProposalState, std::int64_t>> out;
    while (q->executeStep()) {
        const ProposalState s =
            storedEnum(q->getColumn(0).getString(), domain::parseProposalState, "proposal_counts", "state");
        out.emplace_back(s, q->getColumn(1).getInt64());
    }
    return out;
}

std::vector<domain::ProposalId> SqliteProposalStore::mergedInto(domain::ProposalId target) {
    auto q = c_.prepare("SELECT id FROM proposals WHERE merged_into = ? ORDER BY id");
    q->bind(1, target.value);
    std::vector<domain::ProposalId> out;
    while (q->executeStep()) out.emplace_back(q->getColumn(0).getInt64());
    return out;
}

}  // namespace yishi::storage
