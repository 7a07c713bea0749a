#include "yishi/election/board_state.h"

#include <algorithm>
#include <type_traits>

#include "yishi/common/frame_reader.h"
#include "yishi/common/length_prefixed.h"
#include "yishi/crypto/dleq_proof.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/schnorr_proof.h"
#include "yishi/crypto/vote_proof.h"
#include "yishi/election/board.h"
#include "yishi/election/selection_rules.h"
#include "yishi/election/tags.h"
#include "yishi/election/tally.h"

namespace yishi::election {

namespace {

Status fail(std::string code, std::string message) { return Status::invalid(std::move(code), std::move(message)); }

// The tags an entry after D[0] may carry (check 8).
bool isEntryTag(std::string_view t) {
    return t == tag::kTrusteeCommit || t == tag::kTrusteeReveal || t == tag::kTrusteeShares || t == tag::kTrusteeOk ||
           t == tag::kOpen || t == tag::kEnroll || t == tag::kBallot || t == tag::kClose || t == tag::kTally ||
           t == tag::kPartial || t == tag::kResult;
}

bool isCeremonyTag(std::string_view t) {
    return t == tag::kTrusteeCommit || t == tag::kTrusteeReveal || t == tag::kTrusteeShares || t == tag::kTrusteeOk;
}

std::string_view shortName(std::string_view t) { return t.substr(t.rfind('/') + 1); }

// The trustee index of a trustee message (the int64 after the EID), when it
// reads and lies in 1..n; check 12 refuses the message otherwise.
std::optional<std::int64_t> peekTrustee(std::string_view message, std::int64_t n) {
    FrameReader r(message, "entry.order");
    if (!r.tag().isOk() || !r.bytes("EID").isOk()) return std::nullopt;
    auto i = r.int64("i");
    if (!i.isOk() || *i < 1 || *i > n) return std::nullopt;
    return *i;
}

std::string optionText(std::size_t i) { return "option " + std::to_string(i); }

// j^k mod L for the trustee's Feldman sums.
crypto::Scalar power(std::int64_t j, std::int64_t k) {
    crypto::Scalar out = crypto::Scalar::fromUint64(1);
    const crypto::Scalar base = crypto::Scalar::fromUint64(static_cast<std::uint64_t>(j));
    for (std::int64_t e = 0; e < k; ++e) out = out * base;
    return out;
}

// Checks 23–26 of one ballot.
Status checkBallotProofs(const Ballot& ballot, const Manifest& manifest, const crypto::ElectionId& eid,
                         const crypto::Point& y, std::vector<crypto::Ciphertext>* decoded) {
    std::vector<crypto::Ciphertext> cts;
    cts.reserve(ballot.options.size());
    for (std::size_t i = 0; i < ballot.options.size(); ++i) {
        auto a = crypto::Point::parseNotIdentity(ballot.options[i].a);
        if (!a.isOk()) return fail("ballot.point", optionText(i) + ": a_i " + a.status().message());
        auto b = crypto::Point::parse(ballot.options[i].b);
        if (!b.isOk()) return fail("ballot.point", optionText(i) + ": b_i " + b.status().message());
        cts.push_back({*a, *b});
    }
    std::vector<crypto::RangeProof> proofs;
    for (std::size_t i = 0; i < ballot.options.size(); ++i) {
        auto p = crypto::RangeProof::parse(ballot.options[i].proof, 2);
        if (!p.isOk()) return fail("ballot.scalar", optionText(i) + ": " + p.status().message());
        proofs.push_back(std::move(*p));
    }
    std::optional<crypto::RangeProof> range;
    if (manifest.hasRangeProof()) {
        auto q =
            crypto::RangeProof::parse(ballot.range_proof, static_cast<std::size_t>(manifest.max - manifest.min + 1));
        if (!q.isOk()) return fail("ballot.scalar", "the votesum proof: " + q.status().message());
        range = std::move(*q);
    }
    const crypto::VoteContext context{eid, ballot.credential};
    for (std::size_t i = 0; i < cts.size(); ++i) {
        if (!crypto::verifyVote01(context, static_cast<std::int64_t>(i), y, cts[i], proofs[i])) {
            return fail("ballot.proof", optionText(i) + ": the vote01 proof does not verify");
        }
    }
    if (range) {
        crypto::Ciphertext sum{crypto::Point::identity(), crypto::Point::identity()};
        for (const auto& ct : cts) sum = sum + ct;
        if (!crypto::verifyVoteSum(context, manifest.min, manifest.max, y, sum, *range)) {
            return fail("ballot.range", "the votesum proof does not verify for " + std::to_string(manifest.min) + ".." +
                                            std::to_string(manifest.max));
        }
    } else if (!ballot.range_proof.empty()) {
        return fail("ballot.range", "the manifest has no votesum proof, the ballot holds one");
    }
    if (decoded) *decoded = std::move(cts);
    return Status::ok();
}

}  // namespace

std::string_view toString(Phase phase) {
    switch (phase) {
        case Phase::kCeremony: return "ceremony";
        case Phase::kOpen: return "open";
        case Phase::kClosed: return "closed";
        case Phase::kTallied: return "tallied";
        case Phase::kDecrypted: return "decrypted";
        case Phase::kPublished: return "published";
    }
    return "unknown";
}

Status checkBallotCrypto(std::string_view ballot_message, const Ballot& parsed, const Manifest& manifest,
                         const crypto::ElectionId& eid, const crypto::Point& y,
                         std::vector<crypto::Ciphertext>* decoded) {
    if (Status s = verifyMessageSignature(ballot_message, parsed.credential); !s.isOk()) {
        return fail("message.signature", "the ballot's " + s.message() + " under its cred_pk");
    }
    return checkBallotProofs(parsed, manifest, eid, y, decoded);
}

struct BoardState::Change {
    crypto::MerkleHash leaf{};
    std::int64_t at = 0;
    std::vector<crypto::Point> coefficients;  // a reveal's A_ik
    std::optional<crypto::Point> election_key;
    std::vector<crypto::Point> trustee_keys;
    std::vector<crypto::Ciphertext> ballot;  // a ballot's (a_i, b_i)
    std::string ballot_hash;
};

Result<BoardState> BoardState::start(std::string manifest_bytes) {
    auto manifest = Manifest::parse(manifest_bytes);
    if (!manifest.isOk()) return manifest.status();
    if (Status s = manifest->validate(); !s.isOk()) return s;
    BoardState state;
    state.manifest_ = std::move(*manifest);
    state.eid_ = electionIdOf(manifest_bytes);
    state.tree_.append(crypto::merkleLeafHash(manifest_bytes));
    state.manifest_bytes_ = std::move(manifest_bytes);
    state.trustees_.resize(static_cast<std::size_t>(state.manifest_.trusteeCount()));
    state.aggregates_.assign(state.manifest_.options.size(),
                             crypto::Ciphertext{crypto::Point::identity(), crypto::Point::identity()});
    return state;
}

Phase BoardState::phase() const {
    if (result_) return Phase::kPublished;
    if (tally_) {
        return static_cast<std::int64_t>(partials_.size()) >= manifest_.quorum ? Phase::kDecrypted : Phase::kTallied;
    }
    if (closed_) return Phase::kClosed;
    if (election_key_) return Phase::kOpen;
    return Phase::kCeremony;
}

std::optional<crypto::Point> BoardState::trusteeKey(std::int64_t j) const {
    if (j < 1 || j > static_cast<std::int64_t>(trustee_keys_.size())) return std::nullopt;
    return trustee_keys_[static_cast<std::size_t>(j - 1)];
}

Status BoardState::append(std::string_view entry_bytes, bool ballot_crypto_checked,
                          const std::vector<crypto::Ciphertext>* decoded) {
    // 8 entry.format
    auto entry = Entry::parse(entry_bytes);
    if (!entry.isOk()) return entry.status();
    FrameReader reader(entry->message, "entry.format");
    auto message_tag = reader.tag();
    if (!message_tag.isOk()) return fail("entry.format", "the message does not start with a tag");
    if (!isEntryTag(*message_tag)) {
        return fail("entry.format", "the message's tag is not a type an entry may hold");
    }
    // 9 entry.election
    if (entry->eid != eid_) return fail("entry.election", "the entry names another election");
    auto message_eid = reader.bytes("EID");
    if (!message_eid.isOk() || *message_eid != crypto::asBytes(eid_)) {
        return fail("entry.election", "the message does not name this election");
    }
    // 10 entry.time
    if (last_at_ && entry->at_ms < *last_at_) {
        return fail("entry.time", "at " + std::to_string(entry->at_ms) + " is before the previous entry's " +
                                      std::to_string(*last_at_));
    }
    // 11 entry.order
    if (Status s = checkOrder(*message_tag, entry->message); !s.isOk()) return s;
    // 12 message.format
    auto message = parseMessage(entry->message, manifest_, eid_);
    if (!message.isOk()) return message.status();

    Change change;
    change.at = entry->at_ms;
    if (Status s = checkMessage(*message, entry->message, entry->at_ms, ballot_crypto_checked,
                                ballot_crypto_checked ? decoded : nullptr, change);
        !s.isOk()) {
        return s;
    }
    change.leaf = crypto::merkleLeafHash(entry_bytes);
    apply(*message, change);
    return Status::ok();
}

Status BoardState::checkOrder(std::string_view t, std::string_view message) const {
    const std::int64_t n = manifest_.trusteeCount();
    auto refuse = [&](std::string_view why) {
        return fail("entry.order", "a " + std::string(shortName(t)) + " message cannot come here: " + std::string(why));
    };
    if (result_) return refuse("nothing follows the result");
    if (isCeremonyTag(t)) {
        std::int64_t before = 0, done = 0;  // messages of the phase before, and of this one
        if (t == tag::kTrusteeCommit) before = n, done = commits_;
        if (t == tag::kTrusteeReveal) before = commits_, done = reveals_;
        if (t == tag::kTrusteeShares) before = reveals_, done = shares_;
        if (t == tag::kTrusteeOk) before = shares_, done = oks_;
        if (before < n) return refuse("the trustees' previous step is not complete");
        if (done >= n) return refuse("every trustee has already posted one");
        if (auto i = peekTrustee(message, n)) {
            const TrusteeProgress& p = trustees_[static_cast<std::size_t>(*i - 1)];
            const bool posted = (t == tag::kTrusteeCommit && p.commitment) ||
                                (t == tag::kTrusteeReveal && !p.coefficients.empty()) ||
                                (t == tag::kTrusteeShares && p.shares) || (t == tag::kTrusteeOk && p.ok);
            if (posted) return refuse("trustee " + std::to_string(*i) + " has already posted one");
        }
        return Status::ok();
    }
    if (t == tag::kOpen) {
        if (oks_ < n) return refuse("not every trustee has posted ok");
        if (election_key_) return refuse("the election is already open");
        return Status::ok();
    }
    if (t == tag::kEnroll) {
        if (closed_) return refuse("the election is closed");
        return Status::ok();
    }
    if (t == tag::kBallot || t == tag::kClose) {
        if (!election_key_) return refuse("the election is not open");
        if (closed_) return refuse("the election is closed");
        return Status::ok();
    }
    if (t == tag::kTally) {
        if (!closed_) return refuse("the election is not closed");
        if (tally_) return refuse("the tally is already on the board");
        return Status::ok();
    }
    // partial, result
    if (!tally_) return refuse("there is no tally yet");
    return Status::ok();
}

Status BoardState::checkMessage(const Message& message, std::string_view message_bytes, std::int64_t at,
                                bool ballot_crypto_checked, const std::vector<crypto::Ciphertext>* decoded,
                                Change& change) const {
    // 13 message.signature
    const auto signer = std::visit(
        [&](const auto& m) -> std::optional<std::string> {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, TrusteeCommit> || std::is_same_v<T, TrusteeReveal> ||
                          std::is_same_v<T, TrusteeShares> || std::is_same_v<T, TrusteeOk> ||
                          std::is_same_v<T, Partial>) {
                return manifest_.trustees[static_cast<std::size_t>(m.trustee - 1)].sign_pk;
            } else if constexpr (std::is_same_v<T, Enroll>) {
                // A key that is not valid cannot sign: check 18 names it.
                if (!crypto::VerifyKey::parse(m.credential).isOk()) return std::nullopt;
                return m.credential;
            } else if constexpr (std::is_same_v<T, Ballot>) {
                if (ballot_crypto_checked) return std::nullopt;
                return m.credential;
            } else {
                return std::nullopt;
            }
        },
        message);
    if (signer) {
        if (Status s = verifyMessageSignature(message_bytes, *signer); !s.isOk()) {
            return fail("message.signature",
                        "the " + std::string(messageName(message)) + " message's signature does not verify");
        }
    }

    if (std::holds_alternative<Enroll>(message)) return checkEnroll(std::get<Enroll>(message));
    if (std::holds_alternative<Ballot>(message)) {
        return checkBallot(std::get<Ballot>(message), message_bytes, at, ballot_crypto_checked, decoded, change);
    }
    if (std::holds_alternative<Close>(message)) return checkClose(std::get<Close>(message), at);
    if (std::holds_alternative<Tally>(message)) return checkTally(std::get<Tally>(message));
    if (std::holds_alternative<Partial>(message)) return checkPartial(std::get<Partial>(message));
    if (std::holds_alternative<ElectionResult>(message)) return checkResult(std::get<ElectionResult>(message));
    return checkCeremony(message, change);
}

Status BoardState::checkCeremony(const Message& message, Change& change) const {
    if (const auto* reveal = std::get_if<TrusteeReveal>(&message)) {
        // 14 trustee.reveal
        const std::int64_t i = reveal->trustee;
        LengthPrefixed coeffs(tag::kCoefficients);
        coeffs.bytes(crypto::asBytes(eid_)).int64(i);
        for (std::size_t k = 0; k < reveal->coefficients.size(); ++k) {
            auto a = crypto::Point::parseNotIdentity(reveal->coefficients[k]);
            if (!a.isOk()) {
                return fail("trustee.reveal",
                            "trustee " + std::to_string(i) + ": A_i" + std::to_string(k) + " " + a.status().message());
            }
            change.coefficients.push_back(*a);
            coeffs.bytes(reveal->coefficients[k]);
        }
        if (crypto::hashBytes(coeffs) != *trustees_[static_cast<std::size_t>(i - 1)].commitment) {
            return fail("trustee.reveal",
                        "trustee " + std::to_string(i) + "'s coefficients are not the committed ones");
        }
        // 15 trustee.proof
        for (std::size_t k = 0; k < reveal->proofs.size(); ++k) {
            auto proof = crypto::SchnorrProof::parse(reveal->proofs[k]);
            const crypto::SchnorrContext context{eid_, i, static_cast<std::int64_t>(k)};
            if (!proof.isOk() || !crypto::verifySchnorr(context, change.coefficients[k], *proof)) {
                return fail("trustee.proof", "trustee " + std::to_string(i) + ": the proof of A_i" + std::to_string(k) +
                                                 " does not verify");
            }
        }
        return Status::ok();
    }
    if (const auto* shares = std::get_if<TrusteeShares>(&message)) {
        // 16 trustee.shares: the reader (check 12) already took exactly n − 1
        // boxes of 72 bytes, as the manifest fixes them.
        if (static_cast<std::int64_t>(shares->boxes.size()) != manifest_.trusteeCount() - 1) {
            return fail("trustee.shares", "a shares message has one box for every other trustee");
        }
        return Status::ok();
    }
    if (const auto* open = std::get_if<Open>(&message)) {
        // 17 open.key
        const std::int64_t n = manifest_.trusteeCount();
        crypto::Point y;
        for (const auto& t : trustees_) y = y + t.coefficients[0];
        if (y.isIdentity() || y.encoded() != open->y) return fail("open.key", "Y is not the sum of the A_i0");
        change.election_key = y;
        for (std::int64_t j = 1; j <= n; ++j) {
            crypto::Point y_j;
            for (const auto& t : trustees_) {
                for (std::size_t k = 0; k < t.coefficients.size(); ++k) {
                    y_j = y_j + t.coefficients[k] * power(j, static_cast<std::int64_t>(k));
                }
            }
            if (y_j.isIdentity() || y_j.encoded() != open->trustee_keys[static_cast<std::size_t>(j - 1)]) {
                return fail("open.key", "Y_" + std::to_string(j) + " is not the Feldman sum over the reveals");
            }
            change.trustee_keys.push_back(y_j);
        }
        return Status::ok();
    }
    return Status::ok();  // commit, ok: nothing beyond order and signature
}

Status BoardState::checkEnroll(const Enroll& enroll) const {
    // 18 enroll.key
    if (!crypto::VerifyKey::parse(enroll.credential).isOk()) {
        return fail("enroll.key", "cred_pk is not a valid Ed25519 key");
    }
    // 19 enroll.duplicate
    if (wasEnrolled(enroll.credential)) return fail("enroll.duplicate", "cred_pk was enrolled before");
    // 20 enroll.replace
    if (!enroll.replaces.empty()) {
        if (!isActive(enroll.replaces)) return fail("enroll.replace", "old_pk is not an active credential");
        if (hasVoted(enroll.replaces)) return fail("enroll.replace", "old_pk has signed a ballot");
    }
    return Status::ok();
}

Status BoardState::checkBallot(const Ballot& ballot, std::string_view message_bytes, std::int64_t at,
                               bool ballot_crypto_checked, const std::vector<crypto::Ciphertext>* decoded,
                               Change& change) const {
    // 21 ballot.window
    if (at < manifest_.opens_at_ms || at >= manifest_.closes_at_ms) {
        return fail("ballot.window", "at " + std::to_string(at) + " is outside the voting window");
    }
    // 22 ballot.not_enrolled
    if (!isActive(ballot.credential)) return fail("ballot.not_enrolled", "cred_pk is not an active credential");
    // 23–26
    if (!ballot_crypto_checked) {
        if (Status s = checkBallotProofs(ballot, manifest_, eid_, *election_key_, nullptr); !s.isOk()) return s;
    }
    if (decoded && decoded->size() == ballot.options.size()) {
        change.ballot = *decoded;
    } else {
        for (std::size_t i = 0; i < ballot.options.size(); ++i) {
            auto a = crypto::Point::parseNotIdentity(ballot.options[i].a);
            auto b = crypto::Point::parse(ballot.options[i].b);
            if (!a.isOk() || !b.isOk()) return fail("ballot.point", optionText(i) + ": a point does not decode");
            change.ballot.push_back({*a, *b});
        }
    }
    // 27 ballot.duplicate
    change.ballot_hash = ballotHash(message_bytes);
    if (ballot_hashes_.count(change.ballot_hash) > 0)
        return fail("ballot.duplicate", "the same ballot is on the board");
    std::unordered_set<std::string> own;
    for (std::size_t i = 0; i < ballot.options.size(); ++i) {
        const std::string& a = ballot.options[i].a;
        if (!own.insert(a).second || ballot_a_.count(a) > 0) {
            return fail("ballot.duplicate", optionText(i) + ": a_i repeats an a already on the board");
        }
    }
    return Status::ok();
}

Status BoardState::checkClose(const Close& close, std::int64_t at) const {
    // 28 close.time
    if (at < manifest_.closes_at_ms) {
        return fail("close.time", "the close's at " + std::to_string(at) + " is before closes_at");
    }
    // 29 close.roster
    if (close.roster.size() != active_.size() ||
        !std::equal(close.roster.begin(), close.roster.end(), active_.begin())) {
        return fail("close.roster", "the roster is not the " + std::to_string(active_.size()) +
                                        " active credentials in ascending order");
    }
    return Status::ok();
}

Status BoardState::checkTally(const Tally& tally) const {
    // 30 tally.sum
    if (tally.counted != countedBallots()) {
        return fail("tally.sum",
                    "N is " + std::to_string(tally.counted) + ", the board counts " + std::to_string(countedBallots()));
    }
    for (std::size_t i = 0; i < aggregates_.size(); ++i) {
        if (tally.a[i] != aggregates_[i].a.encoded() || tally.b[i] != aggregates_[i].b.encoded()) {
            return fail("tally.sum", optionText(i) + ": (A_i, B_i) is not the sum over the counted ballots");
        }
    }
    return Status::ok();
}

Status BoardState::checkPartial(const Partial& partial) const {
    const std::int64_t j = partial.trustee;
    // 31 partial.trustee
    for (const auto& p : partials_) {
        if (p.trustee == j) return fail("partial.trustee", "trustee " + std::to_string(j) + " has a partial already");
    }
    // 32 partial.proof
    const crypto::Point& y_j = trustee_keys_[static_cast<std::size_t>(j - 1)];
    for (std::size_t i = 0; i < partial.shares.size(); ++i) {
        auto d = crypto::Point::parse(partial.shares[i]);
        if (!d.isOk()) return fail("partial.proof", optionText(i) + ": D_ji does not decode");
        auto proof = crypto::DleqProof::parse(partial.proofs[i]);
        const crypto::PdecContext context{eid_, j, static_cast<std::int64_t>(i)};
        if (!proof.isOk() || !crypto::verifyPdec(context, y_j, aggregates_[i].a, *d, *proof)) {
            return fail("partial.proof",
                        "trustee " + std::to_string(j) + ", " + optionText(i) + ": the pdec proof does not verify");
        }
    }
    return Status::ok();
}

Status BoardState::checkResult(const ElectionResult& result) const {
    // 33 result.quorum
    const auto quorum = static_cast<std::size_t>(manifest_.quorum);
    if (partials_.size() < quorum) {
        return fail("result.quorum",
                    std::to_string(partials_.size()) + " partial decryptions, the quorum is " + std::to_string(quorum));
    }
    // 34 result.count
    const std::int64_t n_counted = tally_->counted;
    for (std::size_t i = 0; i < result.counts.size(); ++i) {
        if (result.counts[i] < 0 || result.counts[i] > n_counted) {
            return fail("result.count", optionText(i) + ": the count is not within 0..N");
        }
    }
    const std::vector<Partial> first(partials_.begin(), partials_.begin() + static_cast<std::ptrdiff_t>(quorum));
    auto combined = combinePartials(*tally_, first);
    if (!combined.isOk()) return combined.status();
    const std::vector<crypto::Point>& m = *combined;
    for (std::size_t i = 0; i < result.counts.size(); ++i) {
        if (crypto::Point::baseMul(crypto::Scalar::fromUint64(static_cast<std::uint64_t>(result.counts[i]))) != m[i]) {
            return fail("result.count", optionText(i) + ": the count " + std::to_string(result.counts[i]) +
                                            " is not what the partial decryptions give");
        }
    }
    std::int64_t sum = 0;
    for (const auto n : result.counts) sum += n;
    if (manifest_.kind == ElectionKind::kReferendum) {
        if (sum != n_counted) return fail("result.count", "yes, no and abstain do not add up to N");
    } else if (sum < manifest_.min * n_counted || sum > manifest_.max * n_counted) {
        return fail("result.count", "the counts' sum is not within min·N..max·N");
    }
    // 35 result.selection
    if (result.selected != selectOptions(manifest_, result.counts)) {
        return fail("result.selection", "the selected options are not what the rule selects from the counts");
    }
    return Status::ok();
}

void BoardState::apply(const Message& message, Change& change) {
    tree_.append(change.leaf);
    last_at_ = change.at;
    std::visit(
        [&](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, TrusteeCommit>) {
                trustees_[static_cast<std::size_t>(m.trustee - 1)].commitment = m.commitment;
                ++commits_;
            } else if constexpr (std::is_same_v<T, TrusteeReveal>) {
                trustees_[static_cast<std::size_t>(m.trustee - 1)].coefficients = std::move(change.coefficients);
                ++reveals_;
            } else if constexpr (std::is_same_v<T, TrusteeShares>) {
                trustees_[static_cast<std::size_t>(m.trustee - 1)].shares = true;
                ++shares_;
            } else if constexpr (std::is_same_v<T, TrusteeOk>) {
                trustees_[static_cast<std::size_t>(m.trustee - 1)].ok = true;
                ++oks_;
            } else if constexpr (std::is_same_v<T, Open>) {
                election_key_ = change.election_key;
                trustee_keys_ = std::move(change.trustee_keys);
            } else if constexpr (std::is_same_v<T, Enroll>) {
                enrolled_.insert(m.credential);
                active_.insert(m.credential);
                if (!m.replaces.empty()) active_.erase(m.replaces);
            } else if constexpr (std::is_same_v<T, Ballot>) {
                auto& last = last_ballot_[m.credential];
                for (std::size_t i = 0; i < aggregates_.size(); ++i) {
                    if (!last.empty()) aggregates_[i] = aggregates_[i] - last[i];
                    aggregates_[i] = aggregates_[i] + change.ballot[i];
                }
                last = std::move(change.ballot);
                for (const auto& o : m.options) ballot_a_.insert(o.a);
                ballot_hashes_.insert(std::move(change.ballot_hash));
                ++ballot_count_;
            } else if constexpr (std::is_same_v<T, Close>) {
                closed_ = true;
            } else if constexpr (std::is_same_v<T, Tally>) {
                tally_ = m;
            } else if constexpr (std::is_same_v<T, Partial>) {
                partials_.push_back(m);
            } else if constexpr (std::is_same_v<T, ElectionResult>) {
                result_ = m;
            }
        },
        message);
}

}  // namespace yishi::election
