#pragma once

#include <string>
#include <string_view>

namespace yishi::crypto {

// BLAKE2b-256 of content, hex, under the context "yishi/content/v1".
// Thread-safe.
class Blake2bContentHasher {
  public:
    Blake2bContentHasher();
    std::string hashHex(std::string_view content);
};

}  // namespace yishi::crypto
