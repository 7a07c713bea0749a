// The board's Merkle log at election scale: appending N leaf hashes, then
// producing and verifying P inclusion proofs against the root at N and P
// consistency proofs from earlier sizes, each timed separately.
//   merkle_bench [N=1000000] [P=10000]

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "yishi/crypto/merkle_tree.h"
#include "yishi/crypto/merkle_verify.h"

using namespace yishi::crypto;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const std::uint64_t p = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 10'000;

    auto t = std::chrono::steady_clock::now();
    std::vector<MerkleHash> leaves;
    leaves.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) leaves.push_back(merkleLeafHash("ballot " + std::to_string(i)));
    const double hash_s = secondsSince(t);

    t = std::chrono::steady_clock::now();
    MerkleTree tree;
    for (const MerkleHash& h : leaves) tree.append(h);
    const MerkleHash root = tree.root();
    const double append_s = secondsSince(t);

    std::mt19937_64 random(42);
    std::vector<std::uint64_t> indexes(p);
    for (auto& i : indexes) i = random() % n;

    t = std::chrono::steady_clock::now();
    std::vector<std::vector<MerkleHash>> proofs;
    proofs.reserve(p);
    for (std::uint64_t i : indexes) proofs.push_back(tree.inclusionProof(i, n).value());
    const double prove_s = secondsSince(t);

    t = std::chrono::steady_clock::now();
    std::uint64_t failed = 0;
    for (std::uint64_t k = 0; k < p; ++k) {
        if (!verifyInclusion(leaves[indexes[k]], indexes[k], n, proofs[k], root).isOk()) ++failed;
    }
    const double verify_s = secondsSince(t);

    t = std::chrono::steady_clock::now();
    for (std::uint64_t k = 0; k < p; ++k) {
        const std::uint64_t size1 = 1 + indexes[k];
        const auto proof = tree.consistencyProof(size1, n).value();
        if (!verifyConsistency(size1, n, tree.rootAt(size1).value(), root, proof).isOk()) ++failed;
    }
    const double consistency_s = secondsSince(t);

    std::cout << "leaf hashes:   " << n << " in " << hash_s << " s\n"
              << "append:        " << n << " in " << append_s << " s (" << append_s / n * 1e6 << " us each)\n"
              << "inclusion:     " << p << " proofs at size " << n << ": produce " << prove_s << " s ("
              << prove_s / p * 1e6 << " us each), verify " << verify_s << " s (" << verify_s / p * 1e6 << " us each), "
              << proofs[0].size() << " hashes each\n"
              << "consistency:   " << p << " (root at size1 + proof + verify) in " << consistency_s << " s ("
              << consistency_s / p * 1e6 << " us each)\n"
              << "failed:        " << failed << "\n";
    return failed == 0 ? 0 : 1;
}
