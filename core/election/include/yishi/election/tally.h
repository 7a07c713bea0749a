#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/group.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"

namespace yishi::election {

// Combining partial decryptions into counts (docs/election-record.md, 5.8).
// Pure functions; thread-safe.

// The tally message (5.8) of ballots in board order: the last ballot of each
// credential counts. invalid "tally.sum" when a ballot's point does not decode.
Result<Tally> tallyOf(const Manifest& manifest, const std::vector<Ballot>& ballots_in_board_order);

// λ_j = Π_{k ∈ indices, k ≠ j} k·(k − j)^(−1) mod L. REQUIRES: j is in
// `indices`, the indices are distinct and positive.
crypto::Scalar lagrangeAtZero(std::int64_t j, const std::vector<std::int64_t>& indices);

// M_i = B_i − Σ_{j ∈ S} λ_j·D_ji for each option, S the trustees of
// `partials` (the first `quorum` partial messages on the board). invalid
// "result.count" when a point of the tally or a partial does not decode.
Result<std::vector<crypto::Point>> combinePartials(const Tally& tally, const std::vector<Partial>& partials);

// The n with n·G = m for 0 <= n <= max_count (baby-step giant-step), or
// nullopt when there is none. Costs about 2·sqrt(max_count) group operations.
std::optional<std::int64_t> discreteLog(const crypto::Point& m, std::int64_t max_count);

}  // namespace yishi::election
