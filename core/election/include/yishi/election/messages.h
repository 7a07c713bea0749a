#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/election/manifest.h"

namespace yishi::election {

// The board's messages after the manifest (docs/election-record.md, 5.4–5.8),
// read and written byte for byte. Points, scalars, keys and proofs are kept
// as their encoded bytes: reading checks only the layout (lengths and
// counts, check 12 "message.format"); the checks of section 7 decode them.
// Value types.

struct TrusteeCommit {
    std::int64_t trustee = 0;
    std::string commitment;  // h_i, 32 bytes
    std::string sig;
};

struct TrusteeReveal {
    std::int64_t trustee = 0;
    std::vector<std::string> coefficients;  // A_i0 … A_it, 32 bytes each
    std::vector<std::string> proofs;        // π_i0 … π_it, 64 bytes each
    std::string sig;
};

struct TrusteeShares {
    std::int64_t trustee = 0;
    std::vector<std::string> boxes;  // for j = 1..n, j ≠ i, ascending; 72 bytes each
    std::string sig;
};

struct TrusteeOk {
    std::int64_t trustee = 0;
    std::string sig;
};

struct Open {
    std::string y;                          // 32 bytes
    std::vector<std::string> trustee_keys;  // Y_1 … Y_n
};

struct Enroll {
    std::string credential;  // cred_pk
    std::string replaces;    // old_pk, or empty
    std::string sig;         // by cred_pk
};

struct BallotOption {
    std::string a;      // 32 bytes
    std::string b;      // 32 bytes
    std::string proof;  // vote01, 128 bytes
};

struct Ballot {
    std::string credential;
    std::vector<BallotOption> options;
    std::string range_proof;  // votesum, or empty when the manifest says none
    std::string sig;
};

struct Close {
    std::vector<std::string> roster;  // sorted credential keys
};

struct Tally {
    std::int64_t counted = 0;    // N
    std::vector<std::string> a;  // A_i per option
    std::vector<std::string> b;  // B_i per option
};

struct Partial {
    std::int64_t trustee = 0;
    std::vector<std::string> shares;  // D_ji per option
    std::vector<std::string> proofs;  // ρ_ji per option, 64 bytes each
    std::string sig;
};

struct ElectionResult {
    std::vector<std::int64_t> counts;
    std::vector<std::int64_t> selected;
};

using Message = std::variant<TrusteeCommit, TrusteeReveal, TrusteeShares, TrusteeOk, Open, Enroll, Ballot, Close, Tally,
                             Partial, ElectionResult>;

// The type's name in messages and errors: "trustee-commit", "ballot", …
std::string_view messageName(const Message& message);

// Reads a message of any type after the manifest. invalid "message.format"
// when the bytes do not read as the type their tag names, with the counts
// and lengths `manifest` fixes, or when their EID is not `eid`
// ("entry.election"); "entry.format" for an unknown tag.
Result<Message> parseMessage(std::string_view bytes, const Manifest& manifest, const crypto::ElectionId& eid);

// The bytes of a message. Signed types are written with the `sig` they hold;
// use signMessage to make one.
std::string encodeMessage(const Message& message, const crypto::ElectionId& eid);

// The bytes a signed message's signature covers: frame("yishi/v1/sig",
// bytes(P)) with P the message without its last field (5.2). REQUIRES: the
// message ends with a 64-byte bytes field (68 bytes).
std::string signedPayload(std::string_view signed_message);

// Fills in `sig` of a signed message (trustee messages, enroll, ballot,
// partial) by signing it with `key`; others are returned unchanged.
Message signMessage(Message message, const crypto::ElectionId& eid, const crypto::SigningKey& key);

// OK when the signature of a signed message verifies under `key`; invalid
// "message.signature" otherwise.
Status verifyMessageSignature(std::string_view signed_message, std::string_view key);

// Hb("yishi/v1/ballot", bytes(ballot message)) (5.6), 32 bytes.
std::string ballotHash(std::string_view ballot_message);
// The tracking code of a ballot hash: XXXX-XXXX-XXXX-XXXX-XXXX (5.6).
std::string trackingCode(std::string_view ballot_hash);

}  // namespace yishi::election
