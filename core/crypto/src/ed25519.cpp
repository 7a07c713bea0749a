#include "yishi/crypto/ed25519.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

#include "sodium_ready.h"

namespace yishi::crypto {

Result<VerifyKey> VerifyKey::parse(std::string_view encoded) {
    const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
    // is_valid_point: canonical, on the curve, not of small order, in the
    // prime-order subgroup. Verify would refuse some of these keys itself, but
    // an enrolled key must be refused before anyone signs with it.
    if (encoded.size() != 32 || crypto_core_ed25519_is_valid_point(p) != 1) {
        return Status::invalid("crypto.bad_public_key",
                               "Not a valid Ed25519 public key (32 bytes, canonical, prime order).");
    }
    VerifyKey key;
    std::memcpy(key.key_.data(), p, 32);
    return key;
}

std::string VerifyKey::encoded() const { return std::string(reinterpret_cast<const char*>(key_.data()), 32); }

bool VerifyKey::verify(std::string_view message, std::string_view signature) const {
    if (signature.size() != crypto_sign_BYTES) return false;
    ensureSodium();
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       key_.data()) == 0;
}

SigningKey SigningKey::generate() {
    ensureSodium();
    unsigned char seed[32];
    randombytes_buf(seed, sizeof seed);
    SigningKey key = *fromSeed(std::string_view(reinterpret_cast<const char*>(seed), sizeof seed));
    sodium_memzero(seed, sizeof seed);
    return key;
}

Result<SigningKey> SigningKey::fromSeed(std::string_view seed) {
    if (seed.size() != crypto_sign_SEEDBYTES) return Status::invalid("crypto.bad_seed", "An Ed25519 seed is 32 bytes.");
    ensureSodium();
    SigningKey key;
    unsigned char pk[32];
    crypto_sign_seed_keypair(pk, key.secret_.data(), reinterpret_cast<const unsigned char*>(seed.data()));
    return key;
}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }
SigningKey::SigningKey(const SigningKey&) = default;
SigningKey& SigningKey::operator=(const SigningKey&) = default;

VerifyKey SigningKey::verifyKey() const {
    // libsodium's secret key is seed ‖ public key.
    auto key = VerifyKey::parse(std::string_view(reinterpret_cast<const char*>(secret_.data()) + 32, 32));
    if (!key.isOk()) throw std::logic_error("libsodium made an invalid Ed25519 public key");
    return *key;
}

std::string SigningKey::seed() const { return std::string(reinterpret_cast<const char*>(secret_.data()), 32); }

std::string SigningKey::sign(std::string_view message) const {
    std::string sig(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(), secret_.data());
    return sig;
}

}  // namespace yishi::crypto
