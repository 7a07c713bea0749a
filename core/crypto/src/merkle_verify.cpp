#include "yishi/crypto/merkle_verify.h"

#include <bit>
#include <string>
#include <vector>

namespace yishi::crypto {

namespace {

Status inclusionInvalid(const std::string& why) {
    return Status::invalid("merkle.inclusion_invalid", "The inclusion proof does not hold: " + why);
}

Status consistencyInvalid(const std::string& why) {
    return Status::invalid("merkle.consistency_invalid", "The consistency proof does not hold: " + why);
}

// Shifts fn and sn right together until fn's lowest bit is set or fn is 0
// (RFC 9162 2.1.3.2 step 4.b.ii and 2.1.4.2 step 6.b.iii).
void shiftToSetBit(std::uint64_t& fn, std::uint64_t& sn) {
    while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
    }
}

}  // namespace

Status verifyInclusion(const MerkleHash& leaf_hash, std::uint64_t index, std::uint64_t size,
                       std::span<const MerkleHash> proof, const MerkleHash& root) {
    if (index >= size) {
        return inclusionInvalid("leaf " + std::to_string(index) + " is not in a tree of " + std::to_string(size) +
                                " leaves.");
    }
    std::uint64_t fn = index, sn = size - 1;
    MerkleHash r = leaf_hash;
    for (const MerkleHash& p : proof) {
        if (sn == 0) return inclusionInvalid("the proof is too long.");
        if ((fn & 1) == 1 || fn == sn) {
            r = merkleNodeHash(p, r);
            if ((fn & 1) == 0) shiftToSetBit(fn, sn);
        } else {
            r = merkleNodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0) return inclusionInvalid("the proof is too short.");
    if (r != root) return inclusionInvalid("it leads to another root.");
    return Status::ok();
}

Status verifyConsistency(std::uint64_t size1, std::uint64_t size2, const MerkleHash& root1, const MerkleHash& root2,
                         std::span<const MerkleHash> proof) {
    if (size1 == 0) return consistencyInvalid("there is nothing to prove from the empty tree.");
    if (size1 > size2) return consistencyInvalid("the first tree is larger than the second.");
    if (size1 == size2) {
        if (!proof.empty()) return consistencyInvalid("equal sizes take an empty proof.");
        if (root1 != root2) return consistencyInvalid("equal sizes with different roots.");
        return Status::ok();
    }
    if (proof.empty()) return consistencyInvalid("the proof is empty.");

    std::vector<MerkleHash> path;
    path.reserve(proof.size() + 1);
    if (std::has_single_bit(size1)) path.push_back(root1);
    path.insert(path.end(), proof.begin(), proof.end());

    std::uint64_t fn = size1 - 1, sn = size2 - 1;
    while ((fn & 1) == 1) {
        fn >>= 1;
        sn >>= 1;
    }
    MerkleHash fr = path[0], sr = path[0];
    for (std::size_t i = 1; i < path.size(); ++i) {
        const MerkleHash& c = path[i];
        if (sn == 0) return consistencyInvalid("the proof is too long.");
        if ((fn & 1) == 1 || fn == sn) {
            fr = merkleNodeHash(c, fr);
            sr = merkleNodeHash(c, sr);
            if ((fn & 1) == 0) shiftToSetBit(fn, sn);
        } else {
            sr = merkleNodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0) return consistencyInvalid("the proof is too short.");
    if (fr != root1) return consistencyInvalid("it does not lead to the first root.");
    if (sr != root2) return consistencyInvalid("it does not lead to the second root.");
    return Status::ok();
}

}  // namespace yishi::crypto
