#include "yishi/crypto/election_hash.h"

#include <sodium.h>

#include "sodium_ready.h"

namespace yishi::crypto {

namespace {

std::string blake2b(const std::string& message, std::size_t size) {
    ensureSodium();
    std::string out(size, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), size,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(), nullptr, 0);
    return out;
}

}  // namespace

std::string hashBytes(const LengthPrefixed& frame) { return blake2b(frame.encoded(), 32); }

Scalar hashToScalar(const LengthPrefixed& frame) { return Scalar::reduceWide(blake2b(frame.encoded(), 64)); }

}  // namespace yishi::crypto
