#pragma once

#include <array>
#include <string>
#include <string_view>

#include "yishi/common/result.h"

namespace yishi::crypto {

// Ed25519 (RFC 8032, pure) as libsodium 1.0.18 does it, with the strict key
// and signature rules of docs/election-record.md, section 3.7. Values are
// immutable and thread-safe.

// A public key (a voter's credential, the board key, a trustee's key).
class VerifyKey {
  public:
    // invalid "crypto.bad_public_key" unless `encoded` is 32 bytes, the
    // canonical encoding of a point of the prime-order subgroup that is not of
    // small order (the identity included).
    static Result<VerifyKey> parse(std::string_view encoded);

    std::string encoded() const;  // 32 bytes
    // The 64-byte detached signature of `message` by this key, under the
    // strict rules (S < L, R not of small order).
    bool verify(std::string_view message, std::string_view signature) const;

    bool operator==(const VerifyKey& o) const { return key_ == o.key_; }

  private:
    VerifyKey() = default;
    std::array<unsigned char, 32> key_{};
};

// A secret key; the seed never leaves it, and is wiped on destruction.
class SigningKey {
  public:
    static SigningKey generate();
    // invalid "crypto.bad_seed" unless `seed` is 32 bytes.
    static Result<SigningKey> fromSeed(std::string_view seed);
    ~SigningKey();
    SigningKey(const SigningKey&);
    SigningKey& operator=(const SigningKey&);

    VerifyKey verifyKey() const;
    // The 32-byte seed, for a client that keeps its key in a file it owns.
    std::string seed() const;
    // 64 bytes R ‖ S.
    std::string sign(std::string_view message) const;

  private:
    SigningKey() = default;
    std::array<unsigned char, 64> secret_{};  // libsodium's seed ‖ public key
};

}  // namespace yishi::crypto
