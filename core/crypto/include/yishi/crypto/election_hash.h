#pragma once

#include <array>
#include <string>
#include <string_view>

#include "yishi/common/length_prefixed.h"
#include "yishi/crypto/group.h"

namespace yishi::crypto {

// The hashes of the election record (docs/election-record.md, section 2).
// Every input is a LengthPrefixed frame whose tag is one of the tags below;
// points and scalars go in as bytes(their 32-byte encoding). Thread-safe.

// Hb(frame) = BLAKE2b-256(frame), unkeyed: 32 bytes.
std::string hashBytes(const LengthPrefixed& frame);
// Hs(frame) = BLAKE2b-512(frame), unkeyed, read little-endian and reduced mod L.
Scalar hashToScalar(const LengthPrefixed& frame);

// Every tag of the record. Changing the fields hashed under a tag means a
// new tag (".../v2"), never new fields under the old one.
namespace tag {
inline constexpr std::string_view kManifest = "yishi/v1/manifest";  // EID (section 6)
inline constexpr std::string_view kBallot = "yishi/v1/ballot";      // ballot hash (section 5)
inline constexpr std::string_view kSchnorr = "yishi/v1/schnorr";    // proof of knowledge
inline constexpr std::string_view kPdec = "yishi/v1/pdec";          // DLEQ of a partial decryption
inline constexpr std::string_view kVote01 = "yishi/v1/vote01";      // m_i in {0, 1}
inline constexpr std::string_view kVoteSum = "yishi/v1/votesum";    // sum of m_i in [min..max]
}  // namespace tag

// An election id: Hb under tag::kManifest of the manifest, 32 bytes.
using ElectionId = std::array<unsigned char, 32>;
inline std::string_view asBytes(const ElectionId& eid) {
    return std::string_view(reinterpret_cast<const char*>(eid.data()), eid.size());
}

}  // namespace yishi::crypto
