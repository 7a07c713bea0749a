#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/domain/election.h"
#include "yishi/domain/ports.h"

// The port through which the elections service reaches an election's record
// (docs/election-record.md): making a board, admitting messages to it under
// the checks of section 7, signing heads and answering proofs. Everything
// crosses it as byte strings; the implementation (core/features/elections,
// app part) holds one board in memory per election over core/election.
namespace yishi::domain {

// What a new election's manifest says (5.3), in the domain's terms.
struct BoardSpec {
    ElectionKind kind = ElectionKind::kReferendum;
    std::string ref;  // unique on the server
    std::string scope;
    DistrictId district;  // whose selection plugin selects
    std::string subject;
    std::string title;
    std::vector<ElectionOption> options;
    std::int64_t min = 1;
    std::int64_t max = 1;
    std::int64_t budget = 0;
    std::string rule;
    std::int64_t rule_param = 0;
    Instant opens_at;
    Instant closes_at;
    // Demo: the server plays `demo_trustees` trustees and runs the ceremony;
    // otherwise `trustees` post their own messages.
    bool demo = true;
    std::int64_t demo_trustees = 3;
    std::vector<TrusteeKeys> trustees;
    std::int64_t quorum = 2;
};

// A new board, ready to be stored: the manifest and, in demo mode (the
// server plays every trustee), the ceremony and the open message.
struct NewBoard {
    std::string manifest;
    std::string eid;
    std::string board_pk;
    std::vector<std::string> entries;  // D[0] (the manifest) onwards
    ElectionSecrets secrets;
};

struct SignedHead {
    std::uint64_t size = 0;
    std::string root;  // 32 bytes
    std::int64_t at_ms = 0;
    std::string sig;    // 64 bytes
    std::string bytes;  // the whole signed message (6.3)
};

// What the board knows now.
struct BoardView {
    ElectionPhase phase = ElectionPhase::kCeremony;
    std::uint64_t size = 0;
    std::string election_key;  // Y, once open; else empty
    // Once published.
    std::vector<std::int64_t> counts;
    std::vector<std::int64_t> selected;
};

// What one admission appends: its entries (index and bytes) and the head
// signed over them.
struct Appended {
    struct Entry {
        std::uint64_t index = 0;
        std::string bytes;
    };
    std::vector<Entry> entries;
    SignedHead head;
    BoardView after;
};

struct BallotReceipt {
    std::string ballot_hash;  // 32 bytes
    std::string tracking_code;
    std::uint64_t index = 0;
    std::int64_t at_ms = 0;
    SignedHead head;
    std::vector<std::string> inclusion_proof;  // 32 bytes each, lowest first
};

// The rule a manifest names and the plugin it names to judge it (5.3).
struct RecordedRule {
    std::string rule;  // empty for a referendum
    std::int64_t rule_param = 0;
    std::string rule_version;  // the plugin's name and version, e.g. "greedy-default 1.0.0"
    std::string rule_hash;     // its source's hash (hex); empty for the record's own rule
};

// The keys an enrollment names (5.5).
struct EnrollKeys {
    std::string credential;
    std::string replaces;  // empty for a first enrollment
};

// Writes what the box is about to keep, durably (entries, head, the phase
// after), in one transaction. Called with the election's board locked; when
// it fails nothing is kept and its Status is returned.
using PersistAppended = std::function<Status(const Appended&)>;

// Writes, inside the transaction that stores a group of ballots, what one
// ballot adds besides the board's rows (the box writes the entries and the
// head): the caller's re-checks and its change. When it fails, that ballot
// is refused with its Status and the others of the group are stored without
// it. Called with the election's board locked, on any thread, while the
// caller of cast waits.
using RecordBallot = std::function<Status(Stores&)>;

// Thread-safe: each election's board is serialized on its own; different
// elections proceed in parallel. Every operation on an election the box has
// not seen since start loads its board from the stored rows first, replaying
// every entry through the checks; not_found "election.not_found" when there
// are none, internal "election.board_corrupt" when a stored entry fails.
class BallotBox {
  public:
    virtual ~BallotBox() = default;

    // Makes the manifest and, in demo mode, plays every trustee's ceremony
    // and opens the election. invalid "manifest.invalid" when the spec
    // breaks 5.3.
    virtual Result<NewBoard> create(const BoardSpec& spec) = 0;

    virtual Result<BoardView> view(ElectionId id) = 0;

    // The keys an enrollment message names; invalid "enroll.format" when it
    // is not one, "enroll.wrong_election" when it is another election's.
    virtual Result<EnrollKeys> enrollKeys(ElectionId id, std::string_view message) = 0;
    // The credential key a ballot message names: invalid "ballot.format",
    // "ballot.wrong_election".
    virtual Result<std::string> ballotKey(ElectionId id, std::string_view message) = 0;

    // Appends an enrollment that passes the checks (their names as codes:
    // enroll.key, enroll.duplicate, enroll.replace, message.signature,
    // entry.order).
    virtual Result<Appended> enroll(ElectionId id, std::string_view message, const PersistAppended& persist) = 0;
    // Checks a ballot (signature and proofs outside the board's lock) and
    // appends it: invalid ballot.format, ballot.signature, ballot.point,
    // ballot.scalar, ballot.proof, ballot.range; conflict ballot.not_enrolled,
    // ballot.duplicate, ballot.replay, ballot.not_open, ballot.closed.
    // Group commit: the ballots of one election that arrive while a group is
    // being written wait, then are appended together under one signed head
    // and written in one transaction; each caller is answered only after
    // that transaction committed, with its own receipt or refusal.
    virtual Result<BallotReceipt> cast(ElectionId id, std::string_view message, const RecordBallot& record) = 0;
    // Appends a trustee's message (commit, reveal, shares, ok, partial),
    // checked as any entry (codes as 7.3, 7.4 and 7.7 name them; invalid
    // "trustee.format" for any other message). After the last trustee's ok
    // it appends the open message, and after the quorum-th partial the result.
    virtual Result<Appended> trustee(ElectionId id, std::string_view message, const PersistAppended& persist) = 0;
    // Appends the close (the roster) and the tally; in demo mode also the
    // partial decryptions of a quorum of the trustees it plays and the
    // result. conflict "election.not_open" unless the board is open.
    virtual Result<Appended> finish(ElectionId id, const PersistAppended& persist) = 0;

    // The latest signed head (a board always has one once loaded).
    virtual Result<SignedHead> head(ElectionId id) = 0;
    // invalid "proof.bad_size" for sizes the board never had.
    virtual Result<std::vector<std::string>> inclusionProof(ElectionId id, std::uint64_t index, std::uint64_t size) = 0;
    virtual Result<std::vector<std::string>> consistencyProof(ElectionId id, std::uint64_t from, std::uint64_t to) = 0;

    // What the manifest `bytes` say of the rule; invalid "manifest.format"
    // when they do not read as one.
    virtual Result<RecordedRule> recordedRule(std::string_view manifest) const = 0;

    // The record file's pieces (6.5): what precedes the entries, and one
    // entry's (or the head's) field.
    virtual std::string recordPrefix(std::uint64_t entry_count) const = 0;
    virtual std::string recordField(std::string_view bytes) const = 0;
};

}  // namespace yishi::domain
