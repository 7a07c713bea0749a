#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "yishi/crypto/dleq_proof.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"
#include "yishi/crypto/schnorr_proof.h"
#include "yishi/crypto/vote_proof.h"
#include "yishi/election/board.h"
#include "yishi/election/board_state.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/tags.h"

// A small election made message by message from the crypto primitives, so
// that a test can change any one field and see which check refuses it. Not
// the project's builders: they live in core/election; this one knows only
// docs/election-record.md.
namespace yishi::election::testing {

inline constexpr std::int64_t kOpensAt = 1'000'000;
inline constexpr std::int64_t kClosesAt = 2'000'000;
inline constexpr std::int64_t kCeremonyAt = 500'000;
inline constexpr std::int64_t kVotingAt = 1'500'000;

inline Manifest referendumManifest(const std::vector<crypto::SigningKey>& trustees, std::int64_t quorum,
                                   const crypto::SigningKey& board) {
    Manifest m;
    m.ref = "test-referendum";
    m.scope = "district";
    m.subject = "proposal/7";
    m.kind = ElectionKind::kReferendum;
    m.title = "Paint the bridge";
    m.options = {{"yes", 0, ""}, {"no", 0, ""}, {"abstain", 0, ""}};
    m.min = 1, m.max = 1;
    m.opens_at_ms = kOpensAt, m.closes_at_ms = kClosesAt;
    for (std::size_t j = 0; j < trustees.size(); ++j) {
        m.trustees.push_back({"trustee " + std::to_string(j + 1), trustees[j].verifyKey().encoded(),
                              std::string(32, static_cast<char>('a' + j))});
    }
    m.quorum = quorum;
    m.board_pk = board.verifyKey().encoded();
    return m;
}

// An approval election over three options of costs 50, 30, 40 and a budget
// of 80, selecting 0..2 per ballot, by greedy.
inline Manifest approvalManifest(const std::vector<crypto::SigningKey>& trustees, std::int64_t quorum,
                                 const crypto::SigningKey& board) {
    Manifest m = referendumManifest(trustees, quorum, board);
    m.ref = "test-approval";
    m.subject = "round/3";
    m.kind = ElectionKind::kApproval;
    m.options = {{"park", 50, "c1"}, {"lights", 30, "c1"}, {"bench", 40, "c2"}};
    m.min = 0, m.max = 2;
    m.budget = 80;
    m.rule = "greedy";
    m.rule_version = "1";
    m.rule_hash = std::string(64, 'f');
    return m;
}

class HandBuiltElection {
  public:
    // n trustees of whom `quorum` decrypt; a referendum unless `approval`.
    explicit HandBuiltElection(std::int64_t n = 2, std::int64_t quorum = 2, bool approval = false) {
        for (std::int64_t j = 0; j < n; ++j) trustee_keys.push_back(crypto::SigningKey::generate());
        manifest =
            approval ? approvalManifest(trustee_keys, quorum, board) : referendumManifest(trustee_keys, quorum, board);
        manifest_bytes = manifest.encoded();
        eid = electionIdOf(manifest_bytes);
        for (std::int64_t i = 0; i < n; ++i) {
            std::vector<crypto::Scalar> f;
            for (std::int64_t k = 0; k < quorum; ++k) f.push_back(crypto::Scalar::random());
            coefficients.push_back(std::move(f));
        }
        for (std::int64_t j = 1; j <= n; ++j) {
            crypto::Scalar x_j;
            for (const auto& f : coefficients) x_j = x_j + evaluate(f, j);
            shares.push_back(x_j);
        }
    }

    static crypto::Scalar evaluate(const std::vector<crypto::Scalar>& f, std::int64_t j) {
        crypto::Scalar out, power = crypto::Scalar::fromUint64(1);
        for (const auto& a : f) {
            out = out + a * power;
            power = power * crypto::Scalar::fromUint64(static_cast<std::uint64_t>(j));
        }
        return out;
    }

    std::int64_t n() const { return manifest.trusteeCount(); }
    const crypto::SigningKey& trusteeKey(std::int64_t i) const { return trustee_keys[static_cast<std::size_t>(i - 1)]; }

    std::vector<crypto::Point> commitments(std::int64_t i) const {
        std::vector<crypto::Point> out;
        for (const auto& a : coefficients[static_cast<std::size_t>(i - 1)]) out.push_back(crypto::Point::baseMul(a));
        return out;
    }

    // The message's bytes with its signature made by `key` (unsigned types as they are).
    std::string bytes(const Message& m, const crypto::SigningKey& key) const {
        return encodeMessage(signMessage(m, eid, key), eid);
    }
    std::string entry(std::string message, std::int64_t at) const {
        return Entry{eid, at, std::move(message)}.encoded();
    }

    Message commit(std::int64_t i) const {
        LengthPrefixed h(tag::kCoefficients);
        h.bytes(crypto::asBytes(eid)).int64(i);
        for (const auto& a : commitments(i)) h.bytes(a.encoded());
        return TrusteeCommit{i, crypto::hashBytes(h), ""};
    }
    Message reveal(std::int64_t i) const {
        TrusteeReveal m{i, {}, {}, ""};
        const auto& f = coefficients[static_cast<std::size_t>(i - 1)];
        for (std::size_t k = 0; k < f.size(); ++k) {
            m.coefficients.push_back(crypto::Point::baseMul(f[k]).encoded());
            m.proofs.push_back(crypto::proveSchnorr({eid, i, static_cast<std::int64_t>(k)}, f[k]).encoded());
        }
        return m;
    }
    Message sharesOf(std::int64_t i) const {
        TrusteeShares m{i, {}, ""};
        for (std::int64_t j = 1; j < n(); ++j) m.boxes.push_back(std::string(72, static_cast<char>(j)));
        return m;
    }
    Message ok(std::int64_t i) const { return TrusteeOk{i, ""}; }
    crypto::Point electionKey() const {
        crypto::Point y;
        for (std::int64_t i = 1; i <= n(); ++i) y = y + commitments(i)[0];
        return y;
    }
    Message open() const {
        Open m{electionKey().encoded(), {}};
        for (const auto& x_j : shares) m.trustee_keys.push_back(crypto::Point::baseMul(x_j).encoded());
        return m;
    }

    // The ceremony's entries, commits to open, in board order.
    std::vector<std::string> ceremony() const {
        std::vector<std::string> out;
        for (auto step : {&HandBuiltElection::commit, &HandBuiltElection::reveal, &HandBuiltElection::sharesOf,
                          &HandBuiltElection::ok}) {
            for (std::int64_t i = 1; i <= n(); ++i)
                out.push_back(entry(bytes((this->*step)(i), trusteeKey(i)), kCeremonyAt));
        }
        out.push_back(entry(bytes(open(), board), kCeremonyAt));
        return out;
    }

    Message enroll(const crypto::SigningKey& cred, std::string old_pk = "") const {
        return Enroll{cred.verifyKey().encoded(), std::move(old_pk), ""};
    }

    // A ballot of `votes` (one 0/1 per option), proved honestly; the
    // ciphertexts are also returned through `cts` when given.
    // `fixed_r`, when given, are the r_i to encrypt with (a test that repeats a ciphertext).
    Message ballot(const crypto::SigningKey& cred, const std::vector<std::int64_t>& votes,
                   std::vector<crypto::Ciphertext>* cts = nullptr,
                   const std::vector<crypto::Scalar>* fixed_r = nullptr) const {
        const crypto::Point y = electionKey();
        Ballot b;
        b.credential = cred.verifyKey().encoded();
        const crypto::VoteContext context{eid, b.credential};
        crypto::Ciphertext sum{crypto::Point::identity(), crypto::Point::identity()};
        crypto::Scalar sum_r;
        std::int64_t total = 0;
        for (std::size_t i = 0; i < votes.size(); ++i) {
            const crypto::Scalar r = fixed_r ? (*fixed_r)[i] : crypto::Scalar::random();
            const crypto::Ciphertext ct = crypto::encrypt(y, static_cast<std::uint64_t>(votes[i]), r);
            b.options.push_back(
                {ct.a.encoded(), ct.b.encoded(),
                 crypto::proveVote01(context, static_cast<std::int64_t>(i), y, ct, votes[i], r).encoded()});
            sum = sum + ct;
            sum_r = sum_r + r;
            total += votes[i];
            if (cts) cts->push_back(ct);
        }
        if (manifest.hasRangeProof()) {
            b.range_proof = crypto::proveVoteSum(context, manifest.min, manifest.max, y, sum, total, sum_r).encoded();
        }
        return b;
    }

    Message partial(std::int64_t j, const Tally& tally) const {
        Partial p{j, {}, {}, ""};
        const crypto::Scalar& x_j = shares[static_cast<std::size_t>(j - 1)];
        for (std::size_t i = 0; i < tally.a.size(); ++i) {
            const crypto::Point a = crypto::Point::parse(tally.a[i]).value();
            p.shares.push_back((a * x_j).encoded());
            p.proofs.push_back(crypto::provePdec({eid, j, static_cast<std::int64_t>(i)}, x_j, a).encoded());
        }
        return p;
    }

    crypto::SigningKey board = crypto::SigningKey::generate();
    std::vector<crypto::SigningKey> trustee_keys;
    Manifest manifest;
    std::string manifest_bytes;
    crypto::ElectionId eid{};
    std::vector<std::vector<crypto::Scalar>> coefficients;  // a_ik of trustee i at i - 1
    std::vector<crypto::Scalar> shares;                     // x_j at j - 1
};

// A whole valid election, entry by entry, with what a test needs to change
// one field of it: three voters, the third votes twice.
struct WholeElection {
    HandBuiltElection e;
    std::vector<crypto::SigningKey> voters;
    std::vector<std::string> entries;  // D[0] …
    std::vector<std::int64_t> counts;
    std::size_t first_ballot = 0, close = 0, tally = 0, first_partial = 0, result = 0;

    explicit WholeElection(bool approval = false, std::int64_t n = 2, std::int64_t quorum = 2)
        : e(n, quorum, approval) {
        entries.push_back(e.manifest_bytes);
        for (auto& d : e.ceremony()) entries.push_back(std::move(d));
        for (int v = 0; v < 3; ++v) {
            voters.push_back(crypto::SigningKey::generate());
            entries.push_back(e.entry(e.bytes(e.enroll(voters.back()), voters.back()), kVotingAt));
        }
        const std::vector<std::vector<std::int64_t>> votes =
            approval ? std::vector<std::vector<std::int64_t>>{{1, 1, 0}, {0, 1, 1}, {1, 0, 0}, {0, 1, 0}}
                     : std::vector<std::vector<std::int64_t>>{{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {1, 0, 0}};
        std::map<std::string, std::vector<crypto::Ciphertext>> last;
        first_ballot = entries.size();
        for (std::size_t b = 0; b < votes.size(); ++b) {
            const auto& voter = voters[std::min<std::size_t>(b, 2)];
            std::vector<crypto::Ciphertext> cts;
            entries.push_back(e.entry(e.bytes(e.ballot(voter, votes[b], &cts), voter), kVotingAt + 10 * b));
            last[voter.verifyKey().encoded()] = cts;
        }
        // Counted: voters 0 and 1, and voter 2's second ballot.
        counts.assign(3, 0);
        for (std::size_t b : {0, 1, 3}) {
            for (std::size_t i = 0; i < 3; ++i) counts[i] += votes[b][i];
        }
        Close c;
        for (const auto& v : voters) c.roster.push_back(v.verifyKey().encoded());
        std::sort(c.roster.begin(), c.roster.end());
        close = entries.size();
        entries.push_back(e.entry(e.bytes(c, e.board), kClosesAt));
        Tally t{static_cast<std::int64_t>(last.size()), {}, {}};
        for (std::size_t i = 0; i < 3; ++i) {
            crypto::Ciphertext sum{crypto::Point::identity(), crypto::Point::identity()};
            for (const auto& [pk, cts] : last) sum = sum + cts[i];
            t.a.push_back(sum.a.encoded());
            t.b.push_back(sum.b.encoded());
        }
        tally_message = t;
        tally = entries.size();
        entries.push_back(e.entry(e.bytes(t, e.board), kClosesAt + 1));
        first_partial = entries.size();
        for (std::int64_t j = e.n(); j >= 1; --j) {
            entries.push_back(e.entry(e.bytes(e.partial(j, t), e.trusteeKey(j)), kClosesAt + 2));
        }
        ElectionResult r{counts, {}};
        r.selected = approval ? std::vector<std::int64_t>{1, 0} : std::vector<std::int64_t>{0};
        result_message = r;
        result = entries.size();
        entries.push_back(e.entry(e.bytes(r, e.board), kClosesAt + 3));
    }

    // The record of the first `size` entries (all by default), with a head
    // signed by the board.
    std::string record(std::size_t size = 0) const {
        Record r;
        r.entries.assign(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(size ? size : entries.size()));
        crypto::MerkleTree tree;
        for (const auto& d : r.entries) tree.append(crypto::merkleLeafHash(d));
        TreeHead h{e.eid, r.entries.size(), tree.root(), kClosesAt + 10, ""};
        r.head = h.signedBy(e.board).encoded();
        return r.encoded();
    }

    // A BoardState holding entries [0, end).
    BoardState stateBefore(std::size_t end) const {
        BoardState s = BoardState::start(entries[0]).value();
        for (std::size_t i = 1; i < end; ++i) {
            const Status st = s.append(entries[i]);
            if (!st.isOk()) throw std::logic_error("entry " + std::to_string(i) + ": " + st.toString());
        }
        return s;
    }

    Tally tally_message;
    ElectionResult result_message;
};

}  // namespace yishi::election::testing
