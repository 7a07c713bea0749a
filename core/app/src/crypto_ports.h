#pragma once

#include <string>
#include <string_view>

#include "yishi/crypto/argon2_password_hasher.h"
#include "yishi/crypto/blake2b_content_hasher.h"
#include "yishi/crypto/random_secrets.h"
#include "yishi/domain/ports.h"

// The domain's crypto ports made of core/crypto. They live here, not in
// core/crypto, so that crypto depends on core/common only and a program that
// checks hashes (an offline verifier) does not link the domain. Each owns its
// crypto object and forwards to it; thread-safe as that object is.
namespace yishi::app {

class CryptoPasswordHasher final : public domain::PasswordHasher {
  public:
    explicit CryptoPasswordHasher(crypto::Argon2PasswordHasher::Options options) : hasher_(options) {}

    Result<std::string> hash(const std::string& password) override { return hasher_.hash(password); }
    bool verify(const std::string& hash, const std::string& password) override {
        return hasher_.verify(hash, password);
    }
    bool needsRehash(const std::string& hash) override { return hasher_.needsRehash(hash); }
    void verifyNothing(const std::string& password) override { hasher_.verifyNothing(password); }

  private:
    crypto::Argon2PasswordHasher hasher_;
};

class CryptoSecretSource final : public domain::SecretSource {
  public:
    std::string newToken() override { return secrets_.newToken(); }
    std::string hashToken(const std::string& token) override { return secrets_.hashToken(token); }
    std::string newJoinCode() override { return secrets_.newJoinCode(); }

  private:
    crypto::RandomSecrets secrets_;
};

class CryptoContentHasher final : public domain::ContentHasher {
  public:
    std::string hashHex(std::string_view content) override { return hasher_.hashHex(content); }

  private:
    crypto::Blake2bContentHasher hasher_;
};

}  // namespace yishi::app
