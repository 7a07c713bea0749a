#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"
#include "yishi/crypto/share_box.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"

namespace yishi::election {

// One trustee's side of an election (docs/election-record.md, 5.4 and 5.8):
// its keys, its secret polynomial, its share x_j, and the signed messages it
// posts. Used by `yishi trustee` on the trustee's own machine, and by a demo
// server that plays every trustee (the manifest then says demo = 1).
//
// Not thread-safe: one trustee, one caller at a time. Holds secrets: keep it
// on the machine it belongs to; exportState writes them out for that
// machine's own file.
class Trustee {
  public:
    // A new trustee with index j (1..n) and fresh signing and box keys.
    static Trustee generate(std::int64_t index, std::string name);
    // A trustee with given keys (the worked example; a trustee restoring its
    // keys). invalid "crypto.bad_seed" unless both are 32 bytes.
    static Result<Trustee> fromKeys(std::int64_t index, std::string name, std::string_view sign_seed,
                                    std::string_view box_secret);

    std::int64_t index() const { return index_; }
    // The same keys at index j: a trustee made before the manifest learns its
    // place from it. conflict "trustee.committed" once commit was called
    // (its messages already carry the old index).
    Result<Trustee> atIndex(std::int64_t j) const;
    // Name and public keys, for the manifest.
    TrusteeSpec spec() const;

    // The commit for this election; draws the polynomial of degree
    // manifest.degree() on first use. `nonces` draws the coefficients and the
    // Schnorr nonces (tests pass fixed ones).
    TrusteeCommit commit(const Manifest& manifest, const crypto::ElectionId& eid,
                         const crypto::NonceSource& nonces = crypto::randomNonce);
    // The reveal: A_ik and their Schnorr proofs. REQUIRES: commit was called.
    TrusteeReveal reveal(const crypto::ElectionId& eid, const crypto::NonceSource& nonces = crypto::randomNonce) const;
    // The boxed shares s_ij = f_i(j) for every other trustee j.
    // REQUIRES: commit was called.
    Result<TrusteeShares> shares(const Manifest& manifest, const crypto::ElectionId& eid) const;
    // Opens the boxes addressed to this trustee in `all_shares`, checks each
    // against its sender's reveal (Feldman's equation), keeps x_j and returns
    // the ok message. invalid "trustee.bad_share" naming the sender when a
    // share does not check; "trustee.missing" when a reveal or shares
    // message is missing. REQUIRES: commit was called.
    Result<TrusteeOk> confirm(const Manifest& manifest, const crypto::ElectionId& eid,
                              const std::vector<TrusteeReveal>& reveals, const std::vector<TrusteeShares>& all_shares);
    // D_ji = x_j·A_i with proofs for every option. conflict
    // "trustee.not_confirmed" before confirm; invalid "tally.format" when a
    // point of the tally does not decode.
    Result<Partial> partial(const crypto::ElectionId& eid, const Tally& tally,
                            const crypto::NonceSource& nonces = crypto::randomNonce) const;

    // The trustee's secrets and progress, to keep between steps on its own
    // machine, and back. invalid "trustee.state" for bytes that are not one.
    std::string exportState() const;
    static Result<Trustee> importState(std::string_view bytes);

  private:
    Trustee(std::int64_t index, std::string name, crypto::SigningKey sign, crypto::BoxKeyPair box)
        : index_(index), name_(std::move(name)), sign_(std::move(sign)), box_(std::move(box)) {}
    crypto::Scalar evaluate(std::int64_t x) const;

    std::int64_t index_;
    std::string name_;
    crypto::SigningKey sign_;
    crypto::BoxKeyPair box_;
    std::vector<crypto::Scalar> coefficients_;  // a_i0 … a_it
    std::optional<crypto::Scalar> share_;       // x_j, after confirm
};

// Y and Y_1 … Y_n from the reveals (5.4): the open message. invalid
// "open.key" when a coefficient does not decode or a key is the identity.
// REQUIRES: one reveal per trustee, any order.
Result<Open> openKeys(const Manifest& manifest, const std::vector<TrusteeReveal>& reveals);

}  // namespace yishi::election
