#include "sqlite_election_store.h"

#include <sstream>

#include "connection.h"
#include "corrupt_row.h"

namespace yishi::storage {

using domain::Election;
using domain::ElectionId;

namespace {

#define YISHI_ELECTION_COLUMNS                                                                                    \
    "id, community_id, scope, subject, kind, title, min_choices, max_choices, budget, rule, opens_at, closes_at," \
    " phase, demo, manifest, eid, board_pk, counts, selected, created_by, created_at, scope_kind, scope_id,"      \
    " district_id, rule_param"

void bindBlob(SQLite::Statement& q, int index, const std::string& bytes) {
    q.bind(index, bytes.data(), static_cast<int>(bytes.size()));
}

std::string blob(const SQLite::Column& c) {
    return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

std::string joinNumbers(const std::vector<std::int64_t>& numbers) {
    std::string out;
    for (std::int64_t n : numbers) out += (out.empty() ? "" : ",") + std::to_string(n);
    return out;
}

std::vector<std::int64_t> splitNumbers(const std::string& text) {
    std::vector<std::int64_t> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            out.push_back(std::stoll(item));
        } catch (const std::exception&) {
            throw CorruptRow("elections", "counts", text);
        }
    }
    return out;
}

}  // namespace

Election SqliteElectionStore::readElection(SQLite::Statement& q) {
    Election e;
    e.id = ElectionId(q.getColumn(0).getInt64());
    e.community_id = CommunityId(q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt64());
    e.scope = q.getColumn(2).getString();
    e.subject = q.getColumn(3).getString();
    e.kind = storedEnum(q.getColumn(4).getString(), domain::parseElectionKind, "elections", "kind");
    e.title = q.getColumn(5).getString();
    e.min = q.getColumn(6).getInt64();
    e.max = q.getColumn(7).getInt64();
    e.budget = q.getColumn(8).getInt64();
    e.rule = q.getColumn(9).getString();
    e.opens_at = Instant::fromSeconds(q.getColumn(10).getInt64());
    e.closes_at = Instant::fromSeconds(q.getColumn(11).getInt64());
    e.phase = storedEnum(q.getColumn(12).getString(), domain::parseElectionPhase, "elections", "phase");
    e.demo = q.getColumn(13).getInt() != 0;
    e.manifest = blob(q.getColumn(14));
    e.eid = blob(q.getColumn(15));
    e.board_pk = blob(q.getColumn(16));
    e.counts = splitNumbers(q.getColumn(17).getString());
    e.selected = splitNumbers(q.getColumn(18).getString());
    e.created_by = UserId(q.getColumn(19).getInt64());
    e.created_at = Instant::fromSeconds(q.getColumn(20).getInt64());
    e.owner.kind = storedEnum(q.getColumn(21).getString(), domain::parseScopeKind, "elections", "scope_kind");
    e.owner.id = q.getColumn(22).getInt64();
    e.district_id = DistrictId(q.getColumn(23).getInt64());
    e.rule_param = q.getColumn(24).getInt64();
    auto options =
        c_.prepare("SELECT label, cost, grp, proposal_id FROM election_options WHERE election_id = ? ORDER BY idx");
    options->bind(1, e.id.value);
    while (options->executeStep()) {
        e.options.push_back({options->getColumn(0).getString(), options->getColumn(1).getInt64(),
                             options->getColumn(2).getString(),
                             options->getColumn(3).isNull() ? 0 : options->getColumn(3).getInt64()});
    }
    return e;
}

ElectionId SqliteElectionStore::insertElection(const Election& e) {
    auto q = c_.prepare(
        "INSERT INTO elections (community_id, scope, subject, kind, title, min_choices, max_choices, budget, rule,"
        " opens_at, closes_at, phase, demo, manifest, eid, board_pk, created_by, created_at, scope_kind, scope_id,"
        " district_id, rule_param)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (e.community_id.valid()) {
        q->bind(1, e.community_id.value);
    } else {
        q->bind(1);  // NULL: a street's or the district's
    }
    q->bind(2, e.scope);
    q->bind(3, e.subject);
    q->bind(4, domain::electionKindName(e.kind));
    q->bind(5, e.title);
    q->bind(6, e.min);
    q->bind(7, e.max);
    q->bind(8, e.budget);
    q->bind(9, e.rule);
    q->bind(10, e.opens_at.seconds());
    q->bind(11, e.closes_at.seconds());
    q->bind(12, domain::electionPhaseName(e.phase));
    q->bind(13, e.demo ? 1 : 0);
    bindBlob(*q, 14, e.manifest);
    bindBlob(*q, 15, e.eid);
    bindBlob(*q, 16, e.board_pk);
    q->bind(17, e.created_by.value);
    q->bind(18, e.created_at.seconds());
    q->bind(19, domain::scopeKindName(e.owner.kind));
    q->bind(20, e.owner.id);
    q->bind(21, e.district_id.value);
    q->bind(22, e.rule_param);
    q->exec();
    const ElectionId id(c_.db().getLastInsertRowid());
    for (std::size_t i = 0; i < e.options.size(); ++i) {
        auto o = c_.prepare(
            "INSERT INTO election_options (election_id, idx, label, cost, grp, proposal_id) VALUES (?, ?, ?, ?, ?, ?)");
        o->bind(1, id.value);
        o->bind(2, static_cast<std::int64_t>(i));
        o->bind(3, e.options[i].label);
        o->bind(4, e.options[i].cost);
        o->bind(5, e.options[i].group);
        if (e.options[i].proposal_id != 0) {
            o->bind(6, e.options[i].proposal_id);
        } else {
            o->bind(6);
        }
        o->exec();
    }
    return id;
}

std::optional<Election> SqliteElectionStore::election(ElectionId id) {
    auto q = c_.prepare("SELECT " YISHI_ELECTION_COLUMNS " FROM elections WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readElection(*q);
}

std::vector<Election> SqliteElectionStore::forScope(domain::ScopeRef scope) {
    auto q = c_.prepare("SELECT " YISHI_ELECTION_COLUMNS
                        " FROM elections WHERE scope_kind = ? AND scope_id = ? ORDER BY id DESC");
    q->bind(1, domain::scopeKindName(scope.kind));
    q->bind(2, scope.id);
    std::vector<Election> out;
    while (q->executeStep()) out.push_back(readElection(*q));
    return out;
}

std::vector<Election> SqliteElectionStore::forCommunityResidents(const domain::Community& community) {
    auto q = c_.prepare("SELECT " YISHI_ELECTION_COLUMNS
                        " FROM elections WHERE (scope_kind = 'community' AND scope_id = ?)"
                        " OR (scope_kind = 'street' AND scope_id = ?) OR (scope_kind = 'district' AND scope_id = ?)"
                        " ORDER BY id DESC");
    q->bind(1, community.id.value);
    q->bind(2, community.street_id.value);
    q->bind(3, community.district_id.value);
    std::vector<Election> out;
    while (q->executeStep()) out.push_back(readElection(*q));
    return out;
}

std::vector<ElectionId> SqliteElectionStore::due(Instant now) {
    auto q = c_.prepare("SELECT id FROM elections WHERE phase = 'open' AND closes_at <= ? ORDER BY closes_at, id");
    q->bind(1, now.seconds());
    std::vector<ElectionId> out;
    while (q->executeStep()) out.emplace_back(q->getColumn(0).getInt64());
    return out;
}

void SqliteElectionStore::updatePhase(ElectionId id, domain::ElectionPhase phase) {
    auto q = c_.prepare("UPDATE elections SET phase = ? WHERE id = ?");
    q->bind(1, domain::electionPhaseName(phase));
    q->bind(2, id.value);
    q->exec();
}

void SqliteElectionStore::saveResult(ElectionId id, const std::vector<std::int64_t>& counts,
                                     const std::vector<std::int64_t>& selected) {
    auto q = c_.prepare("UPDATE elections SET counts = ?, selected = ? WHERE id = ?");
    q->bind(1, joinNumbers(counts));
    q->bind(2, joinNumbers(selected));
    q->bind(3, id.value);
    q->exec();
}

void SqliteElectionStore::appendEntry(ElectionId id, std::uint64_t index, const std::string& bytes) {
    auto q = c_.prepare("INSERT INTO election_entries (election_id, idx, bytes) VALUES (?, ?, ?)");
    q->bind(1, id.value);
    q->bind(2, static_cast<std::int64_t>(index));
    bindBlob(*q, 3, bytes);
    q->exec();
}

std::vector<std::string> SqliteElectionStore::entries(ElectionId id, std::uint64_t from, std::uint64_t limit) {
    auto q = c_.prepare("SELECT bytes FROM election_entries WHERE election_id = ? AND idx >= ? ORDER BY idx LIMIT ?");
    q->bind(1, id.value);
    q->bind(2, static_cast<std::int64_t>(from));
    q->bind(3, static_cast<std::int64_t>(limit));
    std::vector<std::string> out;
    while (q->executeStep()) out.push_back(blob(q->getColumn(0)));
    return out;
}

std::uint64_t SqliteElectionStore::entryBytes(ElectionId id, std::uint64_t count) {
    auto q =
        c_.prepare("SELECT COALESCE(SUM(length(bytes)), 0) FROM election_entries WHERE election_id = ? AND idx < ?");
    q->bind(1, id.value);
    q->bind(2, static_cast<std::int64_t>(count));
    q->executeStep();
    return static_cast<std::uint64_t>(q->getColumn(0).getInt64());
}

void SqliteElectionStore::saveHead(ElectionId id, const domain::StoredHead& head) {
    auto q = c_.prepare("INSERT OR REPLACE INTO election_heads (election_id, size, bytes) VALUES (?, ?, ?)");
    q->bind(1, id.value);
    q->bind(2, static_cast<std::int64_t>(head.size));
    bindBlob(*q, 3, head.bytes);
    q->exec();
}

std::optional<domain::StoredHead> SqliteElectionStore::latestHead(ElectionId id) {
    auto q = c_.prepare("SELECT size, bytes FROM election_heads WHERE election_id = ? ORDER BY size DESC LIMIT 1");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return domain::StoredHead{static_cast<std::uint64_t>(q->getColumn(0).getInt64()), blob(q->getColumn(1))};
}

std::optional<std::string> SqliteElectionStore::activeCredential(ElectionId id, UserId user) {
    auto q =
        c_.prepare("SELECT cred_pk FROM election_credentials WHERE election_id = ? AND user_id = ? AND active = 1");
    q->bind(1, id.value);
    q->bind(2, user.value);
    if (!q->executeStep()) return std::nullopt;
    return blob(q->getColumn(0));
}

void SqliteElectionStore::saveCredential(ElectionId id, UserId user, const std::string& key, Instant at) {
    auto off = c_.prepare("UPDATE election_credentials SET active = 0 WHERE election_id = ? AND user_id = ?");
    off->bind(1, id.value);
    off->bind(2, user.value);
    off->exec();
    auto q = c_.prepare(
        "INSERT INTO election_credentials (election_id, user_id, cred_pk, active, enrolled_at) VALUES (?, ?, ?, 1, ?)");
    q->bind(1, id.value);
    q->bind(2, user.value);
    bindBlob(*q, 3, key);
    q->bind(4, at.seconds());
    q->exec();
}

void SqliteElectionStore::saveSecrets(ElectionId id, const domain::ElectionSecrets& secrets) {
    auto q = c_.prepare("INSERT INTO election_secrets (election_id, board_seed) VALUES (?, ?)");
    q->bind(1, id.value);
    bindBlob(*q, 2, secrets.board_seed);
    q->exec();
    for (std::size_t j = 0; j < secrets.trustee_states.size(); ++j) {
        auto t = c_.prepare("INSERT INTO election_trustee_states (election_id, trustee, state) VALUES (?, ?, ?)");
        t->bind(1, id.value);
        t->bind(2, static_cast<std::int64_t>(j + 1));
        bindBlob(*t, 3, secrets.trustee_states[j]);
        t->exec();
    }
}

std::optional<domain::ElectionSecrets> SqliteElectionStore::secrets(ElectionId id) {
    auto q = c_.prepare("SELECT board_seed FROM election_secrets WHERE election_id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    domain::ElectionSecrets s;
    s.board_seed = blob(q->getColumn(0));
    auto t = c_.prepare("SELECT state FROM election_trustee_states WHERE election_id = ? ORDER BY trustee");
    t->bind(1, id.value);
    while (t->executeStep()) s.trustee_states.push_back(blob(t->getColumn(0)));
    return s;
}

}  // namespace yishi::storage
