#pragma once

#include "yishi/domain/page.h"

namespace yishi::storage {

// Paged queries ask for one row more than the page holds: when it came, there
// is a next page, which starts after the last row kept. `key` gives that
// row's cursor value (its id).
template <typename T, typename Key>
void finishPage(domain::Page<T>& page, int limit, Key key) {
    if (static_cast<int>(page.items.size()) <= limit) return;
    page.items.pop_back();
    page.next_after = key(page.items.back());
}

}  // namespace yishi::storage
