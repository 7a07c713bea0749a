#include "yishi/crypto/random_secrets.h"

#include <sodium.h>

#include <stdexcept>

#include "yishi/crypto/sodium_init.h"

namespace yishi::crypto {

RandomSecrets::RandomSecrets() {
    if (!initSodium().isOk()) throw std::runtime_error("libsodium could not be initialised");
}

std::string RandomSecrets::newToken() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
    return std::string(text);
}

std::string RandomSecrets::hashToken(const std::string& token) {
    unsigned char digest[32];
    static constexpr char kContext[] = "yishi/session-token/v1";
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, sizeof digest);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kContext),
                              sizeof kContext);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(token.data()),
                              token.size());
    crypto_generichash_final(&state, digest, sizeof digest);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex);
}

std::string RandomSecrets::newJoinCode() {
    // No 0/O, 1/I/L: people read these codes off posters and type them on phones.
    static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    constexpr std::uint32_t kSize = sizeof kAlphabet - 1;
    std::string code(8, ' ');
    for (char& c : code) c = kAlphabet[randombytes_uniform(kSize)];
    return code;
}

}  // namespace yishi::crypto
