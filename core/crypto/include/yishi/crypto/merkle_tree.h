#pragma once

#include <cstdint>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/merkle_hash.h"

namespace yishi::crypto {

// An append-only RFC 9162 Merkle tree of leaf hashes that answers for every
// size it has had: the root at size n and the inclusion and consistency
// proofs up to any n <= size(), so a board can serve a proof against any
// tree head it ever signed.
//
// It keeps the hash of every complete, aligned subtree (2·size() hashes in
// all), built as leaves are appended (amortised O(1) node hashes per append);
// a root or a proof then costs O(log n) lookups and node hashes.
//
// Thread-safety: none inside. The const members only read, so any number of
// threads may call them at once while no thread appends; append needs the
// tree to itself.
class MerkleTree {
  public:
    MerkleTree() = default;

    // Adds the leaf hash (merkleLeafHash of the entry's bytes) at index size().
    void append(const MerkleHash& leaf_hash);

    std::uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }

    // The root now; merkleEmptyRoot() when there are no leaves.
    MerkleHash root() const;
    // The root when the tree had `size` leaves; invalid "merkle.bad_size"
    // when size > size().
    Result<MerkleHash> rootAt(std::uint64_t size) const;

    // RFC 9162 PATH(index, D[0:size]), lowest sibling first. Invalid
    // "merkle.bad_size" unless index < size <= size().
    Result<std::vector<MerkleHash>> inclusionProof(std::uint64_t index, std::uint64_t size) const;

    // RFC 9162 PROOF(size1, D[0:size2]); empty when size1 == size2. Invalid
    // "merkle.bad_size" unless 0 < size1 <= size2 <= size().
    Result<std::vector<MerkleHash>> consistencyProof(std::uint64_t size1, std::uint64_t size2) const;

  private:
    // MTH(D[start:start+count]) for count >= 1, with start a multiple of the
    // smallest power of two >= count (every range the RFC's split makes is).
    MerkleHash subtreeHash(std::uint64_t start, std::uint64_t count) const;

    // levels_[h][i]: the hash of leaves [i·2^h, (i+1)·2^h); levels_[0] are the leaves.
    std::vector<std::vector<MerkleHash>> levels_;
};

}  // namespace yishi::crypto
