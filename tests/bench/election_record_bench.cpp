// Election records at scale (issue figures, docs/election-record.md):
//  1. the raw verification rate of 20-option "at most 5" ballots: signature,
//     21 proofs (checkBallotCrypto, what the server and `yishi verify` run per
//     ballot), on one thread and on two;
//  2. a referendum record of N ballots written to a file, for scripts/bench.sh
//     to time `yishi verify --threads 1` and `--threads 2` on it.
// Usage: election_record_bench BALLOTS_20 RECORD_BALLOTS RECORD_FILE
// Prints figures; fails only when a ballot does not verify.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <vector>

#include "support/simulated_election.h"
#include "yishi/election/board_state.h"
#include "yishi/election/messages.h"

using namespace yishi;
using namespace yishi::election;
using yishi::testing::SimulatedElection;
using yishi::testing::SimulatedElectionOptions;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs body(i) for i in [0, n) on `threads` threads.
template <typename Body>
void parallelFor(std::size_t n, unsigned threads, Body body) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
        });
    }
    for (auto& t : pool) t.join();
}

struct Made {
    std::vector<Credential> voters;
    std::vector<Ballot> ballots;
};

Made makeBallots(const SimulatedElection& e, std::size_t n, unsigned threads) {
    Made made;
    for (std::size_t i = 0; i < n; ++i) made.voters.push_back(Credential::generate());
    made.ballots.resize(n);
    const auto options = e.manifest().options.size();
    parallelFor(n, threads, [&](std::size_t i) {
        std::vector<int> choice(options, 0);
        const auto chosen = std::min<std::int64_t>(e.manifest().max, std::max<std::int64_t>(e.manifest().min, 1));
        for (std::int64_t k = 0; k < chosen; ++k) choice[(i + static_cast<std::size_t>(k) * 3) % options] = 1;
        made.ballots[i] = made.voters[i].ballot(e.manifest(), e.eid(), e.electionKey(), choice).value();
    });
    return made;
}

int rawVerification(std::size_t n) {
    SimulatedElectionOptions o;
    o.kind = ElectionKind::kApproval;
    o.options = 20;
    o.min = 0;
    o.max = 5;
    o.trustees = 1;
    o.quorum = 1;
    SimulatedElection e(o);
    e.runCeremony();
    auto start = std::chrono::steady_clock::now();
    const Made made = makeBallots(e, n, 2);
    const double make_s = secondsSince(start);
    std::vector<std::string> messages;
    for (const auto& b : made.ballots) messages.push_back(encodeMessage(b, e.eid()));
    std::printf("  %zu ballots of 20 options, at most 5: %zu bytes each; made in %.1f s on 2 threads\n", n,
                messages.front().size(), make_s);
    for (const unsigned threads : {1u, 2u}) {
        std::atomic<int> bad{0};
        start = std::chrono::steady_clock::now();
        parallelFor(n, threads, [&](std::size_t i) {
            if (!checkBallotCrypto(messages[i], made.ballots[i], e.manifest(), e.eid(), e.electionKey()).isOk()) ++bad;
        });
        const double s = secondsSince(start);
        if (bad > 0) {
            std::fprintf(stderr, "%d ballots did not verify\n", bad.load());
            return 1;
        }
        std::printf("  raw verification, %u thread%s: %7.1f ballots/s (%.2f ms per ballot per thread)\n", threads,
                    threads == 1 ? " " : "s", n / s, 1000 * s * threads / n);
    }
    return 0;
}

int writeRecord(std::size_t n, const std::string& path) {
    SimulatedElection e;  // a referendum, 3 trustees, any 2 decrypt
    e.runCeremony();
    auto start = std::chrono::steady_clock::now();
    const Made made = makeBallots(e, n, 2);
    for (std::size_t i = 0; i < n; ++i) e.enroll(made.voters[i]);
    for (std::size_t i = 0; i < n; ++i) e.appendBallot(made.ballots[i]);
    e.finish({3});
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const std::string record = e.record();
    out << record;
    std::printf("  a referendum record of %zu ballots: %.1f MB, made in %.1f s\n", n, record.size() / 1e6,
                secondsSince(start));
    return out ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: election_record_bench BALLOTS_20 RECORD_BALLOTS RECORD_FILE\n");
        return 64;
    }
    const auto raw = static_cast<std::size_t>(std::atol(argv[1]));
    const auto record = static_cast<std::size_t>(std::atol(argv[2]));
    if (raw > 0) {
        if (int rc = rawVerification(raw); rc != 0) return rc;
    }
    if (record > 0) return writeRecord(record, argv[3]);
    return 0;
}
