#include "sqlite_grid_store.h"

#include "connection.h"
#include "paging.h"

namespace yishi::storage {

using domain::Estate;
using domain::Grid;

namespace {

// Inserts a named row by `sql`; false when the community has that name already.
bool insertNamed(Connection& c, const char* sql, CommunityId community, const std::string& name, Instant at,
                 std::int64_t* id) {
    auto q = c.prepare(sql);
    q->bind(1, community.value);
    q->bind(2, name);
    q->bind(3, at.seconds());
    if (q->exec() == 0) return false;
    *id = c.db().getLastInsertRowid();
    return true;
}

Estate readEstate(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), CommunityId(q.getColumn(1).getInt64()), q.getColumn(2).getString(),
            Instant::fromSeconds(q.getColumn(3).getInt64())};
}

Grid readGrid(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),
            CommunityId(q.getColumn(1).getInt64()),
            q.getColumn(2).getString(),
            Instant::fromSeconds(q.getColumn(3).getInt64()),
            {}};
}

// A user from columns id, login, display_name, created_at starting at `from`.
domain::User readUser(SQLite::Statement& q, int from) {
    domain::User u;
    u.id = UserId(q.getColumn(from).getInt64());
    u.login = q.getColumn(from + 1).getString();
    u.display_name = q.getColumn(from + 2).getString();
    u.created_at = Instant::fromSeconds(q.getColumn(from + 3).getInt64());
    return u;
}

#define HEADS_SELECT                                                                                    \
    "SELECT h.id, h.estate_id, h.building, u.id, u.login, u.display_name, u.created_at, h.appointed_at" \
    " FROM building_heads h JOIN users u ON u.id = h.user_id JOIN estates e ON e.id = h.estate_id WHERE "
#define HEADS_ORDER " ORDER BY h.estate_id, h.building, h.appointed_at, h.id"

std::vector<domain::BuildingHead> readHeads(SQLite::Statement& q) {
    std::vector<domain::BuildingHead> out;
    while (q.executeStep()) {
        domain::BuildingHead h;
        h.id = q.getColumn(0).getInt64();
        h.estate_id = q.getColumn(1).getInt64();
        h.building = q.getColumn(2).getString();
        h.person = readUser(q, 3);
        h.appointed_at = Instant::fromSeconds(q.getColumn(7).getInt64());
        out.push_back(std::move(h));
    }
    return out;
}

#define PLACES_SELECT                                                                                                \
    "SELECT p.user_id, u.display_name, p.community_id, COALESCE(p.grid_id, 0), COALESCE(p.estate_id, 0),"            \
    " p.building, p.recorded_at, COALESCE(p.recorded_by, 0) FROM resident_places p JOIN users u ON u.id = p.user_id" \
    " WHERE "
#define PLACES_ORDER " ORDER BY u.display_name, p.user_id"

std::vector<domain::ResidentPlace> readPlaces(SQLite::Statement& q) {
    std::vector<domain::ResidentPlace> out;
    while (q.executeStep()) {
        out.push_back({UserId(q.getColumn(0).getInt64()), q.getColumn(1).getString(),
                       CommunityId(q.getColumn(2).getInt64()), q.getColumn(3).getInt64(), q.getColumn(4).getInt64(),
                       q.getColumn(5).getString(), Instant::fromSeconds(q.getColumn(6).getInt64()),
                       UserId(q.getColumn(7).getInt64())});
    }
    return out;
}

}  // namespace

bool SqliteGridStore::insertEstate(Estate& estate) {
    return insertNamed(c_,
                       "INSERT INTO estates (community_id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       estate.community_id, estate.name, estate.created_at, &estate.id);
}

bool SqliteGridStore::insertGrid(Grid& grid) {
    return insertNamed(c_, "INSERT INTO grids (community_id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       grid.community_id, grid.name, grid.created_at, &grid.id);
}

std::optional<Estate> SqliteGridStore::estate(std::int64_t id) {
    auto q = c_.prepare("SELECT id, community_id, name, created_at FROM estates WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readEstate(*q);
}

std::optional<Grid> SqliteGridStore::grid(std::int64_t id) {
    std::optional<Grid> out;
    {
        auto q = c_.prepare("SELECT id, community_id, name, created_at FROM grids WHERE id = ?");
        q->bind(1, id);
        if (!q->executeStep()) return std::nullopt;
        out = readGrid(*q);
    }
    out->workers = workersOf(id);
    return out;
}

std::vector<Estate> SqliteGridStore::estates(CommunityId community) {
    auto q = c_.prepare("SELECT id, community_id, name, created_at FROM estates WHERE community_id = ? ORDER BY id");
    q->bind(1, community.value);
    std::vector<Estate> out;
    while (q->executeStep()) out.push_back(readEstate(*q));
    return out;
}

std::vector<Grid> SqliteGridStore::grids(CommunityId community) {
    std::vector<Grid> out;
    {
        auto q = c_.prepare("SELECT id, community_id, name, created_at FROM grids WHERE community_id = ? ORDER BY id");
        q->bind(1, community.value);
        while (q->executeStep()) out.push_back(readGrid(*q));
    }
    for (Grid& g : out) g.workers = workersOf(g.id);
    return out;
}

std::vector<domain::User> SqliteGridStore::workersOf(std::int64_t grid_id) {
    auto q = c_.prepare(
        "SELECT u.id, u.login, u.display_name, u.created_at FROM grid_workers w JOIN users u ON u.id = w.user_id"
        " WHERE w.grid_id = ? ORDER BY w.assigned_at, u.id");
    q->bind(1, grid_id);
    std::vector<domain::User> out;
    while (q->executeStep()) out.push_back(readUser(*q, 0));
    return out;
}

bool SqliteGridStore::addWorker(std::int64_t grid_id, UserId user, Instant at) {
    auto q =
        c_.prepare("INSERT INTO grid_workers (grid_id, user_id, assigned_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, grid_id);
    q->bind(2, user.value);
    q->bind(3, at.seconds());
    return q->exec() > 0;
}

bool SqliteGridStore::removeWorker(std::int64_t grid_id, UserId user) {
    auto q = c_.prepare("DELETE FROM grid_workers WHERE grid_id = ? AND user_id = ?");
    q->bind(1, grid_id);
    q->bind(2, user.value);
    return q->exec() > 0;
}

std::vector<std::int64_t> SqliteGridStore::gridsOfWorker(UserId user) {
    auto q = c_.prepare("SELECT grid_id FROM grid_workers WHERE user_id = ? ORDER BY grid_id");
    q->bind(1, user.value);
    std::vector<std::int64_t> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getInt64());
    return out;
}

std::optional<domain::ProposalPlace> SqliteGridStore::place(domain::ProposalId proposal) {
    auto q =
        c_.prepare("SELECT COALESCE(estate_id, 0), COALESCE(grid_id, 0) FROM proposal_places WHERE proposal_id = ?");
    q->bind(1, proposal.value);
    if (!q->executeStep()) return std::nullopt;
    return domain::ProposalPlace{proposal, q->getColumn(0).getInt64(), q->getColumn(1).getInt64()};
}

void SqliteGridStore::savePlace(const domain::ProposalPlace& place) {
    if (place.estate_id == 0 && place.grid_id == 0) {
        auto q = c_.prepare("DELETE FROM proposal_places WHERE proposal_id = ?");
        q->bind(1, place.proposal_id.value);
        q->exec();
        return;
    }
    auto q = c_.prepare(
        "INSERT INTO proposal_places (proposal_id, estate_id, grid_id) VALUES (?1, NULLIF(?2, 0), NULLIF(?3, 0))"
        " ON CONFLICT (proposal_id) DO UPDATE SET estate_id = excluded.estate_id, grid_id = excluded.grid_id");
    q->bind(1, place.proposal_id.value);
    q->bind(2, place.estate_id);
    q->bind(3, place.grid_id);
    q->exec();
}

domain::Page<domain::ProposalId> SqliteGridStore::proposalsIn(std::int64_t estate_id, domain::PageRequest page) {
    auto q = c_.prepare(
        "SELECT proposal_id FROM proposal_places WHERE estate_id = ?1 AND (?2 = 0 OR proposal_id < ?2)"
        " ORDER BY proposal_id DESC LIMIT ?3");
    q->bind(1, estate_id);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<domain::ProposalId> out;
    while (q->executeStep()) out.items.push_back(domain::ProposalId(q->getColumn(0).getInt64()));
    finishPage(out, page.limit, [](domain::ProposalId id) { return id.value; });
    return out;
}

std::int64_t SqliteGridStore::residentEstate(UserId user, CommunityId community) {
    auto q = c_.prepare("SELECT estate_id FROM resident_estates WHERE user_id = ? AND community_id = ?");
    q->bind(1, user.value);
    q->bind(2, community.value);
    return q->executeStep() ? q->getColumn(0).getInt64() : 0;
}

void SqliteGridStore::saveResidentEstate(UserId user, CommunityId community, std::int64_t estate_id) {
    auto q = estate_id == 0 ? c_.prepare("DELETE FROM resident_estates WHERE user_id = ?1 AND community_id = ?2")
                            : c_.prepare(
                                  "INSERT INTO resident_estates (user_id, community_id, estate_id) VALUES (?1, ?2, ?3)"
                                  " ON CONFLICT (user_id, community_id) DO UPDATE SET estate_id = excluded.estate_id");
    q->bind(1, user.value);
    q->bind(2, community.value);
    if (estate_id != 0) q->bind(3, estate_id);
    q->exec();
}

bool SqliteGridStore::addBuildingHead(domain::BuildingHead& head) {
    auto q = c_.prepare(
        "INSERT INTO building_heads (estate_id, building, user_id, appointed_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING");
    q->bind(1, head.estate_id);
    q->bind(2, head.building);
    q->bind(3, head.person.id.value);
    q->bind(4, head.appointed_at.seconds());
    if (q->exec() == 0) return false;
    head.id = c_.db().getLastInsertRowid();
    return true;
}

std::optional<domain::BuildingHead> SqliteGridStore::buildingHead(std::int64_t id) {
    auto q = c_.prepare(HEADS_SELECT "h.id = ?" HEADS_ORDER);
    q->bind(1, id);
    std::vector<domain::BuildingHead> found = readHeads(*q);
    if (found.empty()) return std::nullopt;
    return found.front();
}

void SqliteGridStore::removeBuildingHead(std::int64_t id) {
    auto q = c_.prepare("DELETE FROM building_heads WHERE id = ?");
    q->bind(1, id);
    q->exec();
}

std::vector<domain::BuildingHead> SqliteGridStore::buildingHeads(CommunityId community) {
    auto q = c_.prepare(HEADS_SELECT "e.community_id = ?" HEADS_ORDER);
    q->bind(1, community.value);
    return readHeads(*q);
}

std::vector<domain::BuildingHead> SqliteGridStore::buildingsOfHead(UserId user) {
    auto q = c_.prepare(HEADS_SELECT "h.user_id = ?" HEADS_ORDER);
    q->bind(1, user.value);
    return readHeads(*q);
}

std::optional<domain::ResidentPlace> SqliteGridStore::residentPlace(UserId user, CommunityId community) {
    auto q = c_.prepare(PLACES_SELECT "p.user_id = ?1 AND p.community_id = ?2" PLACES_ORDER);
    q->bind(1, user.value);
    q->bind(2, community.value);
    std::vector<domain::ResidentPlace> found = readPlaces(*q);
    if (found.empty()) return std::nullopt;
    return found.front();
}

void SqliteGridStore::saveResidentPlace(const domain::ResidentPlace& place) {
    if (place.grid_id == 0 && place.estate_id == 0) {
        auto q = c_.prepare("DELETE FROM resident_places WHERE user_id = ? AND community_id = ?");
        q->bind(1, place.user.value);
        q->bind(2, place.community.value);
        q->exec();
        return;
    }
    auto q = c_.prepare(
        "INSERT INTO resident_places (user_id, community_id, grid_id, estate_id, building, recorded_at, recorded_by)"
        " VALUES (?1, ?2, NULLIF(?3, 0), NULLIF(?4, 0), ?5, ?6, ?7) ON CONFLICT (user_id, community_id) DO UPDATE"
        " SET grid_id = excluded.grid_id, estate_id = excluded.estate_id, building = excluded.building,"
        " recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by");
    q->bind(1, place.user.value);
    q->bind(2, place.community.value);
    q->bind(3, place.grid_id);
    q->bind(4, place.estate_id);
    q->bind(5, place.building);
    q->bind(6, place.recorded_at.seconds());
    q->bind(7, place.recorded_by.value);
    q->exec();
}

std::vector<domain::ResidentPlace> SqliteGridStore::residentPlaces(CommunityId community) {
    auto q = c_.prepare(PLACES_SELECT "p.community_id = ?1" PLACES_ORDER);
    q->bind(1, community.value);
    return readPlaces(*q);
}

std::vector<domain::AssistedAct> SqliteGridStore::assistedActsFor(UserId resident, int limit) {
    // The kernel's audit rows (migration 024 gave them the assisted columns).
    auto q = c_.prepare(
        "SELECT a.at_micros, a.action, a.subject_kind, a.subject_id, COALESCE(u.display_name, ''),"
        " a.assisted_role, a.consent, COALESCE(a.consent_note, '')"
        " FROM audit_log a LEFT JOIN users u ON u.id = a.assisted_by"
        " WHERE a.actor_id = ? AND a.assisted_by IS NOT NULL ORDER BY a.id DESC LIMIT ?");
    q->bind(1, resident.value);
    q->bind(2, limit);
    std::vector<domain::AssistedAct> out;
    while (q->executeStep()) {
        out.push_back({Instant::fromMicros(q->getColumn(0).getInt64()), q->getColumn(1).getString(),
                       q->getColumn(2).getString(), q->getColumn(3).getInt64(), q->getColumn(4).getString(),
                       q->getColumn(5).getString(), q->getColumn(6).getString(), q->getColumn(7).getString()});
    }
    return out;
}

}  // namespace yishi::storage
