#include "yishi/election/verifier.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "yishi/common/frame_reader.h"
#include "yishi/crypto/merkle_verify.h"
#include "yishi/election/board.h"
#include "yishi/election/tags.h"

namespace yishi::election {

namespace {

constexpr std::size_t kChunk = 32;  // ballots a thread takes at a time

VerifyReport failed(Status status, std::optional<std::uint64_t> entry) {
    VerifyReport report;
    report.status = std::move(status);
    report.entry = entry;
    return report;
}

void describe(VerifyReport& report, const BoardState& state) {
    report.phase = state.phase();
    report.entries = state.size();
    report.options = state.manifest().optionCount();
    report.ballots = state.ballotCount();
    report.counted = state.countedBallots();
}

// The election key of the record's first open message that reads, if any.
// When that message fails its checks, the sequential pass stops there, before
// any ballot's proofs count.
std::optional<crypto::Point> findElectionKey(const Record& record, const BoardState& state) {
    for (std::size_t i = 1; i < record.entries.size(); ++i) {
        auto entry = Entry::parse(record.entries[i]);
        if (!entry.isOk()) continue;
        FrameReader r(entry->message, "entry.format");
        auto t = r.tag();
        if (!t.isOk() || *t != tag::kOpen) continue;
        auto message = parseMessage(entry->message, state.manifest(), state.electionId());
        if (!message.isOk()) continue;
        auto y = crypto::Point::parseNotIdentity(std::get<Open>(*message).y);
        return y.isOk() ? std::optional<crypto::Point>(*y) : std::nullopt;
    }
    return std::nullopt;
}

bool isBallotEntry(std::string_view entry_bytes) {
    auto entry = Entry::parse(entry_bytes);
    if (!entry.isOk()) return false;
    FrameReader r(entry->message, "entry.format");
    auto t = r.tag();
    return t.isOk() && *t == tag::kBallot;
}

// Checks 13 and 23–26 of every ballot of the record. crypto_ok[i] is true
// when entry i is a ballot that passed them (false for anything else: the
// sequential pass then checks it in full).
std::vector<char> checkBallotsInParallel(const Record& record, const BoardState& state, const VerifyOptions& options) {
    const std::optional<crypto::Point> y = findElectionKey(record, state);
    if (!y) return std::vector<char>(record.entries.size(), 0);
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    if (options.progress) {
        progress = [&](std::uint64_t done, std::uint64_t total) { options.progress({"ballot proofs", done, total}); };
    }
    return checkBallotEntries(record.entries, state.manifest(), state.electionId(), *y, options.threads, progress);
}

struct Verified {
    VerifyReport report;
    std::optional<BoardState> state;
    Record record;
};

Verified verifyKeeping(std::string_view record_bytes, const VerifyOptions& options) {
    Verified out;
    // 1 record.format
    auto record = Record::parse(record_bytes);
    if (!record.isOk()) return {failed(record.status(), std::nullopt), std::nullopt, {}};
    out.record = std::move(*record);
    const Record& r = out.record;
    const std::uint64_t n = r.entries.size();
    // 2 manifest.format, 3 manifest.invalid
    auto state = BoardState::start(r.entries[0]);
    if (!state.isOk()) return {failed(state.status(), 0), std::nullopt, {}};
    // 4 sth.format
    auto head = TreeHead::parse(r.head);
    if (!head.isOk()) return {failed(head.status(), std::nullopt), std::nullopt, {}};
    if (head->eid != state->electionId()) {
        return {failed(Status::invalid("sth.format", "the head names another election"), std::nullopt), {}, {}};
    }
    if (head->size != n) {
        return {failed(Status::invalid("sth.format", "the head's size " + std::to_string(head->size) +
                                                         " is not the record's " + std::to_string(n) + " entries"),
                       std::nullopt),
                {},
                {}};
    }
    // 5 sth.signature
    if (Status s = head->verifySignature(state->manifest().board_pk); !s.isOk()) {
        return {failed(s, std::nullopt), {}, {}};
    }
    // 6 sth.root
    crypto::MerkleTree tree;
    for (const auto& e : r.entries) tree.append(crypto::merkleLeafHash(e));
    if (tree.root() != head->root) {
        return {
            failed(Status::invalid("sth.root", "the entries' Merkle root is not the head's"), std::nullopt), {}, {}};
    }
    // 7 sth.time: an entry that does not read fails check 8 instead.
    if (n >= 2) {
        auto last = Entry::parse(r.entries[n - 1]);
        if (last.isOk() && head->at_ms < last->at_ms) {
            return {
                failed(Status::invalid("sth.time", "the head is dated before the last entry"), std::nullopt), {}, {}};
        }
    }
    // 8–35, the ballots' crypto first on every thread.
    const std::vector<char> crypto_ok = checkBallotsInParallel(r, *state, options);
    for (std::uint64_t i = 1; i < n; ++i) {
        if (options.progress && i % 4096 == 0) options.progress({"board", i, n});
        Status s = state->append(r.entries[i], crypto_ok[i] != 0);
        if (!s.isOk()) {
            out.report = failed(std::move(s), i);
            describe(out.report, *state);
            return out;
        }
    }
    if (options.progress) options.progress({"board", n, n});
    describe(out.report, *state);
    out.state = std::move(*state);
    return out;
}

}  // namespace

std::string VerifyReport::summary() const {
    std::string s(toString(phase));
    s += ": " + std::to_string(options) + (options == 1 ? " option, " : " options, ");
    s += std::to_string(ballots) + (ballots == 1 ? " ballot, " : " ballots, ");
    s += std::to_string(counted) + " counted";
    if (phase == Phase::kCeremony || phase == Phase::kOpen) s += " so far";
    return s;
}

std::string VerifyReport::line() const {
    if (ok()) return "OK " + summary();
    std::string out = "FAIL " + status.code();
    if (entry) out += " at entry " + std::to_string(*entry);
    if (!which.empty()) out += " of the " + which + " record";
    return out + ": " + status.message();
}

VerifyReport verifyRecord(std::string_view record_bytes, const VerifyOptions& options) {
    return verifyKeeping(record_bytes, options).report;
}

VerifyReport verifyTwoRecords(std::string_view first, std::string_view second, const VerifyOptions& options) {
    Verified a = verifyKeeping(first, options);
    if (!a.report.ok()) {
        a.report.which = "first";
        return a.report;
    }
    Verified b = verifyKeeping(second, options);
    if (!b.report.ok()) {
        b.report.which = "second";
        return b.report;
    }
    // 36 records.election
    if (a.record.entries[0] != b.record.entries[0]) {
        return failed(Status::invalid("records.election", "the two records have different manifests"), std::nullopt);
    }
    // 37 records.consistent
    Verified& smaller = a.state->size() <= b.state->size() ? a : b;
    Verified& larger = a.state->size() <= b.state->size() ? b : a;
    const std::uint64_t m = smaller.state->size();
    const std::uint64_t n = larger.state->size();
    auto proof = larger.state->tree().consistencyProof(m, n);
    if (!proof.isOk() || !crypto::verifyConsistency(m, n, smaller.state->root(), larger.state->root(), *proof).isOk()) {
        return failed(
            Status::invalid("records.consistent", "the record of " + std::to_string(m) +
                                                      " entries is not a prefix of the record of " + std::to_string(n)),
            std::nullopt);
    }
    return larger.report;
}

std::vector<char> checkBallotEntries(std::span<const std::string> entries, const Manifest& manifest,
                                     const crypto::ElectionId& eid, const crypto::Point& y, unsigned threads,
                                     const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
    std::vector<char> crypto_ok(entries.size(), 0);
    std::vector<std::size_t> ballots;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (isBallotEntry(entries[i])) ballots.push_back(i);
    }
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto work = [&] {
        for (;;) {
            const std::size_t start = next.fetch_add(kChunk);
            if (start >= ballots.size()) return;
            const std::size_t end = std::min(start + kChunk, ballots.size());
            for (std::size_t b = start; b < end; ++b) {
                const std::size_t i = ballots[b];
                auto entry = Entry::parse(entries[i]);
                auto message = parseMessage(entry->message, manifest, eid);
                if (message.isOk() && std::holds_alternative<Ballot>(*message)) {
                    const Status s = checkBallotCrypto(entry->message, std::get<Ballot>(*message), manifest, eid, y);
                    crypto_ok[i] = s.isOk() ? 1 : 0;
                }
            }
            done.fetch_add(end - start);
        }
    };
    const unsigned n_threads = std::max(1u, threads);
    std::vector<std::thread> pool;
    // Without progress to report, the calling thread is one of the workers.
    for (unsigned t = progress ? 0 : 1; t < n_threads; ++t) pool.emplace_back(work);
    if (progress) {
        while (done.load() < ballots.size()) {
            progress(done.load(), ballots.size());
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        progress(ballots.size(), ballots.size());
    } else {
        work();
    }
    for (auto& t : pool) t.join();
    return crypto_ok;
}

}  // namespace yishi::election
