#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"

namespace yishi::crypto {

// Chaum–Pedersen proof that a partial decryption D = x_j·A uses the same x_j
// as the trustee's verification key Y_j = x_j·G (docs/election-record.md,
// section 3.5). Thread-safe.
struct PdecContext {
    ElectionId eid{};
    std::int64_t trustee = 0;  // j, 1..n
    std::int64_t option = 0;   // i, the option whose aggregate A is decrypted
};

// c ‖ z, 64 bytes.
struct DleqProof {
    Scalar c;
    Scalar z;

    std::string encoded() const { return c.encoded() + z.encoded(); }
    // invalid "crypto.bad_proof" for another length, "crypto.bad_scalar".
    static Result<DleqProof> parse(std::string_view encoded);
};

// Nonces: w. REQUIRES: x ≠ 0. The proof states D = x·A for the D this returns
// alongside (see partialDecrypt).
DleqProof provePdec(const PdecContext& context, const Scalar& x, const Point& a,
                    const NonceSource& nonces = randomNonce);
// False for Y_j the identity. A (and so D) may be the identity: an option
// nobody voted on sums to it.
bool verifyPdec(const PdecContext& context, const Point& y_j, const Point& a, const Point& d, const DleqProof& proof);

}  // namespace yishi::crypto
