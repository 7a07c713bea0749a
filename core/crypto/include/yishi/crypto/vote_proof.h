#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"

namespace yishi::crypto {

// Disjunctive Chaum–Pedersen proofs that a ciphertext (a, b) under Y encrypts
// some m in a range lo..hi, without saying which (docs/election-record.md,
// section 3.6): one per option with range 0..1 ("vote01"), and one on the sum
// of a ballot's ciphertexts with range min..max ("votesum"). The challenge
// binds the election id, the voter's credential key and the option index or
// the range (strong Fiat–Shamir): a proof copied into another ballot fails.
// Thread-safe.

struct VoteContext {
    ElectionId eid{};
    std::string credential;  // the voter's Ed25519 public key, 32 bytes
};

// One (c_j, z_j) per value j = lo..hi, in that order: 64·(hi − lo + 1) bytes.
struct RangeProof {
    struct Branch {
        Scalar c;
        Scalar z;
    };
    std::vector<Branch> branches;

    std::string encoded() const;
    // invalid "crypto.bad_proof" unless `encoded` has exactly `branch_count`
    // branches; "crypto.bad_scalar" for a non-canonical scalar.
    static Result<RangeProof> parse(std::string_view encoded, std::size_t branch_count);
};

// Nonces, in order: w, then c_j and z_j for each j ≠ m ascending.
// REQUIRES: m is 0 or 1 and ct = encrypt(y, m, r). Proving a false statement
// yields a proof that does not verify.
RangeProof proveVote01(const VoteContext& context, std::int64_t option, const Point& y, const Ciphertext& ct,
                       std::int64_t m, const Scalar& r, const NonceSource& nonces = randomNonce);
bool verifyVote01(const VoteContext& context, std::int64_t option, const Point& y, const Ciphertext& ct,
                  const RangeProof& proof);

// The same over the sum of the ballot's ciphertexts (sum of the m_i under the
// sum of the r_i). REQUIRES: 0 <= min <= sum <= max.
RangeProof proveVoteSum(const VoteContext& context, std::int64_t min, std::int64_t max, const Point& y,
                        const Ciphertext& sum_ct, std::int64_t sum, const Scalar& sum_r,
                        const NonceSource& nonces = randomNonce);
// False when min < 0 or max < min as well.
bool verifyVoteSum(const VoteContext& context, std::int64_t min, std::int64_t max, const Point& y,
                   const Ciphertext& sum_ct, const RangeProof& proof);

}  // namespace yishi::crypto
