#include "yishi/crypto/vote_proof.h"

#include <stdexcept>

namespace yishi::crypto {

namespace {

// The statement's fields (tag first) before the commitments; the challenge
// is Hs of them followed by A_j ‖ B_j for j = lo..hi.
LengthPrefixed vote01Prefix(const VoteContext& context, std::int64_t option, const Point& y, const Ciphertext& ct) {
    LengthPrefixed frame(tag::kVote01);
    frame.bytes(asBytes(context.eid)).bytes(context.credential).int64(option);
    frame.bytes(y.encoded()).bytes(ct.a.encoded()).bytes(ct.b.encoded());
    return frame;
}

LengthPrefixed voteSumPrefix(const VoteContext& context, std::int64_t min, std::int64_t max, const Point& y,
                             const Ciphertext& ct) {
    LengthPrefixed frame(tag::kVoteSum);
    frame.bytes(asBytes(context.eid)).bytes(context.credential).int64(min).int64(max);
    frame.bytes(y.encoded()).bytes(ct.a.encoded()).bytes(ct.b.encoded());
    return frame;
}

// b − j·G for j = lo..hi.
std::vector<Point> shiftedB(const Ciphertext& ct, std::int64_t lo, std::int64_t hi) {
    std::vector<Point> out;
    out.reserve(static_cast<std::size_t>(hi - lo + 1));
    for (std::int64_t j = lo; j <= hi; ++j) out.push_back(ct.b - Point::smallMultiple(static_cast<std::uint64_t>(j)));
    return out;
}

RangeProof prove(LengthPrefixed frame, std::int64_t lo, std::int64_t hi, const Point& y, const Ciphertext& ct,
                 std::int64_t m, const Scalar& r, const NonceSource& nonces) {
    if (lo < 0 || hi < lo || m < lo || m > hi) throw std::invalid_argument("the vote is outside the proof's range");
    const std::vector<Point> shifted = shiftedB(ct, lo, hi);
    const std::size_t real = static_cast<std::size_t>(m - lo);
    RangeProof proof;
    proof.branches.resize(shifted.size());
    const Scalar w = nonces();
    Scalar fake_sum;
    for (std::size_t k = 0; k < shifted.size(); ++k) {
        if (k == real) {
            frame.bytes(Point::baseMul(w).encoded()).bytes((y * w).encoded());
            continue;
        }
        RangeProof::Branch& branch = proof.branches[k];
        branch.c = nonces();
        branch.z = nonces();
        fake_sum = fake_sum + branch.c;
        frame.bytes((Point::baseMul(branch.z) + ct.a * branch.c).encoded());
        frame.bytes((y * branch.z + shifted[k] * branch.c).encoded());
    }
    RangeProof::Branch& mine = proof.branches[real];
    mine.c = hashToScalar(frame) - fake_sum;
    mine.z = w - r * mine.c;
    return proof;
}

bool verify(LengthPrefixed frame, std::int64_t lo, std::int64_t hi, const Point& y, const Ciphertext& ct,
            const RangeProof& proof) {
    if (lo < 0 || hi < lo) return false;
    // hi − lo cannot overflow once lo >= 0; the proof's size bounds the work.
    if (static_cast<std::uint64_t>(hi - lo) + 1 != proof.branches.size()) return false;
    if (y.isIdentity()) return false;
    const std::vector<Point> shifted = shiftedB(ct, lo, hi);
    Scalar sum;
    for (std::size_t k = 0; k < shifted.size(); ++k) {
        const RangeProof::Branch& branch = proof.branches[k];
        sum = sum + branch.c;
        frame.bytes((Point::baseMul(branch.z) + ct.a * branch.c).encoded());
        frame.bytes((y * branch.z + shifted[k] * branch.c).encoded());
    }
    return hashToScalar(frame) == sum;
}

}  // namespace

std::string RangeProof::encoded() const {
    std::string out;
    out.reserve(branches.size() * 64);
    for (const Branch& b : branches) out += b.c.encoded() + b.z.encoded();
    return out;
}

Result<RangeProof> RangeProof::parse(std::string_view encoded, std::size_t branch_count) {
    if (branch_count == 0 || encoded.size() != branch_count * 64) {
        return Status::invalid("crypto.bad_proof", "A range proof has 64 bytes per value in its range.");
    }
    RangeProof proof;
    for (std::size_t k = 0; k < branch_count; ++k) {
        YISHI_ASSIGN_OR_RETURN(Scalar c, Scalar::parse(encoded.substr(64 * k, 32)));
        YISHI_ASSIGN_OR_RETURN(Scalar z, Scalar::parse(encoded.substr(64 * k + 32, 32)));
        proof.branches.push_back({c, z});
    }
    return proof;
}

RangeProof proveVote01(const VoteContext& context, std::int64_t option, const Point& y, const Ciphertext& ct,
                       std::int64_t m, const Scalar& r, const NonceSource& nonces) {
    return prove(vote01Prefix(context, option, y, ct), 0, 1, y, ct, m, r, nonces);
}

bool verifyVote01(const VoteContext& context, std::int64_t option, const Point& y, const Ciphertext& ct,
                  const RangeProof& proof) {
    return verify(vote01Prefix(context, option, y, ct), 0, 1, y, ct, proof);
}

RangeProof proveVoteSum(const VoteContext& context, std::int64_t min, std::int64_t max, const Point& y,
                        const Ciphertext& sum_ct, std::int64_t sum, const Scalar& sum_r, const NonceSource& nonces) {
    return prove(voteSumPrefix(context, min, max, y, sum_ct), min, max, y, sum_ct, sum, sum_r, nonces);
}

bool verifyVoteSum(const VoteContext& context, std::int64_t min, std::int64_t max, const Point& y,
                   const Ciphertext& sum_ct, const RangeProof& proof) {
    if (min < 0 || max < min) return false;
    return verify(voteSumPrefix(context, min, max, y, sum_ct), min, max, y, sum_ct, proof);
}

}  // namespace yishi::crypto
