#pragma once

#include <cstdint>
#include <vector>

namespace yishi::domain {

// Keyset pagination: items are ordered by id; a page starts after `after`.
struct PageRequest {
    static constexpr int kMaxLimit = 200;
    std::int64_t after = 0;
    int limit = 50;
};

template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t next_after = 0;  // 0 when this is the last page
};

}  // namespace yishi::domain
