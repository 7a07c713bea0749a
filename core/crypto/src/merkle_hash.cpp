#include "yishi/crypto/merkle_hash.h"

#include <sodium.h>

#include <algorithm>

namespace yishi::crypto {

// SHA-256 in libsodium has no CPU dispatch and needs no sodium_init(), so
// these stay free functions without a setup step.

MerkleHash merkleLeafHash(std::string_view leaf_bytes) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const unsigned char prefix = 0x00;
    crypto_hash_sha256_update(&state, &prefix, 1);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(leaf_bytes.data()), leaf_bytes.size());
    MerkleHash out;
    crypto_hash_sha256_final(&state, out.data());
    return out;
}

MerkleHash merkleNodeHash(const MerkleHash& left, const MerkleHash& right) {
    unsigned char input[1 + 32 + 32];
    input[0] = 0x01;
    std::copy(left.begin(), left.end(), input + 1);
    std::copy(right.begin(), right.end(), input + 33);
    MerkleHash out;
    crypto_hash_sha256(out.data(), input, sizeof input);
    return out;
}

MerkleHash merkleEmptyRoot() {
    MerkleHash out;
    crypto_hash_sha256(out.data(), nullptr, 0);
    return out;
}

Result<MerkleHash> merkleHashFromBytes(std::string_view bytes) {
    MerkleHash out;
    if (bytes.size() != out.size()) {
        return Status::invalid("merkle.bad_hash",
                               "A Merkle hash is 32 bytes, not " + std::to_string(bytes.size()) + ".");
    }
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

std::string merkleHashBytes(const MerkleHash& hash) { return std::string(hash.begin(), hash.end()); }

std::string encodeMerkleProof(const std::vector<MerkleHash>& proof) {
    std::string out;
    out.reserve(proof.size() * 32);
    for (const MerkleHash& h : proof) out.append(h.begin(), h.end());
    return out;
}

Result<std::vector<MerkleHash>> decodeMerkleProof(std::string_view bytes) {
    if (bytes.size() % 32 != 0) {
        return Status::invalid("merkle.bad_proof", "A Merkle proof is a whole number of 32-byte hashes, not " +
                                                       std::to_string(bytes.size()) + " bytes.");
    }
    std::vector<MerkleHash> proof(bytes.size() / 32);
    for (std::size_t i = 0; i < proof.size(); ++i) {
        std::copy(bytes.begin() + i * 32, bytes.begin() + (i + 1) * 32, proof[i].begin());
    }
    return proof;
}

}  // namespace yishi::crypto
