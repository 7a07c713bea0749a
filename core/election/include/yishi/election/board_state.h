#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"
#include "yishi/crypto/merkle_tree.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"

namespace yishi::election {

// How far an election's board has come (docs/election-record.md, 6.2).
enum class Phase {
    kCeremony,   // the manifest and the trustees' messages; no open yet
    kOpen,       // the open message is on the board: enrollments and ballots
    kClosed,     // the close (the roster) is on the board
    kTallied,    // the tally is on the board, fewer than quorum partials
    kDecrypted,  // at least quorum partial decryptions, no result yet
    kPublished,  // the result is on the board; nothing may follow
};
std::string_view toString(Phase phase);

// The board of one election as the checks of docs/election-record.md section
// 7 see it, entry by entry: checks 2–3 when it starts and 8–35 for each
// entry appended. The server keeps one per election and appends only what it
// accepts; the verifier replays a record through one. Every refusal is
// Status::invalid whose code is the check's name ("ballot.not_enrolled"),
// made in the order of section 7.
//
// Thread-safety: none inside. Const members may be called from any number of
// threads while no thread appends.
class BoardState {
  public:
    // Checks 2 (manifest.format) and 3 (manifest.invalid) on D[0].
    static Result<BoardState> start(std::string manifest_bytes);

    // Checks the next entry D[size()] (checks 8–35 that apply to it) and, when
    // every one holds, appends it (the Merkle tree too). On a refusal nothing
    // changes. With `ballot_crypto_checked` the caller promises that, for a
    // ballot, checkBallotCrypto already held on this entry's message (checks
    // 13 and 23–26), so they are not made again; `decoded`, when given with
    // it, holds the ballot's (a_i, b_i) as checkBallotCrypto decoded them, so
    // they are not decoded again either (the server appends under its
    // board's lock).
    Status append(std::string_view entry_bytes, bool ballot_crypto_checked = false,
                  const std::vector<crypto::Ciphertext>* decoded = nullptr);

    Phase phase() const;
    // Entries on the board, D[0] included.
    std::uint64_t size() const { return tree_.size(); }
    const crypto::MerkleTree& tree() const { return tree_; }
    crypto::MerkleHash root() const { return tree_.root(); }
    const crypto::ElectionId& electionId() const { return eid_; }
    const Manifest& manifest() const { return manifest_; }
    const std::string& manifestBytes() const { return manifest_bytes_; }
    // The `at` of the last entry; nullopt while the board holds only D[0].
    std::optional<std::int64_t> lastAt() const { return last_at_; }

    // Y, once the open message is on the board.
    std::optional<crypto::Point> electionKey() const { return election_key_; }
    // Y_j (1 <= j <= n) once open; nullopt before or for another j.
    std::optional<crypto::Point> trusteeKey(std::int64_t j) const;

    // Enrolled and not replaced.
    bool isActive(std::string_view credential) const { return active_.count(std::string(credential)) > 0; }
    // Enrolled at any time (a key enrolled once never enrolls again).
    bool wasEnrolled(std::string_view credential) const { return enrolled_.count(std::string(credential)) > 0; }
    // Has a ballot on the board.
    bool hasVoted(std::string_view credential) const { return last_ballot_.count(std::string(credential)) > 0; }
    // The active credential keys in ascending byte order (the roster of 5.7).
    std::vector<std::string> activeRoster() const { return {active_.begin(), active_.end()}; }

    // Ballots on the board, and the counted ones (the last per credential): N.
    std::uint64_t ballotCount() const { return ballot_count_; }
    std::int64_t countedBallots() const { return static_cast<std::int64_t>(last_ballot_.size()); }
    // (A_i, B_i) per option over the counted ballots (5.8), kept as ballots
    // arrive: the identity pair for an option nobody voted on.
    const std::vector<crypto::Ciphertext>& aggregates() const { return aggregates_; }

    // The tally and the partial decryptions on the board, in board order.
    const std::optional<Tally>& tally() const { return tally_; }
    const std::vector<Partial>& partials() const { return partials_; }
    const std::optional<ElectionResult>& result() const { return result_; }

  private:
    struct TrusteeProgress {
        std::optional<std::string> commitment;
        std::vector<crypto::Point> coefficients;  // A_i0 … A_it once revealed
        bool shares = false;
        bool ok = false;
    };
    // What an accepted entry changes; computed by the checks, applied after.
    struct Change;

    BoardState() = default;

    Status checkOrder(std::string_view message_tag, std::string_view message) const;
    Status checkMessage(const Message& message, std::string_view message_bytes, std::int64_t at,
                        bool ballot_crypto_checked, const std::vector<crypto::Ciphertext>* decoded,
                        Change& change) const;
    Status checkCeremony(const Message& message, Change& change) const;
    Status checkEnroll(const Enroll& enroll) const;
    Status checkBallot(const Ballot& ballot, std::string_view message_bytes, std::int64_t at,
                       bool ballot_crypto_checked, const std::vector<crypto::Ciphertext>* decoded,
                       Change& change) const;
    Status checkClose(const Close& close, std::int64_t at) const;
    Status checkTally(const Tally& tally) const;
    Status checkPartial(const Partial& partial) const;
    Status checkResult(const ElectionResult& result) const;
    void apply(const Message& message, Change& change);

    Manifest manifest_;
    std::string manifest_bytes_;
    crypto::ElectionId eid_{};
    crypto::MerkleTree tree_;
    std::optional<std::int64_t> last_at_;

    std::vector<TrusteeProgress> trustees_;  // trustee j at j - 1
    std::int64_t commits_ = 0, reveals_ = 0, shares_ = 0, oks_ = 0;
    std::optional<crypto::Point> election_key_;
    std::vector<crypto::Point> trustee_keys_;

    std::set<std::string> active_;  // sorted by bytes: std::string compares as unsigned char
    std::unordered_set<std::string> enrolled_;
    std::unordered_set<std::string> ballot_hashes_;
    std::unordered_set<std::string> ballot_a_;  // every a_i of every ballot so far
    std::map<std::string, std::vector<crypto::Ciphertext>> last_ballot_;
    std::uint64_t ballot_count_ = 0;
    std::vector<crypto::Ciphertext> aggregates_;

    bool closed_ = false;
    std::optional<Tally> tally_;
    std::vector<Partial> partials_;
    std::optional<ElectionResult> result_;
};

// Checks 13 (message.signature), 23 (ballot.point), 24 (ballot.scalar), 25
// (ballot.proof) and 26 (ballot.range), in that order, for one ballot:
// `ballot_message` its bytes, `parsed` what parseMessage read from them, `y`
// the election key. Pure and thread-safe: the verifier runs it on many
// ballots at once, the server before it takes the board's lock. When it
// holds and `decoded` is given, that receives the ballot's (a_i, b_i).
Status checkBallotCrypto(std::string_view ballot_message, const Ballot& parsed, const Manifest& manifest,
                         const crypto::ElectionId& eid, const crypto::Point& y,
                         std::vector<crypto::Ciphertext>* decoded = nullptr);

}  // namespace yishi::election
