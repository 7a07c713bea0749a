#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/merkle_hash.h"

namespace yishi::election {

// The board's wrappers (docs/election-record.md, section 6): the entry that
// dates a message, the signed tree head and the record file. Value types.

// D[i] for i >= 1: frame("yishi/v1/entry", bytes(EID), int64(at), bytes(M)).
struct Entry {
    crypto::ElectionId eid{};
    std::int64_t at_ms = 0;
    std::string message;

    std::string encoded() const;
    // invalid "entry.format" when the bytes are not an entry.
    static Result<Entry> parse(std::string_view bytes);
};

// A signed tree head (6.3).
struct TreeHead {
    crypto::ElectionId eid{};
    std::uint64_t size = 0;
    crypto::MerkleHash root{};
    std::int64_t at_ms = 0;
    std::string sig;

    std::string encoded() const;
    // invalid "sth.format" when the bytes are not a tree head.
    static Result<TreeHead> parse(std::string_view bytes);
    // Returns the head with `sig` made by `board_key`.
    TreeHead signedBy(const crypto::SigningKey& board_key) const;
    // OK, or invalid "sth.signature".
    Status verifySignature(std::string_view board_pk) const;
};

// The record file (6.5): the entries D[0..n-1] and the head of size n.
struct Record {
    std::vector<std::string> entries;
    std::string head;  // TreeHead bytes

    std::string encoded() const;
    // invalid "record.format" when the bytes are not a record. The record
    // keeps views into nothing: it copies the entries.
    static Result<Record> parse(std::string_view bytes);
};

// Writes a record to a stream piece by piece (the server streams it).
// Returns the bytes that precede the entries: the tag and int64(n).
std::string recordPrefix(std::uint64_t entry_count);
// One entry's field in the record: bytes(D[i]).
std::string recordField(std::string_view bytes);

}  // namespace yishi::election
