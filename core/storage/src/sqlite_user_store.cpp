#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"
#include "sqlite_stores.h"
#include "write_notes.h"

namespace yishi::storage {

using domain::Membership;
using domain::MembershipStatus;
using domain::RoleGrant;
using domain::User;

namespace {

User readUser(SQLite::Statement& q) {
    return User{UserId(q.getColumn(0).getInt64()), q.getColumn(1).getString(), q.getColumn(2).getString(),
                q.getColumn(3).getString(),
                Instant::fromSeconds(q.getColumn(4).getInt64())};  // the time columns keep seconds
}

// Columns: community_id, user_id, status, joined_at, decided_at, decided_by, reason.
Membership readMembership(SQLite::Statement& q) {
    Membership m;
    m.community_id = CommunityId(q.getColumn(0).getInt64());
    m.user_id = UserId(q.getColumn(1).getInt64());
    m.status = storedEnum(q.getColumn(2).getString(), domain::parseMembershipStatus, "memberships", "status");
    m.joined_at = Instant::fromSeconds(q.getColumn(3).getInt64());
    m.decided_at = Instant::fromSeconds(q.getColumn(4).getInt64());
    m.decided_by = UserId(q.getColumn(5).getInt64());
    m.reason = q.getColumn(6).getString();
    return m;
}

}  // namespace

std::optional<User> SqliteUserStore::user(UserId id) {
    auto q = c_.prepare("SELECT id, login, display_name, password_hash, created_at FROM users WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readUser(*q);
}

std::optional<User> SqliteUserStore::userByLogin(const std::string& login) {
    auto q = c_.prepare("SELECT id, login, display_name, password_hash, created_at FROM users WHERE login = ?");
    q->bind(1, login);
    if (!q->executeStep()) return std::nullopt;
    return readUser(*q);
}

std::vector<RoleGrant> SqliteUserStore::grants(UserId user) {
    auto q = c_.prepare(
        "SELECT role, scope_kind, scope_id, granted_at, granted_by FROM role_grants"
        " WHERE user_id = ? ORDER BY role, scope_kind, scope_id");
    q->bind(1, user.value);
    std::vector<RoleGrant> out;
    while (q->executeStep()) {
        RoleGrant g;
        g.user_id = user;
        g.role = storedEnum(q->getColumn(0).getString(), domain::parseRole, "role_grants", "role");
        g.scope.kind = storedEnum(q->getColumn(1).getString(), domain::parseScopeKind, "role_grants", "scope_kind");
        g.scope.id = q->getColumn(2).getInt64();
        g.granted_at = Instant::fromSeconds(q->getColumn(3).getInt64());
        g.granted_by = UserId(q->getColumn(4).getInt64());
        out.push_back(g);
    }
    return out;
}

std::vector<Membership> SqliteUserStore::memberships(UserId user) {
    auto q = c_.prepare(
        "SELECT community_id, user_id, status, joined_at, decided_at, decided_by, reason"
        " FROM memberships WHERE user_id = ? ORDER BY community_id");
    q->bind(1, user.value);
    std::vector<Membership> out;
    while (q->executeStep()) out.push_back(readMembership(*q));
    return out;
}

std::optional<Membership> SqliteUserStore::membership(UserId user, CommunityId community) {
    auto q = c_.prepare(
        "SELECT community_id, user_id, status, joined_at, decided_at, decided_by, reason"
        " FROM memberships WHERE community_id = ? AND user_id = ?");
    q->bind(1, community.value);
    q->bind(2, user.value);
    if (!q->executeStep()) return std::nullopt;
    return readMembership(*q);
}

domain::Page<domain::MemberSummary> SqliteUserStore::members(CommunityId community,
                                                             std::optional<MembershipStatus> status,
                                                             domain::PageRequest page) {
    auto q = c_.prepare(
        "SELECT m.community_id, m.user_id, m.status, m.joined_at, m.decided_at, m.decided_by,"
        " m.reason, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id"
        " WHERE m.community_id = ?1 AND (?2 = '' OR m.status = ?2) AND m.user_id > ?3"
        " ORDER BY m.user_id LIMIT ?4");
    q->bind(1, community.value);
    q->bind(2, status ? domain::membershipStatusName(*status) : "");
    q->bind(3, page.after);
    q->bind(4, page.limit + 1);
    domain::Page<domain::MemberSummary> out;
    while (q->executeStep()) {
        out.items.push_back({readMembership(*q), q->getColumn(7).getString()});
    }
    finishPage(out, page.limit, [](const auto& item) { return item.membership.user_id.value; });
    return out;
}

std::int64_t SqliteUserStore::countMembers(CommunityId community, MembershipStatus status) {
    auto q = c_.prepare("SELECT COUNT(*) FROM memberships WHERE community_id = ? AND status = ?");
    q->bind(1, community.value);
    q->bind(2, domain::membershipStatusName(status));
    q->executeStep();
    return q->getColumn(0).getInt64();
}

UserId SqliteUserStore::insertUser(const User& user) {
    if (WriteNotes* n = c_.notes()) n->all_accounts = true;  // no id yet; rare
    auto q = c_.prepare("INSERT INTO users (login, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)");
    q->bind(1, user.login);
    q->bind(2, user.display_name);
    q->bind(3, user.password_hash);
    q->bind(4, user.created_at.seconds());
    q->exec();
    return UserId(c_.db().getLastInsertRowid());
}

void SqliteUserStore::updatePasswordHash(UserId user, const std::string& hash) {
    if (WriteNotes* n = c_.notes()) n->noteAccount(user);
    auto q = c_.prepare("UPDATE users SET password_hash = ? WHERE id = ?");
    q->bind(1, hash);
    q->bind(2, user.value);
    q->exec();
}

void SqliteUserStore::saveMembership(const Membership& m) {
    if (WriteNotes* n = c_.notes()) n->noteAccount(m.user_id);
    auto q = c_.prepare(
        "INSERT INTO memberships (community_id, user_id, status, joined_at, decided_at,"
        " decided_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (community_id, user_id) DO UPDATE SET status = excluded.status,"
        " joined_at = excluded.joined_at, decided_at = excluded.decided_at,"
        " decided_by = excluded.decided_by, reason = excluded.reason");
    q->bind(1, m.community_id.value);
    q->bind(2, m.user_id.value);
    q->bind(3, domain::membershipStatusName(m.status));
    q->bind(4, m.joined_at.seconds());
    q->bind(5, m.decided_at.seconds());
    if (m.decided_by.valid())
        q->bind(6, m.decided_by.value);
    else
        q->bind(6);
    q->bind(7, m.reason);
    q->exec();
}

bool SqliteUserStore::insertGrant(const RoleGrant& g) {
    if (WriteNotes* n = c_.notes()) n->noteAccount(g.user_id);
    auto q = c_.prepare(
        "INSERT INTO role_grants (user_id, role, scope_kind, scope_id, granted_at, granted_by)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, g.user_id.value);
    q->bind(2, domain::roleName(g.role));
    q->bind(3, domain::scopeKindName(g.scope.kind));
    q->bind(4, g.scope.id);
    q->bind(5, g.granted_at.seconds());
    if (g.granted_by.valid())
        q->bind(6, g.granted_by.value);
    else
        q->bind(6);
    return q->exec() == 1;
}

bool SqliteUserStore::deleteGrant(UserId user, domain::Role role, domain::ScopeRef scope) {
    if (WriteNotes* n = c_.notes()) n->noteAccount(user);
    auto q = c_.prepare("DELETE FROM role_grants WHERE user_id = ? AND role = ? AND scope_kind = ? AND scope_id = ?");
    q->bind(1, user.value);
    q->bind(2, domain::roleName(role));
    q->bind(3, domain::scopeKindName(scope.kind));
    q->bind(4, scope.id);
    return q->exec() == 1;
}

}  // namespace yishi::storage
