#pragma once

#include <cstdint>
#include <vector>

namespace yishi::domain {

// Keyset pagination: items are ordered by id; a page starts after `after`.
struct PageRequest {
    static constexpr int kMaxLimit = 200;
    std::int64_t after = 0;
    int limit = 50;

    // The same request with the limit brought into 1..kMaxLimit.
    PageRequest clamped() const { return {after, limit < 1 ? 1 : (limit > kMaxLimit ? kMaxLimit : limit)}; }
};

template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t next_after = 0;  // 0 when this is the last page
};

}  // namespace yishi::domain
