#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/scope.h"

// Verifiable elections (docs/election-record.md): what the server knows of
// one election besides its board. The board's bytes (the manifest, the
// entries, the signed heads) are opaque here: the record library reads them
// behind the BallotBox port.
namespace yishi::domain {

using ElectionId = Id<struct ElectionTag>;

enum class ElectionKind { kReferendum, kApproval };
// How far the board has come: the key ceremony, voting, the roster closed,
// the tally on the board awaiting the trustees, the result published.
enum class ElectionPhase { kCeremony, kOpen, kClosed, kTallied, kPublished };

const char* electionKindName(ElectionKind kind);
bool parseElectionKind(const std::string& text, ElectionKind* kind);
const char* electionPhaseName(ElectionPhase phase);
bool parseElectionPhase(const std::string& text, ElectionPhase* phase);

// A trustee as the manifest names it (docs/election-record.md 5.3): who,
// the key that signs its messages and the key its shares are boxed to.
struct TrusteeKeys {
    std::string name;
    std::string sign_pk;  // Ed25519, 32 bytes
    std::string box_pk;   // X25519, 32 bytes
};

struct ElectionOption {
    std::string label;
    std::int64_t cost = 0;  // fen; 0 in a referendum
    // The community it belongs to ("community/<id>"), for greedy-quota; may
    // be empty (election-record.md 5.3, group_i).
    std::string group;
    // The wish proposal it is, in a 民心项目 round (0: a plain option). Its
    // label is then the proposal's title and its group the proposal's
    // community.
    std::int64_t proposal_id = 0;
};

struct Election {
    ElectionId id;
    // Whose election: a community's, or a street's or the district's for a
    // round that spans communities. Residents of every community within it
    // vote; those who manage it run it.
    ScopeRef owner{ScopeKind::kCommunity, 0};
    DistrictId district_id;    // the district it is in (its plugins select)
    CommunityId community_id;  // a community's election only; else invalid
    std::string scope;         // as in the manifest: "community/<id>", "street/<id>" or "district"
    std::string subject;       // "proposal/<id>", "round/<id>" or empty
    ElectionKind kind = ElectionKind::kReferendum;
    std::string title;
    std::vector<ElectionOption> options;
    std::int64_t min = 1;
    std::int64_t max = 1;
    std::int64_t budget = 0;
    std::string rule;
    std::int64_t rule_param = 0;
    Instant opens_at;
    Instant closes_at;
    ElectionPhase phase = ElectionPhase::kCeremony;
    bool demo = false;
    std::string manifest;  // D[0], bytes
    std::string eid;       // 32 bytes
    std::string board_pk;  // 32 bytes
    UserId created_by;
    Instant created_at;
    // Once published only: the count per option and the options selected.
    std::vector<std::int64_t> counts;
    std::vector<std::int64_t> selected;
};

// The secrets of an election the server keeps beside its board: the seed of
// the board key that signs the tree heads and, in demo mode, the state of
// every trustee it plays (core/election's Trustee::exportState). Never
// served by any route.
struct ElectionSecrets {
    std::string board_seed;
    std::vector<std::string> trustee_states;  // trustee j at j - 1; empty unless demo
};

}  // namespace yishi::domain
