#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/status.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/merkle_hash.h"
#include "yishi/election/board.h"

namespace yishi::election {

// The voter's checks of a receipt and of the board later
// (docs/election-record.md, 6.4). Pure functions; thread-safe.

// OK when the head is signed by `board_pk`, is of election `eid`, and the
// inclusion proof shows the entry frame("yishi/v1/entry", EID, at, ballot)
// at `index` under the head's root. Otherwise invalid "receipt.head" (the
// head does not read or verify, or names another election) or
// "receipt.inclusion".
Status checkReceipt(std::string_view board_pk, const crypto::ElectionId& eid, std::string_view ballot_message,
                    std::uint64_t index, std::int64_t at_ms, std::string_view head_bytes,
                    const std::vector<crypto::MerkleHash>& inclusion_proof);

// OK when `newer` is a signed head of the same election whose tree extends
// `older`'s by the consistency proof; invalid "receipt.head" or
// "receipt.consistency" (the board dropped or rewrote what `older` signed).
Status checkExtends(std::string_view board_pk, const TreeHead& older, std::string_view newer_head_bytes,
                    const std::vector<crypto::MerkleHash>& consistency_proof);

}  // namespace yishi::election
