#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"

namespace yishi::crypto {

// Proof of knowledge of x with X = x·G (a trustee's coefficient commitment
// A_ik), bound to the election, the trustee and the coefficient
// (docs/election-record.md, section 3.4). Thread-safe.
struct SchnorrContext {
    ElectionId eid{};
    std::int64_t trustee = 0;      // 1..n
    std::int64_t coefficient = 0;  // k = 0..t
};

// c ‖ z, 64 bytes.
struct SchnorrProof {
    Scalar c;
    Scalar z;

    std::string encoded() const { return c.encoded() + z.encoded(); }
    // invalid "crypto.bad_proof" for another length, "crypto.bad_scalar" for a
    // non-canonical scalar.
    static Result<SchnorrProof> parse(std::string_view encoded);
};

// Nonces: w. REQUIRES: x ≠ 0.
SchnorrProof proveSchnorr(const SchnorrContext& context, const Scalar& x, const NonceSource& nonces = randomNonce);
// False for X the identity too.
bool verifySchnorr(const SchnorrContext& context, const Point& x_point, const SchnorrProof& proof);

}  // namespace yishi::crypto
