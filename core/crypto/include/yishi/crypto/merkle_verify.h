#pragma once

#include <cstdint>
#include <span>

#include "yishi/common/status.h"
#include "yishi/crypto/merkle_hash.h"

// Checks of Merkle log proofs that need nothing but the proof: RFC 9162
// sections 2.1.3.2 and 2.1.4.2, as docs/election-record.md section 4
// states them. Pure functions; thread-safe.
namespace yishi::crypto {

// OK when `proof` shows the leaf with hash `leaf_hash` at `index` in the tree
// of `size` leaves whose root is `root`. Otherwise invalid
// "merkle.inclusion_invalid" (index >= size, a proof of the wrong length, or
// a root that does not match).
Status verifyInclusion(const MerkleHash& leaf_hash, std::uint64_t index, std::uint64_t size,
                       std::span<const MerkleHash> proof, const MerkleHash& root);

// OK when `proof` shows that the tree of size2 leaves with root `root2`
// extends the tree of size1 leaves with root `root1`. When size1 == size2 the
// proof must be empty and the roots equal. Otherwise invalid
// "merkle.consistency_invalid", including size1 == 0 (nothing to prove: every
// tree extends the empty one) and size1 > size2.
Status verifyConsistency(std::uint64_t size1, std::uint64_t size2, const MerkleHash& root1, const MerkleHash& root2,
                         std::span<const MerkleHash> proof);

}  // namespace yishi::crypto
