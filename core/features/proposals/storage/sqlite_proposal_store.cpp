#include "sqlite_proposal_store.h"

#include <algorithm>
#include <iterator>

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
    " response_due_at, decision_due_at, amends_version, responded_at, escalation_resolved_at"

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
    p.responded_at = Instant::fromSeconds(q.getColumn(19).getInt64());
    p.escalation_resolved_at = Instant::fromSeconds(q.getColumn(20).getInt64());
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
        " submitted_at, updated_at, amends_convention, response_due_at, decision_due_at, amends_version,"
        " responded_at, escalation_resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    q->bind(14, p.responded_at.seconds());
    q->bind(15, p.escalation_resolved_at.seconds());
    q->exec();
    return domain::ProposalId(c_.db().getLastInsertRowid());
}

void SqliteProposalStore::updateProposal(const Proposal& p) {
    auto q = c_.prepare(
        "UPDATE proposals SET title = ?, body = ?, state = ?, merged_into = ?, election_id = ?,"
        " consultation_ends_at = ?, last_reason = ?, submitted_at = ?, updated_at = ?, outcome_id = ?,"
        " response_due_at = ?, decision_due_at = ?, amends_version = ?, responded_at = ?,"
        " escalation_resolved_at = ? WHERE id = ?");
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
    q->bind(14, p.responded_at.seconds());
    q->bind(15, p.escalation_resolved_at.seconds());
    q->bind(16, p.id.value);
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

std::string quotedStates(const std::vector<ProposalState>& states) {
    std::string out;
    for (ProposalState state : states) {
        out += std::string(out.empty() ? "'" : ", '") + domain::proposalStateName(state) + "'";
    }
    return out;
}

const char* markColumn(domain::ProposalMark mark) {
    switch (mark) {
        case domain::ProposalMark::kResponded: return "responded_at";
        case domain::ProposalMark::kEscalationResolved: return "escalation_resolved_at";
    }
    return "responded_at";
}

// " AND <mark> = 0" for each mark that ends the rule's wait.
std::string notEnded(const domain::OverdueRule& rule) {
    std::string ended;
    for (domain::ProposalMark mark : rule.ended_by) ended += std::string(" AND ") + markColumn(mark) + " = 0";
    return ended;
}

// The deadline a proposal now waits on, as an SQL expression (NULL: none),
// made from domain::overdueRules() like the overdue filter: in a state that
// several rules watch, the nearest of the deadlines whose wait has not
// ended.
std::string nextDeadlineExpression() {
    constexpr const char* kNever = "9223372036854775807";
    std::vector<std::pair<ProposalState, std::vector<std::string>>> by_state;
    for (const domain::OverdueRule& rule : domain::overdueRules()) {
        const std::string column = deadlineColumn(rule.deadline);
        const std::string waiting =
            "(CASE WHEN " + column + " > 0" + notEnded(rule) + " THEN " + column + " ELSE " + kNever + " END)";
        for (ProposalState state : rule.states) {
            auto it = std::find_if(by_state.begin(), by_state.end(), [&](const auto& e) { return e.first == state; });
            if (it == by_state.end()) {
                by_state.emplace_back(state, std::vector<std::string>{});
                it = std::prev(by_state.end());
            }
            it->second.emplace_back(waiting);
        }
    }
    std::string sql = "CASE";
    for (const auto& [state, columns] : by_state) {
        std::string nearest = columns.front();
        if (columns.size() > 1) {
            nearest = "min(";
            for (std::size_t i = 0; i < columns.size(); ++i) nearest += (i ? ", " : "") + columns[i];
            nearest += ")";
        }
        sql += std::string(" WHEN state = '") + domain::proposalStateName(state) + "' THEN NULLIF(" + nearest + ", " +
               kNever + ")";
    }
    return sql + " END";
}

// The list query for one sort, with or without a full-text match (?8) and
// with `short_words` substring matches (?9, ?10, ...). Its overdue filter
// (?7: now, 0 for no filter) is made from domain::overdueRules(), so the
// list and the badges never disagree. Drafts show only to their author
// (domain::proposalVisibleTo), in a search too: the match only narrows
// these rows. ?3 is ",state,state," (empty: any state).
std::string listQuery(domain::ProposalSort sort, bool full_text, std::size_t short_words) {
    std::string overdue;
    for (const domain::OverdueRule& rule : domain::overdueRules()) {
        const std::string column = deadlineColumn(rule.deadline);
        overdue += " OR (state IN (" + quotedStates(rule.states) + ") AND " + column + " > 0 AND " + column + " < ?7" +
                   notEnded(rule) + ")";
    }
    std::string sql = "SELECT " YISHI_PROPOSAL_COLUMNS
                      " FROM proposals"
                      " WHERE community_id = ?1"
                      " AND (?3 = '' OR instr(?3, ',' || state || ',') > 0) AND (?4 = '' OR kind = ?4)"
                      " AND ((state <> 'draft' AND NOT (state = 'withdrawn' AND submitted_at = 0)) OR author_id = ?5)"
                      " AND (?7 = 0" +
                      overdue + ")";
    if (full_text) sql += " AND id IN (SELECT rowid FROM proposals_fts WHERE proposals_fts MATCH ?8)";
    for (std::size_t i = 0; i < short_words; ++i) {
        const std::string n = "?" + std::to_string(9 + i);
        sql += " AND (instr(lower(title), lower(" + n + ")) > 0 OR instr(lower(body), lower(" + n + ")) > 0)";
    }
    switch (sort) {
        case domain::ProposalSort::kNewest: return sql + " AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?6";
        case domain::ProposalSort::kSupported:
            sql += " ORDER BY (SELECT COUNT(*) FROM supports WHERE supports.proposal_id = proposals.id) DESC";
            break;
        case domain::ProposalSort::kDiscussed:
            sql +=
                " ORDER BY (SELECT COUNT(*) FROM comments WHERE comments.proposal_id = proposals.id"
                " AND comments.withdrawn = 0) DESC";
            break;
        case domain::ProposalSort::kDeadline: {
            const std::string due = nextDeadlineExpression();
            sql += " ORDER BY (" + due + ") IS NULL, (" + due + ")";
            break;
        }
    }
    return sql + ", id DESC LIMIT ?6 OFFSET ?2";
}

constexpr domain::ProposalSort kAllSorts[] = {domain::ProposalSort::kNewest, domain::ProposalSort::kSupported,
                                              domain::ProposalSort::kDiscussed, domain::ProposalSort::kDeadline};

// Every variant of the list query, made once: Connection caches prepared
// statements by the address of their text, so the texts must stay put.
const std::string& cachedListQuery(domain::ProposalSort sort, bool full_text, std::size_t short_words) {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        for (domain::ProposalSort s : kAllSorts) {
            for (bool f : {false, true}) {
                for (std::size_t n = 0; n <= domain::kMaxSearchWords; ++n) out.push_back(listQuery(s, f, n));
            }
        }
        return out;
    }();
    const std::size_t per_sort = 2 * (domain::kMaxSearchWords + 1);
    return all.at(static_cast<std::size_t>(sort) * per_sort + (full_text ? domain::kMaxSearchWords + 1 : 0) +
                  short_words);
}

// The full-text query for words of three characters or more: each a quoted
// phrase (quotes doubled), all required. Trigrams make a phrase match any
// substring, and quoting keeps FTS5's syntax (AND, *, NEAR, ...) as text.
std::string matchExpression(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty()) out += ' ';
        out += '"';
        for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        out += '"';
    }
    return out;
}

}  // namespace

domain::Page<Proposal> SqliteProposalStore::proposals(CommunityId community, const domain::ProposalFilter& filter,
                                                      domain::PageRequest page) {
    const domain::SearchTerms& search = filter.search;
    const bool full_text = !search.indexed.empty();
    const std::size_t short_words = std::min(search.short_words.size(), domain::kMaxSearchWords);
    auto q = c_.prepare(cachedListQuery(filter.sort, full_text, short_words).c_str());
    std::string states;
    for (ProposalState state : filter.states) states += std::string(",") + domain::proposalStateName(state);
    if (!states.empty()) states += ",";
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, states);
    q->bind(4, filter.kind ? domain::proposalKindName(*filter.kind) : "");
    q->bind(5, filter.drafts_of.value);
    q->bind(6, page.limit + 1);
    q->bind(7, filter.overdue_at.seconds());  // the columns keep seconds
    if (full_text) q->bind(8, matchExpression(search.indexed));
    for (std::size_t i = 0; i < short_words; ++i) q->bind(static_cast<int>(9 + i), search.short_words[i]);
    domain::Page<Proposal> out;
    while (q->executeStep()) out.items.push_back(readProposal(*q));
    if (filter.sort == domain::ProposalSort::kNewest) {
        finishPage(out, page.limit, [](const auto& item) { return item.id.value; });
    } else {
        // A position: the rows shown so far.
        const std::int64_t shown = page.after + page.limit;
        finishPage(out, page.limit, [shown](const auto&) { return shown; });
    }
    return out;
}

domain::ProposalActivity SqliteProposalStore::activity(domain::ProposalId id) {
    // supports and comments are the consultation feature's tables (migration
    // 004), cases the cases feature's.
    auto q = c_.prepare(
        "SELECT (SELECT COUNT(*) FROM supports WHERE proposal_id = ?1),"
        " (SELECT COUNT(*) FROM comments WHERE proposal_id = ?1 AND withdrawn = 0),"
        " (SELECT state FROM cases WHERE proposal_id = ?1), (SELECT reopened FROM cases WHERE proposal_id = ?1)");
    q->bind(1, id.value);
    domain::ProposalActivity out;
    if (q->executeStep()) {
        out.supports = q->getColumn(0).getInt64();
        out.comments = q->getColumn(1).getInt64();
        if (!q->getColumn(2).isNull()) out.case_state = q->getColumn(2).getString();
        out.case_reopened = q->getColumn(3).isNull() ? 0 : q->getColumn(3).getInt64();
    }
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

std::vector<UserId> SqliteProposalStore::draftAuthors(CommunityId community) {
    // Within the index proposals_by_state: the community's drafts only.
    auto q = c_.prepare(
        "SELECT DISTINCT author_id FROM proposals WHERE community_id = ? AND state = 'draft' ORDER BY author_id");
    q->bind(1, community.value);
    std::vector<UserId> out;
    while (q->executeStep()) out.emplace_back(q->getColumn(0).getInt64());
    return out;
}

}  // namespace yishi::storage
