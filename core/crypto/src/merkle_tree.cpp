#include "yishi/crypto/merkle_tree.h"

#include <algorithm>
#include <bit>
#include <string>

namespace yishi::crypto {

namespace {

// RFC 9162's k for a split of n >= 2 leaves: the largest power of two < n.
std::uint64_t splitPoint(std::uint64_t n) { return std::bit_floor(n - 1); }

Status badSize(const std::string& what) { return Status::invalid("merkle.bad_size", what); }

}  // namespace

void MerkleTree::append(const MerkleHash& leaf_hash) {
    if (levels_.empty()) levels_.emplace_back();
    levels_[0].push_back(leaf_hash);
    // Each completed pair completes its parent: carry upwards like a binary counter.
    for (std::size_t h = 0; levels_[h].size() % 2 == 0; ++h) {
        if (levels_.size() == h + 1) levels_.emplace_back();
        const auto& level = levels_[h];
        levels_[h + 1].push_back(merkleNodeHash(level[level.size() - 2], level.back()));
    }
}

MerkleHash MerkleTree::root() const { return size() == 0 ? merkleEmptyRoot() : subtreeHash(0, size()); }

Result<MerkleHash> MerkleTree::rootAt(std::uint64_t n) const {
    if (n > size()) {
        return badSize("The tree has " + std::to_string(size()) + " leaves, not " + std::to_string(n) + ".");
    }
    return n == 0 ? merkleEmptyRoot() : subtreeHash(0, n);
}

MerkleHash MerkleTree::subtreeHash(std::uint64_t start, std::uint64_t count) const {
    if (std::has_single_bit(count)) {
        const int h = std::countr_zero(count);
        return levels_[h][start >> h];
    }
    const std::uint64_t k = splitPoint(count);
    return merkleNodeHash(subtreeHash(start, k), subtreeHash(start + k, count - k));
}

Result<std::vector<MerkleHash>> MerkleTree::inclusionProof(std::uint64_t index, std::uint64_t n) const {
    if (n > size() || index >= n) {
        return badSize("No inclusion proof for leaf " + std::to_string(index) + " in a tree of " + std::to_string(n) +
                       " leaves (the log has " + std::to_string(size()) + ").");
    }
    // Walk down from the root, taking the sibling of each node on the path.
    std::vector<MerkleHash> proof;
    std::uint64_t start = 0, count = n;
    while (count > 1) {
        const std::uint64_t k = splitPoint(count);
        if (index - start < k) {
            proof.push_back(subtreeHash(start + k, count - k));
            count = k;
        } else {
            proof.push_back(subtreeHash(start, k));
            start += k;
            count -= k;
        }
    }
    std::reverse(proof.begin(), proof.end());  // the RFC lists the lowest sibling first
    return proof;
}

Result<std::vector<MerkleHash>> MerkleTree::consistencyProof(std::uint64_t size1, std::uint64_t size2) const {
    if (size1 == 0 || size1 > size2 || size2 > size()) {
        return badSize("No consistency proof from " + std::to_string(size1) + " to " + std::to_string(size2) +
                       " leaves (the log has " + std::to_string(size()) + ").");
    }
    // SUBPROOF(m, D[start:start+count], b) unrolled; b stays true while the
    // old tree is the left edge of the current subtree (its root is known then).
    std::vector<MerkleHash> proof;
    std::uint64_t start = 0, count = size2, m = size1;
    bool old_root_known = true;
    while (m != count) {
        const std::uint64_t k = splitPoint(count);
        if (m <= k) {
            proof.push_back(subtreeHash(start + k, count - k));
            count = k;
        } else {
            proof.push_back(subtreeHash(start, k));
            start += k;
            count -= k;
            m -= k;
            old_root_known = false;
        }
    }
    if (!old_root_known) proof.push_back(subtreeHash(start, count));
    std::reverse(proof.begin(), proof.end());
    return proof;
}

}  // namespace yishi::crypto
