#pragma once

#include <string>

#include "yishi/domain/ports.h"

namespace yishi::crypto {

// Session tokens and join codes from libsodium's CSPRNG; token hashes are
// BLAKE2b-256 in hex. Thread-safe.
class RandomSecrets final : public domain::SecretSource {
  public:
    RandomSecrets();
    std::string newToken() override;
    std::string hashToken(const std::string& token) override;
    std::string newJoinCode() override;
};

}  // namespace yishi::crypto
