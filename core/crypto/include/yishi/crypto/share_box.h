#pragma once

#include <array>
#include <string>
#include <string_view>

#include "yishi/common/result.h"

namespace yishi::crypto {

// How a trustee's share travels to another trustee (docs/election-record.md,
// 5.4): libsodium's crypto_box_easy (X25519, XSalsa20-Poly1305) with a fresh
// 24-byte nonce written in front. Thread-safe.

// An X25519 key pair; the secret is wiped on destruction.
class BoxKeyPair {
  public:
    static BoxKeyPair generate();
    // invalid "crypto.bad_seed" unless `secret` is 32 bytes.
    static Result<BoxKeyPair> fromSecret(std::string_view secret);
    ~BoxKeyPair();
    BoxKeyPair(const BoxKeyPair&);
    BoxKeyPair& operator=(const BoxKeyPair&);

    std::string publicKey() const;  // 32 bytes
    std::string secret() const;     // 32 bytes

  private:
    BoxKeyPair() = default;
    std::array<unsigned char, 32> public_{};
    std::array<unsigned char, 32> secret_{};
};

// nonce ‖ crypto_box_easy(plaintext): 24 + 16 + plaintext.size() bytes.
// invalid "crypto.bad_public_key" when the recipient's key is not 32 bytes.
Result<std::string> sealBox(std::string_view plaintext, std::string_view recipient_public, const BoxKeyPair& sender);
// The plaintext, or invalid "crypto.box_open" when the box was not made by
// `sender_public` for this recipient, or was altered.
Result<std::string> openBox(std::string_view box, std::string_view sender_public, const BoxKeyPair& recipient);

}  // namespace yishi::crypto
