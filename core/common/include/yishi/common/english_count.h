#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace yishi {

// "1 minute", "3 minutes": a count with its noun in the right number, for
// English messages. Thread-safe (pure).
inline std::string countOf(std::int64_t n, std::string_view singular, std::string_view plural) {
    return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? singular : plural);
}

}  // namespace yishi
