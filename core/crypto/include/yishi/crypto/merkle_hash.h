#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"

// The hashes of the election board's Merkle log: RFC 9162 section 2.1 with
// SHA-256, as docs/election-record.md section 4 states them byte by byte.
// Every function here is pure and thread-safe.
namespace yishi::crypto {

// A leaf hash, node hash or root: always exactly 32 bytes.
using MerkleHash = std::array<std::uint8_t, 32>;

// SHA-256(0x00 || leaf_bytes).
MerkleHash merkleLeafHash(std::string_view leaf_bytes);
// SHA-256(0x01 || left || right).
MerkleHash merkleNodeHash(const MerkleHash& left, const MerkleHash& right);
// The root of the tree of no leaves: SHA-256 of the empty string.
MerkleHash merkleEmptyRoot();

// Exactly 32 bytes to a hash; any other length is invalid "merkle.bad_hash".
Result<MerkleHash> merkleHashFromBytes(std::string_view bytes);
std::string merkleHashBytes(const MerkleHash& hash);

// A proof's bytes: its hashes concatenated in order (32·k bytes for k
// hashes; none for the empty proof). Decoding refuses a length that is not a
// multiple of 32 as invalid "merkle.bad_proof".
std::string encodeMerkleProof(const std::vector<MerkleHash>& proof);
Result<std::vector<MerkleHash>> decodeMerkleProof(std::string_view bytes);

}  // namespace yishi::crypto
