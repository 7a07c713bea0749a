#pragma once

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <utility>
#include <vector>

#include "equal_shares.h"

namespace yishi::testing {

// An election for the MES kernel; fails the test when the input is refused.
inline plugins::EqualSharesElection election(std::vector<std::int64_t> costs,
                                             const std::vector<std::vector<std::int64_t>>& ballots,
                                             const std::vector<std::int64_t>& order) {
    auto made = plugins::makeEqualSharesElection(std::move(costs), ballots, order);
    BOOST_REQUIRE_MESSAGE(made.isOk(), made.status().toString());
    return std::move(made).value();
}

}  // namespace yishi::testing
