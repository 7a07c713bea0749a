#pragma once

#include <string>

namespace yishi::crypto {

// Session tokens and join codes from libsodium's CSPRNG; token hashes are
// BLAKE2b-256 in hex. Thread-safe.
class RandomSecrets {
  public:
    RandomSecrets();
    // 32 random bytes as URL-safe base64 without padding.
    std::string newToken();
    // The stored form of a token: equal tokens give equal hashes.
    std::string hashToken(const std::string& token);
    // 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    std::string newJoinCode();
};

}  // namespace yishi::crypto
