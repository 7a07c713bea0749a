#include <boost/test/unit_test.hpp>

#include <string>

#include "election_test_support.h"
#include "yishi/crypto/dleq_proof.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/schnorr_proof.h"
#include "yishi/crypto/vote_proof.h"

using namespace yishi::crypto;
using namespace yishi::crypto::testing;

namespace {

struct Election {
    Scalar x = Scalar::random();
    Point y = Point::baseMul(x);
    VoteContext voter{exampleEid(), SigningKey::generate().verifyKey().encoded()};
};

// Every one-bit change of an encoded proof either fails to parse or fails to
// verify.
template <typename Parse, typename Verify>
void everyFlippedBitIsRejected(const std::string& encoded, Parse parse, Verify verify) {
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        auto changed = parse(flipped(encoded, i));
        if (changed.isOk()) BOOST_TEST(!verify(*changed), "byte " << i);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(election_proofs)

// --- Schnorr ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(schnorr_proves_knowledge_of_the_discrete_log) {
    const Scalar x = Scalar::random();
    const SchnorrContext context{exampleEid(), 2, 1};
    const SchnorrProof proof = proveSchnorr(context, x);
    BOOST_TEST(verifySchnorr(context, Point::baseMul(x), proof));
    BOOST_TEST(!verifySchnorr(context, Point::baseMul(x + scalar(1)), proof));
    BOOST_TEST(!verifySchnorr(context, Point::identity(), proof));
    // Bound to the election, the trustee and the coefficient.
    BOOST_TEST(!verifySchnorr({otherEid(), 2, 1}, Point::baseMul(x), proof));
    BOOST_TEST(!verifySchnorr({exampleEid(), 3, 1}, Point::baseMul(x), proof));
    BOOST_TEST(!verifySchnorr({exampleEid(), 2, 0}, Point::baseMul(x), proof));
    everyFlippedBitIsRejected(proof.encoded(), SchnorrProof::parse,
                              [&](const SchnorrProof& p) { return verifySchnorr(context, Point::baseMul(x), p); });
}

// --- DLEQ (partial decryption) ---------------------------------------------

BOOST_AUTO_TEST_CASE(dleq_proves_a_partial_decryption_and_nothing_else) {
    const Scalar x = Scalar::random();
    const Point a = Point::baseMul(Scalar::random());
    const PdecContext context{exampleEid(), 1, 4};
    const DleqProof proof = provePdec(context, x, a);
    const Point d = a * x;
    const Point y_j = Point::baseMul(x);
    BOOST_TEST(verifyPdec(context, y_j, a, d, proof));
    BOOST_TEST(!verifyPdec(context, y_j, a, d + Point::base(), proof));  // a wrong D
    BOOST_TEST(!verifyPdec(context, y_j, a, a * (x + scalar(1)), proof));
    BOOST_TEST(!verifyPdec(context, y_j + Point::base(), a, d, proof));
    BOOST_TEST(!verifyPdec(context, Point::identity(), a, d, proof));
    BOOST_TEST(!verifyPdec({otherEid(), 1, 4}, y_j, a, d, proof));
    BOOST_TEST(!verifyPdec({exampleEid(), 2, 4}, y_j, a, d, proof));
    BOOST_TEST(!verifyPdec({exampleEid(), 1, 5}, y_j, a, d, proof));
    everyFlippedBitIsRejected(proof.encoded(), DleqProof::parse,
                              [&](const DleqProof& p) { return verifyPdec(context, y_j, a, d, p); });
}

BOOST_AUTO_TEST_CASE(dleq_works_for_an_option_nobody_voted_on) {
    const Scalar x = Scalar::random();
    const PdecContext context{exampleEid(), 1, 0};
    const DleqProof proof = provePdec(context, x, Point::identity());
    BOOST_TEST(verifyPdec(context, Point::baseMul(x), Point::identity(), Point::identity(), proof));
    BOOST_TEST(!verifyPdec(context, Point::baseMul(x), Point::identity(), Point::base(), proof));
}

// --- 0/1 -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(vote01_verifies_for_zero_and_one) {
    Election e;
    for (std::int64_t m : {0, 1}) {
        const Scalar r = Scalar::random();
        const Ciphertext ct = encrypt(e.y, static_cast<std::uint64_t>(m), r);
        const RangeProof proof = proveVote01(e.voter, 3, e.y, ct, m, r);
        BOOST_TEST(proof.encoded().size() == 128u);
        BOOST_TEST(verifyVote01(e.voter, 3, e.y, ct, proof));
        BOOST_TEST(verifyVote01(e.voter, 3, e.y, ct, *RangeProof::parse(proof.encoded(), 2)));
    }
}

BOOST_AUTO_TEST_CASE(vote01_rejects_an_encrypted_two_whatever_the_prover_claims) {
    Election e;
    const Scalar r = Scalar::random();
    const Ciphertext two = encrypt(e.y, 2, r);
    // The honest algorithm run on a false claim.
    for (std::int64_t claim : {0, 1}) {
        BOOST_TEST(!verifyVote01(e.voter, 0, e.y, two, proveVote01(e.voter, 0, e.y, two, claim, r)));
    }
    // A cheating prover that picks both challenges and both responses itself
    // (simulating both branches): the challenges cannot sum to the hash.
    RangeProof forged;
    forged.branches = {{Scalar::random(), Scalar::random()}, {Scalar::random(), Scalar::random()}};
    BOOST_TEST(!verifyVote01(e.voter, 0, e.y, two, forged));
    // The honest prover refuses a value outside its range.
    BOOST_CHECK_THROW(proveVote01(e.voter, 0, e.y, two, 2, r), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(vote01_is_bound_to_election_option_and_credential) {
    // Helios' weak Fiat–Shamir: a proof copied with its ciphertext into
    // another ballot must fail there.
    Election e;
    const Scalar r = Scalar::random();
    const Ciphertext ct = encrypt(e.y, 1, r);
    const RangeProof proof = proveVote01(e.voter, 3, e.y, ct, 1, r);
    BOOST_REQUIRE(verifyVote01(e.voter, 3, e.y, ct, proof));
    BOOST_TEST(!verifyVote01({otherEid(), e.voter.credential}, 3, e.y, ct, proof));
    BOOST_TEST(!verifyVote01(e.voter, 4, e.y, ct, proof));
    BOOST_TEST(!verifyVote01({e.voter.eid, SigningKey::generate().verifyKey().encoded()}, 3, e.y, ct, proof));
    BOOST_TEST(!verifyVote01(e.voter, 3, Point::baseMul(Scalar::random()), ct, proof));
    BOOST_TEST(!verifyVote01(e.voter, 3, e.y, ct + encrypt(e.y, 0, Scalar::random()), proof));
}

BOOST_AUTO_TEST_CASE(vote01_rejects_any_changed_byte_and_a_wrong_size) {
    Election e;
    const Scalar r = Scalar::random();
    const Ciphertext ct = encrypt(e.y, 0, r);
    const RangeProof proof = proveVote01(e.voter, 1, e.y, ct, 0, r);
    everyFlippedBitIsRejected(
        proof.encoded(), [](const std::string& s) { return RangeProof::parse(s, 2); },
        [&](const RangeProof& p) { return verifyVote01(e.voter, 1, e.y, ct, p); });
    // ... and in the ciphertext it is about.
    const std::string ct_bytes = ct.encoded();
    for (std::size_t i = 0; i < ct_bytes.size(); ++i) {
        auto changed = Ciphertext::parse(flipped(ct_bytes, i));
        if (changed.isOk()) BOOST_TEST(!verifyVote01(e.voter, 1, e.y, *changed, proof), "byte " << i);
    }
    BOOST_TEST(RangeProof::parse(proof.encoded() + std::string(64, '\0'), 2).status().code() == "crypto.bad_proof");
    BOOST_TEST(RangeProof::parse(proof.encoded().substr(0, 127), 2).status().code() == "crypto.bad_proof");
    RangeProof three = proof;
    three.branches.push_back(proof.branches[0]);
    BOOST_TEST(!verifyVote01(e.voter, 1, e.y, ct, three));
}

BOOST_AUTO_TEST_CASE(a_ciphertext_with_the_identity_as_a_is_refused) {
    const std::string bytes = std::string(32, '\0') + Point::base().encoded();
    BOOST_TEST(Ciphertext::parse(bytes).status().code() == "crypto.identity_point");
    BOOST_TEST(Ciphertext::parse(Point::base().encoded() + std::string(32, '\0')).isOk());
}

BOOST_AUTO_TEST_CASE(ciphertexts_add_up_and_decrypt_with_the_key) {
    Election e;
    const Ciphertext sum =
        encrypt(e.y, 1, Scalar::random()) + encrypt(e.y, 1, Scalar::random()) + encrypt(e.y, 0, Scalar::random());
    BOOST_TEST(sum.b - sum.a * e.x == Point::smallMultiple(2));
}

// --- the sum in [min..max] ---------------------------------------------------

BOOST_AUTO_TEST_CASE(votesum_verifies_every_sum_in_range_and_rejects_sums_outside) {
    Election e;
    const std::int64_t min = 1, max = 3;
    for (std::int64_t sum = 0; sum <= 5; ++sum) {
        const Scalar r = Scalar::random();
        const Ciphertext ct = encrypt(e.y, static_cast<std::uint64_t>(sum), r);
        if (sum >= min && sum <= max) {
            const RangeProof proof = proveVoteSum(e.voter, min, max, e.y, ct, sum, r);
            BOOST_TEST(proof.encoded().size() == 64u * 3);
            BOOST_TEST(verifyVoteSum(e.voter, min, max, e.y, ct, proof), "sum " << sum);
            BOOST_TEST(!verifyVoteSum({otherEid(), e.voter.credential}, min, max, e.y, ct, proof));
            BOOST_TEST(!verifyVoteSum({e.voter.eid, std::string(32, 'k')}, min, max, e.y, ct, proof));
            // The range is in the challenge: the same branches under other bounds fail.
            BOOST_TEST(!verifyVoteSum(e.voter, min - 1, max - 1, e.y, ct, proof));
        } else {
            // A prover claiming the nearest bound for a sum outside it.
            const std::int64_t claim = sum < min ? min : max;
            BOOST_TEST(!verifyVoteSum(e.voter, min, max, e.y, ct, proveVoteSum(e.voter, min, max, e.y, ct, claim, r)),
                       "sum " << sum);
            BOOST_CHECK_THROW(proveVoteSum(e.voter, min, max, e.y, ct, sum, r), std::invalid_argument);
        }
    }
}

BOOST_AUTO_TEST_CASE(votesum_of_a_twenty_option_ballot_at_most_five) {
    Election e;
    Ciphertext sum;
    Scalar sum_r;
    for (int i = 0; i < 20; ++i) {
        const Scalar r = Scalar::random();
        sum = sum + encrypt(e.y, i < 5 ? 1 : 0, r);
        sum_r = sum_r + r;
    }
    const RangeProof proof = proveVoteSum(e.voter, 0, 5, e.y, sum, 5, sum_r);
    BOOST_TEST(verifyVoteSum(e.voter, 0, 5, e.y, sum, proof));
    everyFlippedBitIsRejected(
        proof.encoded(), [](const std::string& s) { return RangeProof::parse(s, 6); },
        [&](const RangeProof& p) { return verifyVoteSum(e.voter, 0, 5, e.y, sum, p); });
    BOOST_TEST(!verifyVoteSum(e.voter, 5, 4, e.y, sum, proof));
    BOOST_TEST(!verifyVoteSum(e.voter, -1, 4, e.y, sum, proof));
}

BOOST_AUTO_TEST_SUITE_END()
