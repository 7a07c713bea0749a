// libFuzzer harness for the decoder of the board's messages
// (parseMessage, core/election/src/messages.cpp) and, for ballots, the
// checks that decode their points, scalars and proofs (checkBallotCrypto,
// core/election/src/board_state.cpp), as the server runs them on a ballot
// a voter posts. The first byte of an input picks one of three fixed,
// valid manifests (a referendum; an approval election with the votesum
// proof; one without it); the rest is the message. Besides crashes, leaks
// and undefined behaviour, it checks:
//  - the encoding is canonical: a message that reads, written again with
//    encodeMessage, gives the very same bytes;
//  - a message that reads has the counts and sizes its manifest fixes;
//  - a refusal has one of the codes docs/election-record.md gives for it;
//  - a ballot that reads is signed again by the harness's own credential
//    (the fuzzer cannot sign), so the checks past the signature, which
//    decode the points and proofs, are reached: they refuse with a ballot
//    check's name or pass, and never pass a ballot whose bytes changed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/group.h"
#include "yishi/election/board_state.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"

using namespace yishi;
using namespace yishi::election;

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

crypto::SigningKey keyFrom(char seed) { return crypto::SigningKey::fromSeed(std::string(32, seed)).value(); }

struct Election {
    Manifest manifest;
    crypto::ElectionId eid{};
};

Election makeElection(int which) {
    Manifest m;
    m.ref = "fuzz";
    m.scope = "district";
    m.title = "A fuzzed election";
    m.opens_at_ms = 1'000, m.closes_at_ms = 2'000;
    for (int j = 0; j < 3; ++j) {
        m.trustees.push_back({"trustee " + std::to_string(j + 1),
                              keyFrom(static_cast<char>('t' + j)).verifyKey().encoded(),
                              std::string(32, static_cast<char>('a' + j))});
    }
    m.quorum = 2;
    m.board_pk = keyFrom('b').verifyKey().encoded();
    if (which == 0) {
        m.kind = ElectionKind::kReferendum;
        m.options = {{"yes", 0, ""}, {"no", 0, ""}, {"abstain", 0, ""}};
    } else {
        m.kind = ElectionKind::kApproval;
        m.options = {{"park", 50, "c1"}, {"lights", 30, "c1"}, {"bench", 40, "c2"}};
        m.min = 0, m.max = which == 1 ? 2 : 3;  // min 0, max n: no votesum proof
        m.budget = 80;
    }
    require(m.validate().isOk());
    return {m, electionIdOf(m.encoded())};
}

const Election& fixedElection(int which) {
    static const Election elections[3] = {makeElection(0), makeElection(1), makeElection(2)};
    return elections[which];
}

void checkShape(const Message& message, const Manifest& m) {
    const auto options = static_cast<std::size_t>(m.optionCount());
    if (const auto* b = std::get_if<Ballot>(&message)) {
        require(b->credential.size() == 32 && b->sig.size() == 64);
        require(b->options.size() == options);
        for (const auto& o : b->options) require(o.a.size() == 32 && o.b.size() == 32 && o.proof.size() == 128);
        require(b->range_proof.size() ==
                (m.hasRangeProof() ? 64 * static_cast<std::size_t>(m.max - m.min + 1) : std::size_t{0}));
    } else if (const auto* t = std::get_if<Tally>(&message)) {
        require(t->a.size() == options && t->b.size() == options);
    } else if (const auto* p = std::get_if<Partial>(&message)) {
        require(p->trustee >= 1 && p->trustee <= m.trusteeCount());
        require(p->shares.size() == options && p->proofs.size() == options);
    } else if (const auto* r = std::get_if<ElectionResult>(&message)) {
        require(r->counts.size() == options && r->selected.size() <= options);
    } else if (const auto* reveal = std::get_if<TrusteeReveal>(&message)) {
        require(static_cast<std::int64_t>(reveal->coefficients.size()) == m.quorum);
    } else if (const auto* open = std::get_if<Open>(&message)) {
        require(static_cast<std::int64_t>(open->trustee_keys.size()) == m.trusteeCount());
    }
}

void checkBallot(const Ballot& read, const Election& e) {
    static const crypto::SigningKey credential = keyFrom('v');
    static const crypto::Point y = crypto::Point::baseMul(crypto::Scalar::fromUint64(7));
    Ballot ballot = read;
    ballot.credential = credential.verifyKey().encoded();
    const std::string bytes = encodeMessage(signMessage(ballot, e.eid, credential), e.eid);
    const Result<Message> again = parseMessage(bytes, e.manifest, e.eid);
    require(again.isOk() && std::holds_alternative<Ballot>(*again));
    const Status s = checkBallotCrypto(bytes, std::get<Ballot>(*again), e.manifest, e.eid, y);
    if (!s.isOk()) {
        const std::string& code = s.code();
        require(code == "ballot.point" || code == "ballot.scalar" || code == "ballot.proof" || code == "ballot.range");
    }
    // One flipped byte of the signed part: the signature no longer holds.
    std::string flipped = bytes;
    flipped[flipped.size() / 2] ^= 1;
    if (auto changed = parseMessage(flipped, e.manifest, e.eid);
        changed.isOk() && std::holds_alternative<Ballot>(*changed)) {
        require(!checkBallotCrypto(flipped, std::get<Ballot>(*changed), e.manifest, e.eid, y).isOk());
    }
    (void)trackingCode(ballotHash(bytes));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Election& e = fixedElection(data[0] % 3);
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const Result<Message> message = parseMessage(bytes, e.manifest, e.eid);
    if (!message.isOk()) {
        const std::string& code = message.status().code();
        require(code == "message.format" || code == "entry.format" || code == "entry.election");
        return 0;
    }
    require(encodeMessage(*message, e.eid) == bytes);
    require(!messageName(*message).empty());
    checkShape(*message, e.manifest);
    if (const auto* ballot = std::get_if<Ballot>(&*message)) checkBallot(*ballot, e);
    return 0;
}
