#include "sqlite_project_store.h"
#include "connection.h"
#include "paging.h"

namespace yishi::storage {

using domain::Project;

namespace {

#define YISHI_PROJECT_COLUMNS                                                          \
    "id, proposal_id, community_id, title, budget_fen, responsible, progress_percent," \
    " completed, created_at, completed_at"

Project readProject(SQLite::Statement& q) {
    Project p;
    p.id = domain::ProjectId(q.getColumn(0).getInt64());
    p.proposal_id = domain::ProposalId(q.getColumn(1).getInt64());
    p.community_id = CommunityId(q.getColumn(2).getInt64());
    p.title = q.getColumn(3).getString();
    p.budget_fen = q.getColumn(4).getInt64();
    p.responsible = q.getColumn(5).getString();
    p.progress_percent = q.getColumn(6).getInt();
    p.completed = q.getColumn(7).getInt() != 0;
    p.created_at = Instant::fromSeconds(q.getColumn(8).getInt64());  // the time columns keep seconds
    p.completed_at = Instant::fromSeconds(q.getColumn(9).getInt64());
    return p;
}

}  // namespace

std::optional<Project> SqliteProjectStore::project(domain::ProjectId id) {
    auto q = c_.prepare("SELECT " YISHI_PROJECT_COLUMNS " FROM projects WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readProject(*q);
}

std::optional<Project> SqliteProjectStore::projectOfProposal(domain::ProposalId proposal) {
    auto q = c_.prepare("SELECT " YISHI_PROJECT_COLUMNS " FROM projects WHERE proposal_id = ?");
    q->bind(1, proposal.value);
    if (!q->executeStep()) return std::nullopt;
    return readProject(*q);
}

domain::ProjectId SqliteProjectStore::insertProject(const Project& p) {
    auto q = c_.prepare(
        "INSERT INTO projects (proposal_id, community_id, title, budget_fen, responsible, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, p.proposal_id.value);
    q->bind(2, p.community_id.value);
    q->bind(3, p.title);
    q->bind(4, p.budget_fen);
    q->bind(5, p.responsible);
    q->bind(6, p.created_at.seconds());
    q->exec();
    return domain::ProjectId(c_.db().getLastInsertRowid());
}

void SqliteProjectStore::updateProject(const Project& p) {
    auto q = c_.prepare("UPDATE projects SET progress_percent = ?, completed = ?, completed_at = ? WHERE id = ?");
    q->bind(1, p.progress_percent);
    q->bind(2, p.completed ? 1 : 0);
    q->bind(3, p.completed_at.seconds());
    q->bind(4, p.id.value);
    q->exec();
}

domain::Page<Project> SqliteProjectStore::projects(CommunityId community, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_PROJECT_COLUMNS
                        " FROM projects WHERE community_id = ? AND id > ? ORDER BY id LIMIT ?");
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<Project> out;
    while (q->executeStep()) out.items.push_back(readProject(*q));
    finishPage(out, page.limit, [](const auto& item) { return item.id.value; });
    return out;
}

void SqliteProjectStore::insertProgress(const domain::ProgressUpdate& u) {
    auto q =
        c_.prepare("INSERT INTO project_progress (project_id, percent, text, date, by_user) VALUES (?, ?, ?, ?, ?)");
    q->bind(1, u.project_id.value);
    q->bind(2, u.percent);
    q->bind(3, u.text);
    q->bind(4, u.date.seconds());
    q->bind(5, u.by.value);
    q->exec();
}

std::vector<domain::ProgressUpdate> SqliteProjectStore::progress(domain::ProjectId project) {
    auto q = c_.prepare(
        "SELECT id, project_id, percent, text, date, by_user FROM project_progress"
        " WHERE project_id = ? ORDER BY id");
    q->bind(1, project.value);
    std::vector<domain::ProgressUpdate> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getInt64(), domain::ProjectId(q->getColumn(1).getInt64()),
                       q->getColumn(2).getInt(), q->getColumn(3).getString(),
                       Instant::fromSeconds(q->getColumn(4).getInt64()), UserId(q->getColumn(5).getInt64())});
    }
    return out;
}

void SqliteProjectStore::insertExpense(const domain::Expense& e) {
    auto q = c_.prepare(
        "INSERT INTO project_expenses (project_id, amount_fen, purpose, date, by_user, corrects, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.project_id.value);
    q->bind(2, e.amount_fen);
    q->bind(3, e.purpose);
    q->bind(4, e.date.seconds());
    q->bind(5, e.by.value);
    if (e.corrects > 0)
        q->bind(6, e.corrects);
    else
        q->bind(6);
    q->bind(7, e.reason);
    q->exec();
}

std::vector<domain::Expense> SqliteProjectStore::expenses(domain::ProjectId project) {
    auto q = c_.prepare(
        "SELECT id, project_id, amount_fen, purpose, date, by_user, COALESCE(corrects, 0), reason FROM project_expenses"
        " WHERE project_id = ? ORDER BY id");
    q->bind(1, project.value);
    std::vector<domain::Expense> out;
    while (q->executeStep()) {
        out.push_back({q->getColumn(0).getInt64(), domain::ProjectId(q->getColumn(1).getInt64()),
                       q->getColumn(2).getInt64(), q->getColumn(3).getString(),
                       Instant::fromSeconds(q->getColumn(4).getInt64()), UserId(q->getColumn(5).getInt64()),
                       q->getColumn(6).getInt64(), q->getColumn(7).getString()});
    }
    return out;
}

bool SqliteProjectStore::insertRating(const domain::Rating& r) {
    auto q = c_.prepare(
        "INSERT INTO project_ratings (project_id, user_id, stars, comment, rated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING");
    q->bind(1, r.project_id.value);
    q->bind(2, r.user_id.value);
    q->bind(3, r.stars);
    q->bind(4, r.comment);
    q->bind(5, r.rated_at.seconds());
    return q->exec() == 1;
}

std::vector<domain::Rating> SqliteProjectStore::ratings(domain::ProjectId project) {
    auto q = c_.prepare(
        "SELECT project_id, user_id, stars, comment, rated_at FROM project_ratings"
        " WHERE project_id = ? ORDER BY rated_at, user_id");
    q->bind(1, project.value);
    std::vector<domain::Rating> out;
    while (q->executeStep()) {
        out.push_back({domain::ProjectId(q->getColumn(0).getInt64()), UserId(q->getColumn(1).getInt64()),
                       q->getColumn(2).getInt(), q->getColumn(3).getString(),
                       Instant::fromSeconds(q->getColumn(4).getInt64())});
    }
    return out;
}

}  // namespace yishi::storage
