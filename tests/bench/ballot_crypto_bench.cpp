// Ballot crypto on one core: a 20-option "at most 5" ballot (20 ElGamal
// ciphertexts, 20 proofs of m_i in {0,1}, one proof of the sum in [0..5]),
// created then verified. Prints figures, asserts only that every proof verifies.
// Usage: ballot_crypto_bench [ballots]   (default 100)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/vote_proof.h"

using namespace yishi::crypto;

namespace {

constexpr int kOptions = 20;
constexpr int kMax = 5;

struct Ballot {
    std::vector<Ciphertext> cts;
    std::vector<RangeProof> proofs;
    RangeProof sum_proof;
    std::size_t bytes() const {
        std::size_t n = 1 + 32 + 32 + sum_proof.encoded().size();  // version, EID, credential
        for (std::size_t i = 0; i < cts.size(); ++i) n += 64 + proofs[i].encoded().size();
        return n;
    }
};

Ballot makeBallot(const VoteContext& voter, const Point& y, int chosen_from) {
    Ballot ballot;
    Ciphertext sum;
    Scalar sum_r;
    std::int64_t count = 0;
    for (int i = 0; i < kOptions; ++i) {
        const std::int64_t m = (i >= chosen_from && i < chosen_from + kMax) ? 1 : 0;
        const Scalar r = Scalar::random();
        const Ciphertext ct = encrypt(y, static_cast<std::uint64_t>(m), r);
        ballot.proofs.push_back(proveVote01(voter, i, y, ct, m, r));
        ballot.cts.push_back(ct);
        sum = sum + ct;
        sum_r = sum_r + r;
        count += m;
    }
    ballot.sum_proof = proveVoteSum(voter, 0, kMax, y, sum, count, sum_r);
    return ballot;
}

bool verifyBallot(const VoteContext& voter, const Point& y, const Ballot& ballot) {
    Ciphertext sum;
    for (int i = 0; i < kOptions; ++i) {
        if (!verifyVote01(voter, i, y, ballot.cts[i], ballot.proofs[i])) return false;
        sum = sum + ballot.cts[i];
    }
    return verifyVoteSum(voter, 0, kMax, y, sum, ballot.sum_proof);
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int ballots = argc > 1 ? std::atoi(argv[1]) : 100;
    if (ballots <= 0) {
        std::fprintf(stderr, "usage: ballot_crypto_bench [ballots > 0]\n");
        return 64;
    }
    const Point y = Point::baseMul(Scalar::random());
    VoteContext voter{};
    voter.credential = SigningKey::generate().verifyKey().encoded();

    std::vector<Ballot> made;
    made.reserve(static_cast<std::size_t>(ballots));
    auto start = std::chrono::steady_clock::now();
    for (int b = 0; b < ballots; ++b) made.push_back(makeBallot(voter, y, b % (kOptions - kMax + 1)));
    const double prove_s = secondsSince(start);

    start = std::chrono::steady_clock::now();
    for (const Ballot& ballot : made) {
        if (!verifyBallot(voter, y, ballot)) {
            std::fprintf(stderr, "a ballot did not verify\n");
            return 1;
        }
    }
    const double verify_s = secondsSince(start);

    // The machine's speed for the operation that dominates, measured in the
    // same run, so that figures from a busy machine can be compared.
    start = std::chrono::steady_clock::now();
    Point p = y;
    const Scalar s = Scalar::random();
    constexpr int kMults = 2000;
    for (int i = 0; i < kMults; ++i) p = p * s;
    const double mult_s = secondsSince(start);

    std::printf("  %d ballots of %d options, at most %d, %zu bytes of ciphertexts and proofs each\n", ballots, kOptions,
                kMax, made.front().bytes());
    std::printf("  create: %6.2f ms/ballot  %7.1f ballots/s (one core)\n", 1000 * prove_s / ballots, ballots / prove_s);
    std::printf("  verify: %6.2f ms/ballot  %7.1f ballots/s (one core)\n", 1000 * verify_s / ballots,
                ballots / verify_s);
    std::printf("  (ristretto255 variable multiplication: %.0f/s in the same run)\n", kMults / mult_s);
    return 0;
}
