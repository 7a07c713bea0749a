#include "yishi/crypto/elgamal.h"

#include <stdexcept>

namespace yishi::crypto {

Result<Ciphertext> Ciphertext::parse(std::string_view encoded) {
    if (encoded.size() != 64) return Status::invalid("crypto.bad_point", "A ciphertext is 64 bytes.");
    YISHI_ASSIGN_OR_RETURN(Point a, Point::parseNotIdentity(encoded.substr(0, 32)));
    YISHI_ASSIGN_OR_RETURN(Point b, Point::parse(encoded.substr(32, 32)));
    return Ciphertext{a, b};
}

Ciphertext encrypt(const Point& y, std::uint64_t m, const Scalar& r) {
    if (r.isZero()) throw std::invalid_argument("ElGamal randomness must not be zero");
    return {Point::baseMul(r), y * r + Point::smallMultiple(m)};
}

}  // namespace yishi::crypto
