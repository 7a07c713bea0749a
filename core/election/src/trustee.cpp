#include "yishi/election/trustee.h"

#include <algorithm>

#include "yishi/common/frame_reader.h"
#include "yishi/common/length_prefixed.h"
#include "yishi/crypto/dleq_proof.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/schnorr_proof.h"
#include "yishi/election/tags.h"

namespace yishi::election {

namespace {

constexpr std::string_view kStateTag = "yishi/v1/trustee-state";

crypto::Scalar scalarOf(std::int64_t n) { return crypto::Scalar::fromUint64(static_cast<std::uint64_t>(n)); }

// Σ_k j^k·A_k: trustee j's share of a polynomial, in the exponent.
crypto::Point shareInExponent(const std::vector<crypto::Point>& commitments, std::int64_t j) {
    crypto::Point sum = crypto::Point::identity();
    crypto::Scalar power = scalarOf(1);
    for (const auto& a : commitments) {
        sum = sum + a * power;
        power = power * scalarOf(j);
    }
    return sum;
}

Result<std::vector<crypto::Point>> commitmentsOf(const TrusteeReveal& reveal) {
    std::vector<crypto::Point> points;
    for (const auto& a : reveal.coefficients) {
        auto p = crypto::Point::parseNotIdentity(a);
        if (!p.isOk()) return Status::invalid("open.key", "a coefficient commitment is not a valid point");
        points.push_back(p.value());
    }
    return points;
}

const TrusteeReveal* revealOf(const std::vector<TrusteeReveal>& reveals, std::int64_t i) {
    auto it = std::find_if(reveals.begin(), reveals.end(), [&](const auto& r) { return r.trustee == i; });
    return it == reveals.end() ? nullptr : &*it;
}

}  // namespace

Trustee Trustee::generate(std::int64_t index, std::string name) {
    return Trustee(index, std::move(name), crypto::SigningKey::generate(), crypto::BoxKeyPair::generate());
}

Result<Trustee> Trustee::fromKeys(std::int64_t index, std::string name, std::string_view sign_seed,
                                  std::string_view box_secret) {
    YISHI_ASSIGN_OR_RETURN(auto sign, crypto::SigningKey::fromSeed(sign_seed));
    YISHI_ASSIGN_OR_RETURN(auto box, crypto::BoxKeyPair::fromSecret(box_secret));
    return Trustee(index, std::move(name), std::move(sign), std::move(box));
}

Result<Trustee> Trustee::atIndex(std::int64_t j) const {
    if (!coefficients_.empty() && j != index_) {
        return Status::conflict("trustee.committed", "This trustee has committed as trustee " + std::to_string(index_) +
                                                         " and cannot change its place.");
    }
    Trustee moved = *this;
    moved.index_ = j;
    return moved;
}

TrusteeSpec Trustee::spec() const { return TrusteeSpec{name_, sign_.verifyKey().encoded(), box_.publicKey()}; }

crypto::Scalar Trustee::evaluate(std::int64_t x) const {
    // Horner's rule from the highest coefficient.
    crypto::Scalar value;
    for (auto it = coefficients_.rbegin(); it != coefficients_.rend(); ++it) value = value * scalarOf(x) + *it;
    return value;
}

TrusteeCommit Trustee::commit(const Manifest& manifest, const crypto::ElectionId& eid,
                              const crypto::NonceSource& nonces) {
    if (coefficients_.empty()) {
        for (std::int64_t k = 0; k <= manifest.degree(); ++k) coefficients_.push_back(nonces());
    }
    LengthPrefixed h(tag::kCoefficients);
    h.bytes(crypto::asBytes(eid)).int64(index_);
    for (const auto& a : coefficients_) h.bytes(crypto::Point::baseMul(a).encoded());
    TrusteeCommit commit{index_, crypto::hashBytes(h), {}};
    return std::get<TrusteeCommit>(signMessage(commit, eid, sign_));
}

TrusteeReveal Trustee::reveal(const crypto::ElectionId& eid, const crypto::NonceSource& nonces) const {
    TrusteeReveal reveal;
    reveal.trustee = index_;
    for (std::size_t k = 0; k < coefficients_.size(); ++k) {
        reveal.coefficients.push_back(crypto::Point::baseMul(coefficients_[k]).encoded());
        const crypto::SchnorrContext context{eid, index_, static_cast<std::int64_t>(k)};
        reveal.proofs.push_back(crypto::proveSchnorr(context, coefficients_[k], nonces).encoded());
    }
    return std::get<TrusteeReveal>(signMessage(reveal, eid, sign_));
}

Result<TrusteeShares> Trustee::shares(const Manifest& manifest, const crypto::ElectionId& eid) const {
    TrusteeShares shares;
    shares.trustee = index_;
    for (std::int64_t j = 1; j <= manifest.trusteeCount(); ++j) {
        if (j == index_) continue;
        const std::string& recipient = manifest.trustees[static_cast<std::size_t>(j - 1)].box_pk;
        YISHI_ASSIGN_OR_RETURN(std::string box, crypto::sealBox(evaluate(j).encoded(), recipient, box_));
        shares.boxes.push_back(std::move(box));
    }
    return std::get<TrusteeShares>(signMessage(shares, eid, sign_));
}

Result<TrusteeOk> Trustee::confirm(const Manifest& manifest, const crypto::ElectionId& eid,
                                   const std::vector<TrusteeReveal>& reveals,
                                   const std::vector<TrusteeShares>& all_shares) {
    crypto::Scalar x = evaluate(index_);
    for (std::int64_t i = 1; i <= manifest.trusteeCount(); ++i) {
        if (i == index_) continue;
        const TrusteeReveal* reveal = revealOf(reveals, i);
        auto from = std::find_if(all_shares.begin(), all_shares.end(), [&](const auto& s) { return s.trustee == i; });
        if (reveal == nullptr || from == all_shares.end()) {
            return Status::invalid("trustee.missing", "trustee " + std::to_string(i) + " has not revealed or shared");
        }
        const std::size_t position = static_cast<std::size_t>(index_ < i ? index_ - 1 : index_ - 2);
        if (position >= from->boxes.size()) return Status::invalid("trustee.missing", "a box is missing");
        const std::string& sender = manifest.trustees[static_cast<std::size_t>(i - 1)].box_pk;
        const std::string bad = "the share from trustee " + std::to_string(i) + " does not check";
        auto plain = crypto::openBox(from->boxes[position], sender, box_);
        if (!plain.isOk()) return Status::invalid("trustee.bad_share", bad + " (the box does not open)");
        auto s = crypto::Scalar::parse(plain.value());
        if (!s.isOk()) return Status::invalid("trustee.bad_share", bad + " (not a scalar)");
        auto commitments = commitmentsOf(*reveal);
        if (!commitments.isOk()) return Status::invalid("trustee.bad_share", bad + " (bad commitments)");
        if (crypto::Point::baseMul(s.value()) != shareInExponent(commitments.value(), index_)) {
            return Status::invalid("trustee.bad_share", bad + " (Feldman's equation fails)");
        }
        x = x + s.value();
    }
    share_ = x;
    return std::get<TrusteeOk>(signMessage(TrusteeOk{index_, {}}, eid, sign_));
}

Result<Partial> Trustee::partial(const crypto::ElectionId& eid, const Tally& tally,
                                 const crypto::NonceSource& nonces) const {
    if (!share_) return Status::conflict("trustee.not_confirmed", "This trustee has not confirmed its shares.");
    Partial partial;
    partial.trustee = index_;
    for (std::size_t i = 0; i < tally.a.size(); ++i) {
        auto a = crypto::Point::parse(tally.a[i]);
        if (!a.isOk()) return Status::invalid("tally.format", "A_i of the tally does not decode");
        partial.shares.push_back((a.value() * *share_).encoded());
        const crypto::PdecContext context{eid, index_, static_cast<std::int64_t>(i)};
        partial.proofs.push_back(crypto::provePdec(context, *share_, a.value(), nonces).encoded());
    }
    return std::get<Partial>(signMessage(partial, eid, sign_));
}

std::string Trustee::exportState() const {
    LengthPrefixed f(kStateTag);
    f.int64(index_).bytes(name_).bytes(sign_.seed()).bytes(box_.secret());
    f.int64(static_cast<std::int64_t>(coefficients_.size()));
    for (const auto& a : coefficients_) f.bytes(a.encoded());
    f.bytes(share_ ? share_->encoded() : std::string());
    return f.encoded();
}

Result<Trustee> Trustee::importState(std::string_view bytes) {
    FrameReader r(bytes, "trustee.state");
    if (Status s = r.expectTag(kStateTag); !s.isOk()) return s;
    YISHI_ASSIGN_OR_RETURN(std::int64_t index, r.int64InRange("index", 1, 16));
    YISHI_ASSIGN_OR_RETURN(std::string_view name, r.bytes("name"));
    YISHI_ASSIGN_OR_RETURN(std::string_view seed, r.bytesOfSize("the signing seed", 32));
    YISHI_ASSIGN_OR_RETURN(std::string_view box_secret, r.bytesOfSize("the box secret", 32));
    YISHI_ASSIGN_OR_RETURN(Trustee trustee, fromKeys(index, std::string(name), seed, box_secret));
    YISHI_ASSIGN_OR_RETURN(std::int64_t count, r.int64InRange("coefficients", 0, 16));
    for (std::int64_t k = 0; k < count; ++k) {
        YISHI_ASSIGN_OR_RETURN(std::string_view a, r.bytesOfSize("a coefficient", 32));
        YISHI_ASSIGN_OR_RETURN(auto scalar, crypto::Scalar::parse(a));
        trustee.coefficients_.push_back(scalar);
    }
    YISHI_ASSIGN_OR_RETURN(std::string_view share, r.bytes("the share"));
    if (!share.empty()) {
        YISHI_ASSIGN_OR_RETURN(auto x, crypto::Scalar::parse(share));
        trustee.share_ = x;
    }
    if (Status s = r.finish(); !s.isOk()) return s;
    return trustee;
}

Result<Open> openKeys(const Manifest& manifest, const std::vector<TrusteeReveal>& reveals) {
    Open open;
    crypto::Point y = crypto::Point::identity();
    std::vector<std::vector<crypto::Point>> commitments;
    for (std::int64_t i = 1; i <= manifest.trusteeCount(); ++i) {
        const TrusteeReveal* reveal = revealOf(reveals, i);
        if (reveal == nullptr) return Status::invalid("open.key", "trustee " + std::to_string(i) + " has not revealed");
        YISHI_ASSIGN_OR_RETURN(auto points, commitmentsOf(*reveal));
        y = y + points.front();
        commitments.push_back(std::move(points));
    }
    if (y.isIdentity()) return Status::invalid("open.key", "the election key is the identity");
    open.y = y.encoded();
    for (std::int64_t j = 1; j <= manifest.trusteeCount(); ++j) {
        crypto::Point yj = crypto::Point::identity();
        for (const auto& c : commitments) yj = yj + shareInExponent(c, j);
        if (yj.isIdentity()) return Status::invalid("open.key", "a trustee's key is the identity");
        open.trustee_keys.push_back(yj.encoded());
    }
    return open;
}

}  // namespace yishi::election
