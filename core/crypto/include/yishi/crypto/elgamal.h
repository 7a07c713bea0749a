#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/crypto/group.h"

namespace yishi::crypto {

// Where provers take their secret randomness: Scalar::random in production;
// tests pass a fixed sequence to get known answers. Called in the order each
// prover documents.
using NonceSource = std::function<Scalar()>;
inline Scalar randomNonce() { return Scalar::random(); }

// Exponential ElGamal under the election key Y: a = r·G, b = r·Y + m·G.
// Encoded as a ‖ b (64 bytes). A value type.
struct Ciphertext {
    Point a;
    Point b;

    std::string encoded() const { return a.encoded() + b.encoded(); }
    // 64 bytes, both valid elements and a not the identity (a ballot's a = r·G
    // with r = 0 would carry its vote in clear). invalid "crypto.bad_point",
    // "crypto.identity_point".
    static Result<Ciphertext> parse(std::string_view encoded);

    // Component-wise sum: encrypts the sum of the votes under the sum of the r.
    Ciphertext operator+(const Ciphertext& o) const { return {a + o.a, b + o.b}; }
    Ciphertext operator-(const Ciphertext& o) const { return {a - o.a, b - o.b}; }
    bool operator==(const Ciphertext& o) const { return a == o.a && b == o.b; }
};

// REQUIRES: r ≠ 0 (draw it with Scalar::random), Y not the identity.
Ciphertext encrypt(const Point& y, std::uint64_t m, const Scalar& r);

}  // namespace yishi::crypto
