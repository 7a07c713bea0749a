#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"

namespace yishi::election {

// A voter's credential and what it makes (docs/election-record.md, 5.5 and
// 5.6): the enrollment and signed, encrypted, proved ballots. The secret
// never leaves the object except through seed(), for the voter's own file.
// Immutable after construction; safe to share between threads.
class Credential {
  public:
    static Credential generate();
    // invalid "crypto.bad_seed" unless 32 bytes.
    static Result<Credential> fromSeed(std::string_view seed);

    std::string publicKey() const;  // cred_pk, 32 bytes
    std::string seed() const;

    // The signed enrollment; `replaces` is the key it replaces, or empty.
    Enroll enroll(const crypto::ElectionId& eid, std::string replaces = {}) const;

    // A ballot selecting the options whose entry in `selections` is 1.
    // invalid "ballot.selection" unless selections has one 0 or 1 per
    // option and min <= their sum <= max; "open.key" when y is the identity.
    // `nonces` draws, in order, for each option r_i then the vote01 nonces
    // (3.6), then the votesum nonces (tests pass fixed ones).
    Result<Ballot> ballot(const Manifest& manifest, const crypto::ElectionId& eid, const crypto::Point& y,
                          const std::vector<int>& selections,
                          const crypto::NonceSource& nonces = crypto::randomNonce) const;

  private:
    explicit Credential(crypto::SigningKey key) : key_(std::move(key)) {}
    crypto::SigningKey key_;
};

}  // namespace yishi::election
