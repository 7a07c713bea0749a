#include "yishi/election/credential.h"

#include "yishi/crypto/vote_proof.h"

namespace yishi::election {

Credential Credential::generate() { return Credential(crypto::SigningKey::generate()); }

Result<Credential> Credential::fromSeed(std::string_view seed) {
    YISHI_ASSIGN_OR_RETURN(auto key, crypto::SigningKey::fromSeed(seed));
    return Credential(std::move(key));
}

std::string Credential::publicKey() const { return key_.verifyKey().encoded(); }
std::string Credential::seed() const { return key_.seed(); }

Enroll Credential::enroll(const crypto::ElectionId& eid, std::string replaces) const {
    Enroll enroll{publicKey(), std::move(replaces), {}};
    return std::get<Enroll>(signMessage(enroll, eid, key_));
}

Result<Ballot> Credential::ballot(const Manifest& manifest, const crypto::ElectionId& eid, const crypto::Point& y,
                                  const std::vector<int>& selections, const crypto::NonceSource& nonces) const {
    if (selections.size() != manifest.options.size()) {
        return Status::invalid("ballot.selection", "A ballot has one choice per option.");
    }
    std::int64_t chosen = 0;
    for (const int m : selections) {
        if (m != 0 && m != 1) return Status::invalid("ballot.selection", "Each option is chosen (1) or not (0).");
        chosen += m;
    }
    if (chosen < manifest.min || chosen > manifest.max) {
        return Status::invalid("ballot.selection", "Choose between " + std::to_string(manifest.min) + " and " +
                                                       std::to_string(manifest.max) + " options.");
    }
    if (y.isIdentity()) return Status::invalid("open.key", "The election key is the identity.");
    const crypto::VoteContext context{eid, publicKey()};
    Ballot ballot;
    ballot.credential = publicKey();
    crypto::Ciphertext sum{crypto::Point::identity(), crypto::Point::identity()};
    crypto::Scalar sum_r;
    for (std::size_t i = 0; i < selections.size(); ++i) {
        const crypto::Scalar r = nonces();
        const crypto::Ciphertext ct = crypto::encrypt(y, static_cast<std::uint64_t>(selections[i]), r);
        const auto option = static_cast<std::int64_t>(i);
        const auto proof = crypto::proveVote01(context, option, y, ct, selections[i], r, nonces);
        ballot.options.push_back(BallotOption{ct.a.encoded(), ct.b.encoded(), proof.encoded()});
        sum = sum + ct;
        sum_r = sum_r + r;
    }
    if (manifest.hasRangeProof()) {
        ballot.range_proof =
            crypto::proveVoteSum(context, manifest.min, manifest.max, y, sum, chosen, sum_r, nonces).encoded();
    }
    return std::get<Ballot>(signMessage(ballot, eid, key_));
}

}  // namespace yishi::election
