#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/merkle_tree.h"
#include "yishi/election/board.h"
#include "yishi/election/messages.h"

namespace yishi::election {

// An election's board in memory: the entries D[0..], their Merkle tree and
// the board key that signs its heads (docs/election-record.md, section 6).
// It appends what it is given: the checks of section 7 are the caller's
// (BoardState). The server keeps one per election beside its database rows;
// tests and the demo build whole records with it.
//
// Not thread-safe: the caller serializes appends; const members may run
// concurrently with each other but not with an append.
class BoardLog {
  public:
    // Starts the board with D[0] = the manifest's bytes.
    BoardLog(std::string manifest_bytes, crypto::SigningKey board_key);

    const crypto::ElectionId& electionId() const { return eid_; }
    std::uint64_t size() const { return entries_.size(); }
    const std::string& entry(std::uint64_t index) const { return entries_[index]; }

    // Wraps `message` in an entry dated at_ms (6.1), appends it, returns its index.
    std::uint64_t append(std::string_view message, std::int64_t at_ms);
    // Appends an entry's bytes as they are (when loading a stored board).
    std::uint64_t appendEntry(std::string entry_bytes);

    // The signed head of the whole board now.
    TreeHead signHead(std::int64_t at_ms) const;
    // invalid "merkle.bad_size" for sizes the board never had.
    Result<std::vector<crypto::MerkleHash>> inclusionProof(std::uint64_t index, std::uint64_t size) const;
    Result<std::vector<crypto::MerkleHash>> consistencyProof(std::uint64_t from, std::uint64_t to) const;
    // The record file (6.5) up to the head's size.
    std::string record(const TreeHead& head) const;

  private:
    crypto::ElectionId eid_;
    crypto::SigningKey board_key_;
    std::vector<std::string> entries_;
    crypto::MerkleTree tree_;
};

}  // namespace yishi::election
