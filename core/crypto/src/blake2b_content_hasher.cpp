#include "yishi/crypto/blake2b_content_hasher.h"

#include <sodium.h>

#include "blake2b_hex.h"
#include "yishi/crypto/sodium_init.h"

namespace yishi::crypto {

std::string blake2bHex(std::string_view context, std::string_view content) {
    unsigned char digest[32];
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, sizeof digest);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()), context.size());
    const unsigned char separator = 0;
    crypto_generichash_update(&state, &separator, 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(content.data()), content.size());
    crypto_generichash_final(&state, digest, sizeof digest);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex);
}

Blake2bContentHasher::Blake2bContentHasher() { initSodium(); }

std::string Blake2bContentHasher::hashHex(std::string_view content) { return blake2bHex("yishi/content/v1", content); }

}  // namespace yishi::crypto
