#pragma once

#include <cstdint>
#include <vector>

#include "yishi/election/manifest.h"

namespace yishi::election {

// What a result selects from the counts (docs/election-record.md, 5.8 and
// 5.9): for a referendum, {0} when yes outnumbers no, else nothing; for an
// approval election, the manifest's rule (greedy, greedy-threshold,
// greedy-quota) over the counts, costs, groups and budget, in the order
// selected; nothing when the manifest names no rule.
// REQUIRES: counts.size() == manifest.options.size(). Pure; thread-safe.
std::vector<std::int64_t> selectOptions(const Manifest& manifest, const std::vector<std::int64_t>& counts);

}  // namespace yishi::election
