#include "yishi/crypto/share_box.h"

#include <sodium.h>

#include <cstring>

#include "sodium_ready.h"

namespace yishi::crypto {

namespace {
const unsigned char* bytesOf(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
}  // namespace

BoxKeyPair BoxKeyPair::generate() {
    ensureSodium();
    BoxKeyPair pair;
    crypto_box_keypair(pair.public_.data(), pair.secret_.data());
    return pair;
}

Result<BoxKeyPair> BoxKeyPair::fromSecret(std::string_view secret) {
    if (secret.size() != crypto_box_SECRETKEYBYTES) {
        return Status::invalid("crypto.bad_seed", "An X25519 secret key is 32 bytes.");
    }
    ensureSodium();
    BoxKeyPair pair;
    std::memcpy(pair.secret_.data(), secret.data(), 32);
    crypto_scalarmult_base(pair.public_.data(), pair.secret_.data());
    return pair;
}

BoxKeyPair::~BoxKeyPair() { sodium_memzero(secret_.data(), secret_.size()); }
BoxKeyPair::BoxKeyPair(const BoxKeyPair&) = default;
BoxKeyPair& BoxKeyPair::operator=(const BoxKeyPair&) = default;

std::string BoxKeyPair::publicKey() const { return std::string(reinterpret_cast<const char*>(public_.data()), 32); }
std::string BoxKeyPair::secret() const { return std::string(reinterpret_cast<const char*>(secret_.data()), 32); }

Result<std::string> sealBox(std::string_view plaintext, std::string_view recipient_public, const BoxKeyPair& sender) {
    if (recipient_public.size() != crypto_box_PUBLICKEYBYTES) {
        return Status::invalid("crypto.bad_public_key", "An X25519 public key is 32 bytes.");
    }
    ensureSodium();
    const std::string secret = sender.secret();
    std::string box(crypto_box_NONCEBYTES + crypto_box_MACBYTES + plaintext.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(out, crypto_box_NONCEBYTES);
    if (crypto_box_easy(out + crypto_box_NONCEBYTES, bytesOf(plaintext), plaintext.size(), out,
                        bytesOf(recipient_public), bytesOf(secret)) != 0) {
        return Status::invalid("crypto.bad_public_key", "The recipient's X25519 key is not usable.");
    }
    return box;
}

Result<std::string> openBox(std::string_view box, std::string_view sender_public, const BoxKeyPair& recipient) {
    if (box.size() < crypto_box_NONCEBYTES + crypto_box_MACBYTES || sender_public.size() != crypto_box_PUBLICKEYBYTES) {
        return Status::invalid("crypto.box_open", "The box is too short or the sender's key is not 32 bytes.");
    }
    ensureSodium();
    const std::string secret = recipient.secret();
    std::string plain(box.size() - crypto_box_NONCEBYTES - crypto_box_MACBYTES, '\0');
    const auto* in = bytesOf(box);
    if (crypto_box_open_easy(reinterpret_cast<unsigned char*>(plain.data()), in + crypto_box_NONCEBYTES,
                             box.size() - crypto_box_NONCEBYTES, in, bytesOf(sender_public), bytesOf(secret)) != 0) {
        return Status::invalid("crypto.box_open", "The box does not open with these keys.");
    }
    return plain;
}

}  // namespace yishi::crypto
