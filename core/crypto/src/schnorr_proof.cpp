#include "yishi/crypto/schnorr_proof.h"

#include <stdexcept>

namespace yishi::crypto {

namespace {

Scalar challenge(const SchnorrContext& context, const Point& x_point, const Point& r) {
    return hashToScalar(LengthPrefixed(tag::kSchnorr)
                            .bytes(asBytes(context.eid))
                            .int64(context.trustee)
                            .int64(context.coefficient)
                            .bytes(x_point.encoded())
                            .bytes(r.encoded()));
}

}  // namespace

Result<SchnorrProof> SchnorrProof::parse(std::string_view encoded) {
    if (encoded.size() != 64) return Status::invalid("crypto.bad_proof", "A Schnorr proof is 64 bytes.");
    YISHI_ASSIGN_OR_RETURN(Scalar c, Scalar::parse(encoded.substr(0, 32)));
    YISHI_ASSIGN_OR_RETURN(Scalar z, Scalar::parse(encoded.substr(32, 32)));
    return SchnorrProof{c, z};
}

SchnorrProof proveSchnorr(const SchnorrContext& context, const Scalar& x, const NonceSource& nonces) {
    if (x.isZero()) throw std::invalid_argument("a Schnorr proof for x = 0 proves nothing");
    const Scalar w = nonces();
    const Scalar c = challenge(context, Point::baseMul(x), Point::baseMul(w));
    return {c, w - x * c};
}

bool verifySchnorr(const SchnorrContext& context, const Point& x_point, const SchnorrProof& proof) {
    if (x_point.isIdentity()) return false;
    const Point r = Point::baseMul(proof.z) + x_point * proof.c;
    return challenge(context, x_point, r) == proof.c;
}

}  // namespace yishi::crypto
