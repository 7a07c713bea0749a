#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/election_hash.h"

namespace yishi::election {

// The manifest of an election (docs/election-record.md, 5.3): what is voted
// on, by whom, when, with which trustees and board key. Frozen when the
// election is created; entry 0 of its board. A value type.

enum class ElectionKind { kReferendum, kApproval };
std::string_view toString(ElectionKind kind);

// The referendum's options by index (5.3).
inline constexpr std::int64_t kYes = 0;
inline constexpr std::int64_t kNo = 1;
inline constexpr std::int64_t kAbstain = 2;

struct OptionSpec {
    std::string label;
    std::int64_t cost = 0;  // fen
    std::string group;      // the community, for greedy-quota; may be empty
};

struct TrusteeSpec {
    std::string name;
    std::string sign_pk;  // Ed25519, 32 bytes
    std::string box_pk;   // X25519, 32 bytes
};

struct Manifest {
    std::string ref;
    std::string scope;
    std::string subject;
    ElectionKind kind = ElectionKind::kReferendum;
    std::string title;
    std::vector<OptionSpec> options;
    std::int64_t min = 1;
    std::int64_t max = 1;
    std::int64_t budget = 0;
    std::int64_t opens_at_ms = 0;
    std::int64_t closes_at_ms = 0;
    std::vector<TrusteeSpec> trustees;  // trustee j is trustees[j - 1]
    std::int64_t quorum = 1;
    bool demo = false;
    std::string board_pk;  // Ed25519, 32 bytes
    std::string rule;
    std::string rule_version;
    std::string rule_hash;
    std::int64_t rule_param = 0;

    // The message's bytes (5.3). REQUIRES: every field fits a frame.
    std::string encoded() const;
    // Reads the bytes; invalid "manifest.format" when they do not read as a
    // manifest. Values are not judged: see validate.
    static Result<Manifest> parse(std::string_view bytes);
    // OK when every field has a valid value (the table of 5.3); otherwise
    // invalid "manifest.invalid" naming the field.
    Status validate() const;

    std::int64_t optionCount() const { return static_cast<std::int64_t>(options.size()); }
    std::int64_t trusteeCount() const { return static_cast<std::int64_t>(trustees.size()); }
    // t, the degree of the trustees' polynomials: quorum − 1.
    std::int64_t degree() const { return quorum - 1; }
    // Whether a ballot carries the votesum proof (5.6): all but min = 0, max = n.
    bool hasRangeProof() const { return !(min == 0 && max == optionCount()); }
};

// EID = Hb("yishi/v1/manifest", bytes(manifest bytes)) (2.2).
crypto::ElectionId electionIdOf(std::string_view manifest_bytes);

// The three rules a record may name (5.9).
bool isRecordableRule(std::string_view rule);

}  // namespace yishi::election
