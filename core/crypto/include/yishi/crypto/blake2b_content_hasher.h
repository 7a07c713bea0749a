#pragma once

#include "yishi/domain/ports.h"

namespace yishi::crypto {

// BLAKE2b-256 of content, hex, under the context "yishi/content/v1".
class Blake2bContentHasher final : public domain::ContentHasher {
  public:
    Blake2bContentHasher();
    std::string hashHex(std::string_view content) override;
};

}  // namespace yishi::crypto
