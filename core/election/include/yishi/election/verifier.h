#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/status.h"
#include "yishi/election/board_state.h"

namespace yishi::election {

// The offline verifier of an election record: every check of
// docs/election-record.md section 7, in its order.

struct VerifyProgress {
    std::string_view stage;  // "ballot proofs" or "board"
    std::uint64_t done = 0;
    std::uint64_t total = 0;
};

struct VerifyOptions {
    // Threads that check the ballots' signatures and proofs (checks 13,
    // 23–26) at once; 0 counts as 1.
    unsigned threads = 1;
    // Called now and then from the thread that called verifyRecord, never
    // from another; may be empty.
    std::function<void(const VerifyProgress&)> progress;
};

struct VerifyReport {
    // OK, or invalid with the failing check's name as the code.
    Status status;
    // The entry the failing check is about; nullopt for the record and its
    // head (checks 1 and 4–7) and for two records (36–37).
    std::optional<std::uint64_t> entry;
    // Which of two records failed (verifyTwoRecords): "" for one record.
    std::string which;

    // Reached on success (and so far on failure).
    Phase phase = Phase::kCeremony;
    std::uint64_t entries = 0;
    std::int64_t options = 0;
    std::uint64_t ballots = 0;
    std::int64_t counted = 0;

    bool ok() const { return status.isOk(); }
    // "published: 3 options, 120 ballots, 100 counted"
    std::string summary() const;
    // What `yishi verify` prints: "OK <summary>" or
    // "FAIL <name> at entry <i>: <detail>" ("FAIL <name>: <detail>" when no
    // entry is named).
    std::string line() const;
};

// checkBallotCrypto (checks 13 and 23–26) of every ballot among `entries`
// (entries of the election of `manifest` and `eid`, encoded as 6.1), on
// `threads` threads at once (0 counts as 1), with `y` the election key.
// result[i] is 1 when entries[i] is a ballot that passed them, 0 for
// anything else: whoever appends the entries to a BoardState passes it as
// ballot_crypto_checked, so a failing ballot is checked again there and
// refused with its check's name. `progress(done, total)` is called now and
// then from the calling thread only; may be empty. Thread-safe.
std::vector<char> checkBallotEntries(std::span<const std::string> entries, const Manifest& manifest,
                                     const crypto::ElectionId& eid, const crypto::Point& y, unsigned threads,
                                     const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

// Checks 1–35 of one record. Thread-safe (it shares nothing); it starts
// options.threads threads of its own and joins them before returning.
VerifyReport verifyRecord(std::string_view record_bytes, const VerifyOptions& options = {});

// Checks 36–37: each record passes 1–35 on its own (a failure is reported
// with its own check's name, `which` saying "first" or "second"), both have
// the same D[0], and the smaller one's entries are a prefix of the larger's.
// On success the report describes the larger record.
VerifyReport verifyTwoRecords(std::string_view first, std::string_view second, const VerifyOptions& options = {});

}  // namespace yishi::election
