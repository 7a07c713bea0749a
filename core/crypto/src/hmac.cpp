#include "yishi/crypto/hmac.h"

#include <sodium.h>

#include "sodium_ready.h"

namespace yishi::crypto {

std::string hmacSha256Hex(std::string_view key, std::string_view message) {
    ensureSodium();
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char hex[sizeof mac * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return std::string(hex);
}

}  // namespace yishi::crypto
