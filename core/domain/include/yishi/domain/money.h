#pragma once

#include <cstdint>

// Bounds on money and counts that people type. Every amount is checked
// against its bound where it enters (a 400 naming the field), and every sum
// the server keeps is held to a bound that leaves int64 far out of reach, so
// a total is refused when it would pass its bound and never wraps. The
// reasons for the numbers are in docs/domain.md (Money and counts).
namespace yishi::domain {

// One amount, and any total of amounts, in fen (分): 10^12 fen is 100 亿元,
// beyond any community's or district's budget. A sum of 10,000 of them
// (the most projects a selection takes) is still below 2^63.
inline constexpr std::int64_t kMaxAmountFen = 1'000'000'000'000;

// A count of people or votes: more than live in any district.
inline constexpr std::int64_t kMaxCount = 1'000'000'000;

// a + b when both lie in 0..bound and so does the sum; false otherwise
// (nothing is written to `sum` then).
constexpr bool addWithin(std::int64_t a, std::int64_t b, std::int64_t bound, std::int64_t* sum) {
    if (a < 0 || b < 0 || a > bound || b > bound - a) return false;
    *sum = a + b;
    return true;
}

}  // namespace yishi::domain
