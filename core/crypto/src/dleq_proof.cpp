#include "yishi/crypto/dleq_proof.h"

#include <stdexcept>

namespace yishi::crypto {

namespace {

Scalar challenge(const PdecContext& context, const Point& y_j, const Point& a, const Point& d, const Point& r_g,
                 const Point& r_a) {
    return hashToScalar(LengthPrefixed(tag::kPdec)
                            .bytes(asBytes(context.eid))
                            .int64(context.trustee)
                            .int64(context.option)
                            .bytes(y_j.encoded())
                            .bytes(a.encoded())
                            .bytes(d.encoded())
                            .bytes(r_g.encoded())
                            .bytes(r_a.encoded()));
}

}  // namespace

Result<DleqProof> DleqProof::parse(std::string_view encoded) {
    if (encoded.size() != 64) return Status::invalid("crypto.bad_proof", "A DLEQ proof is 64 bytes.");
    YISHI_ASSIGN_OR_RETURN(Scalar c, Scalar::parse(encoded.substr(0, 32)));
    YISHI_ASSIGN_OR_RETURN(Scalar z, Scalar::parse(encoded.substr(32, 32)));
    return DleqProof{c, z};
}

DleqProof provePdec(const PdecContext& context, const Scalar& x, const Point& a, const NonceSource& nonces) {
    if (x.isZero()) throw std::invalid_argument("a trustee share must not be zero");
    const Scalar w = nonces();
    const Scalar c = challenge(context, Point::baseMul(x), a, a * x, Point::baseMul(w), a * w);
    return {c, w - x * c};
}

bool verifyPdec(const PdecContext& context, const Point& y_j, const Point& a, const Point& d, const DleqProof& proof) {
    if (y_j.isIdentity()) return false;
    const Point r_g = Point::baseMul(proof.z) + y_j * proof.c;
    const Point r_a = a * proof.z + d * proof.c;
    return challenge(context, y_j, a, d, r_g, r_a) == proof.c;
}

}  // namespace yishi::crypto
