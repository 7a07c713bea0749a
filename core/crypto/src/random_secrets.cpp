#include "yishi/crypto/random_secrets.h"

#include "blake2b_hex.h"

#include <sodium.h>

#include <cstdint>
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
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
    return std::string(text);
}

std::string RandomSecrets::hashToken(const std::string& token) {
    // The context keeps the same bytes as before the helper existed (the
    // string with its zero), so stored session hashes stay valid.
    return blake2bHex("yishi/session-token/v1", token);
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
