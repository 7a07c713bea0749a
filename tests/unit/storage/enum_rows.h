#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

#include "yishi/domain/consultation.h"
#include "yishi/domain/escalation.h"
#include "yishi/domain/people.h"
#include "yishi/domain/points.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/scope.h"

// Rows for the storage tests about enum columns: one row in every table
// with such a column, written with raw SQL that fits schema version 9 and
// later, so that a test can corrupt them behind the stores' back.
namespace yishi::testing {

// Ids: district, street, community 1; users 1 (committee) and 2 (resident);
// proposal 1 (problem, submitted) and 2 (wish, merged into 1); comment 1,
// meeting 1, escalation 1, reward item 1, redemption 1.
inline void seedEnumRows(SQLite::Database& db) {
    db.exec("PRAGMA foreign_keys=ON");
    db.exec(R"sql(
BEGIN;
INSERT INTO districts (id, name) VALUES (1, '老城区');
INSERT INTO streets (id, district_id, name) VALUES (1, 1, '东街');
INSERT INTO communities (id, street_id, district_id, name, join_code) VALUES (1, 1, 1, '桂花社区', 'JOIN2345');
INSERT INTO users (id, login, display_name, password_hash, created_at)
  VALUES (1, 'zhao', '赵', 'h', 1), (2, 'qian', '钱', 'h', 1);
INSERT INTO role_grants (user_id, role, scope_kind, scope_id, granted_at, granted_by)
  VALUES (1, 'committee', 'community', 1, 2, NULL);
INSERT INTO memberships (community_id, user_id, status, joined_at) VALUES (1, 2, 'verified', 3);
INSERT INTO proposals (id, community_id, author_id, kind, title, body, state, created_at, updated_at)
  VALUES (1, 1, 2, 'problem', '路灯坏了', '三号楼前', 'submitted', 4, 4),
         (2, 1, 2, 'wish', '路灯', '同上', 'draft', 5, 5);
UPDATE proposals SET state = 'merged', merged_into = 1, response_due_at = 99 WHERE id = 2;
INSERT INTO comments (id, proposal_id, community_id, depth, author_id, stance, body, created_at)
  VALUES (1, 1, 1, 1, 2, 'for', '同意', 6);
INSERT INTO supports (proposal_id, user_id, given_at) VALUES (1, 2, 6);
INSERT INTO meetings (id, proposal_id, community_id, mode, starts_at, place, created_by)
  VALUES (1, 1, 1, 'hybrid', 7, '活动室', 1);
INSERT INTO escalations (id, proposal_id, community_id, street_id, district_id, level, status, reason,
                         escalated_by, escalated_at, due_at)
  VALUES (1, 1, 1, 1, 1, 'street', 'open', '超时', 1, 8, 9);
INSERT INTO reward_items (id, district_id, name, cost, stock, created_at) VALUES (1, 1, '毛巾', 5, 10, 9);
INSERT INTO points_ledger (district_id, user_id, delta, rule, reason, day, at) VALUES (1, 2, 20, 'comment', '评论', 1, 10);
INSERT INTO redemptions (id, item_id, district_id, community_id, user_id, cost, idempotency_key, created_at)
  VALUES (1, 1, 1, 1, 2, 5, 'k1', 11);
INSERT INTO points_ledger (district_id, user_id, delta, rule, reason, day, redemption_id, at)
  VALUES (1, 2, -5, 'redeem', '兑换', 1, 1, 11);
COMMIT;
)sql");
}

// Every name the domain knows for E, found by walking the enum from 0 for
// as long as name() and parse() agree (past the last value, name() falls
// back to some known name, which parses to another value).
template <typename E>
std::vector<std::string> domainNames(const char* (*name)(E), bool (*parse)(const std::string&, E*)) {
    std::vector<std::string> names;
    for (int i = 0;; ++i) {
        const E e = static_cast<E>(i);
        E back{};
        if (!parse(name(e), &back) || back != e) return names;
        names.push_back(name(e));
    }
}

// A column that stores a domain enum by name, and the names the domain has.
struct EnumColumn {
    std::string table;
    std::string column;
    std::vector<std::string> names;
};

inline std::vector<EnumColumn> enumColumns() {
    using namespace domain;
    const auto states = domainNames(proposalStateName, parseProposalState);
    const auto kinds = domainNames(proposalKindName, parseProposalKind);
    return {
        {"role_grants", "role", domainNames(roleName, parseRole)},
        {"role_grants", "scope_kind", domainNames(scopeKindName, parseScopeKind)},
        {"memberships", "status", domainNames(membershipStatusName, parseMembershipStatus)},
        {"proposals", "kind", kinds},
        {"proposals", "state", states},
        {"proposal_counts", "kind", kinds},
        {"proposal_counts", "state", states},
        {"comments", "stance", domainNames(stanceName, parseStance)},
        {"meetings", "mode", domainNames(meetingModeName, parseMeetingMode)},
        {"escalations", "level", domainNames(escalationLevelName, parseEscalationLevel)},
        {"escalations", "status", domainNames(escalationStatusName, parseEscalationStatus)},
        {"redemptions", "state", domainNames(redemptionStateName, parseRedemptionState)},
    };
}

}  // namespace yishi::testing
