// Records made by the builders of core/election (a whole simulated election)
// pass every check; one changed byte in any class of field is refused, by
// the record's head when the head is left as it was, and by the check that
// names that field when the entry alone is replayed (as the server meets it,
// or as a verifier does under a board that signed whatever it was given).
#include <boost/test/unit_test.hpp>

#include "support/simulated_election.h"
#include "yishi/election/board.h"
#include "yishi/election/board_state.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::election;
using yishi::testing::SimulatedElection;
using yishi::testing::SimulatedElectionOptions;

namespace {

struct Corpus {
    SimulatedElection sim;
    std::vector<Credential> voters;
    std::string older;  // the record while voting ran
    Record record;

    Corpus() {
        sim.runCeremony();
        for (int v = 0; v < 3; ++v) voters.push_back(sim.enrollVoter());
        sim.cast(voters[0], {1, 0, 0});
        sim.cast(voters[1], {0, 1, 0});
        older = sim.record();
        sim.cast(voters[2], {1, 0, 0});
        sim.cast(voters[1], {0, 0, 1});
        sim.finish({3});
        record = Record::parse(sim.record()).value();
    }

    // The board index of the first message of type T.
    template <typename T>
    std::size_t first() const {
        const auto& messages = sim.messages();
        for (std::size_t k = 0; k < messages.size(); ++k) {
            if (std::holds_alternative<T>(messages[k])) return k + 1;
        }
        throw std::logic_error("no such message");
    }
    template <typename T>
    T message(std::size_t i) const {
        return std::get<T>(sim.messages()[i - 1]);
    }
    // Entry i holding `changed` instead, dated as before.
    std::string entryWith(std::size_t i, const Message& changed) const {
        Entry e = Entry::parse(record.entries[i]).value();
        e.message = encodeMessage(changed, sim.eid());
        return e.encoded();
    }
    // Entries 1..i−1 replayed, then `entry` in place of D[i].
    Status replayWith(std::size_t i, const std::string& entry) const {
        BoardState s = BoardState::start(record.entries[0]).value();
        for (std::size_t k = 1; k < i; ++k) {
            if (!s.append(record.entries[k]).isOk()) throw std::logic_error("the corpus does not replay");
        }
        return s.append(entry);
    }
    // The record with D[i] replaced and the head left alone.
    std::string recordWith(std::size_t i, const std::string& entry) const {
        Record r = record;
        r.entries[i] = entry;
        return r.encoded();
    }
    const crypto::SigningKey voterKey(std::size_t v) const {
        return crypto::SigningKey::fromSeed(voters[v].seed()).value();
    }
};

const Corpus& corpus() {
    static const Corpus c;
    return c;
}

std::string flipped(std::string s, std::size_t i) {
    s.at(i) = static_cast<char>(s.at(i) ^ 0x01);
    return s;
}

// One changed byte in field `field_class` of entry i: the record's head
// refuses it (sth.root), and the entry itself fails `code`.
void refusedWith(const std::string& field_class, std::size_t i, const Message& changed, const std::string& code) {
    const Corpus& c = corpus();
    const std::string entry = c.entryWith(i, changed);
    BOOST_TEST_CONTEXT(field_class) {
        int differing = 0;
        for (std::size_t k = 0; k < entry.size(); ++k) differing += entry[k] != c.record.entries[i][k];
        BOOST_TEST(differing == 1);
        BOOST_TEST(verifyRecord(c.recordWith(i, entry)).status.code() == "sth.root");
        const Status s = c.replayWith(i, entry);
        BOOST_TEST(s.code() == code, s.toString());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tamper_corpus)

BOOST_AUTO_TEST_CASE(records_of_simulated_elections_verify) {
    const Corpus& c = corpus();
    const VerifyReport report = verifyRecord(c.sim.record(), {2, {}});
    BOOST_TEST(report.ok(), report.line());
    BOOST_TEST(report.line() == "OK published: 3 options, 4 ballots, 3 counted");
    BOOST_TEST(verifyRecord(c.older).line() == "OK open: 3 options, 2 ballots, 2 counted so far");

    SimulatedElectionOptions approval;
    approval.kind = ElectionKind::kApproval;
    approval.options = 4;
    approval.min = 0;
    approval.max = 2;
    approval.costs = {50, 30, 40, 10};
    approval.budget = 90;
    approval.rule = "greedy";
    approval.trustees = 1;
    approval.quorum = 1;
    SimulatedElection e(approval);
    e.runCeremony();
    auto a = e.enrollVoter();
    auto b = e.enrollVoter();
    e.cast(a, {1, 1, 0, 0});
    e.cast(b, {0, 1, 0, 1});
    e.finish();
    const VerifyReport approved = verifyRecord(e.record());
    BOOST_TEST(approved.ok(), approved.line());
}

BOOST_AUTO_TEST_CASE(two_records_of_the_simulated_election_are_consistent) {
    const Corpus& c = corpus();
    const VerifyReport report = verifyTwoRecords(c.sim.record(), c.older);
    BOOST_TEST(report.ok(), report.line());
}

BOOST_AUTO_TEST_CASE(one_changed_byte_in_a_ballot_is_refused) {
    const Corpus& c = corpus();
    const std::size_t i = c.first<Ballot>();
    const Ballot ballot = c.message<Ballot>(i);
    BOOST_TEST_REQUIRE(ballot.credential == c.voters[0].publicKey());

    Ballot changed = ballot;
    changed.options[0].a = flipped(changed.options[0].a, 0);
    refusedWith("ballot ciphertext", i, changed, "message.signature");
    // Signed again by the voter: the point no longer decodes.
    auto resigned = [&](Ballot b) {
        return c.replayWith(i, c.entryWith(i, signMessage(b, c.sim.eid(), c.voterKey(0))));
    };
    BOOST_TEST(resigned(changed).code() == "ballot.point");

    changed = ballot;
    changed.options[1].proof = flipped(changed.options[1].proof, 32);
    refusedWith("ballot proof", i, changed, "message.signature");
    BOOST_TEST(resigned(changed).code() == "ballot.proof");

    changed = ballot;
    changed.range_proof = flipped(changed.range_proof, 32);
    refusedWith("ballot range proof", i, changed, "message.signature");
    BOOST_TEST(resigned(changed).code() == "ballot.range");

    changed = ballot;
    changed.sig = flipped(changed.sig, 10);
    refusedWith("ballot signature", i, changed, "message.signature");
}

BOOST_AUTO_TEST_CASE(one_changed_byte_in_the_ceremony_or_an_enrollment_is_refused) {
    const Corpus& c = corpus();
    std::size_t i = c.first<TrusteeReveal>();
    auto reveal = c.message<TrusteeReveal>(i);
    reveal.coefficients[0] = flipped(reveal.coefficients[0], 0);
    refusedWith("trustee reveal", i, reveal, "message.signature");

    i = c.first<Open>();
    auto open = c.message<Open>(i);
    open.trustee_keys[1] = flipped(open.trustee_keys[1], 4);
    refusedWith("open key", i, open, "open.key");

    i = c.first<Enroll>();
    auto enroll = c.message<Enroll>(i);
    enroll.credential = flipped(enroll.credential, 7);
    const Status s = c.replayWith(i, c.entryWith(i, enroll));
    BOOST_TEST((s.code() == "message.signature" || s.code() == "enroll.key"), s.toString());
}

BOOST_AUTO_TEST_CASE(one_changed_byte_after_the_close_is_refused) {
    const Corpus& c = corpus();
    std::size_t i = c.first<Close>();
    auto close = c.message<Close>(i);
    close.roster[1] = flipped(close.roster[1], 31);
    refusedWith("roster", i, close, "close.roster");

    i = c.first<Tally>();
    auto tally = c.message<Tally>(i);
    tally.a[0] = flipped(tally.a[0], 0);
    refusedWith("tally aggregate", i, tally, "tally.sum");
    tally = c.message<Tally>(i);
    tally.counted ^= 1;
    refusedWith("tally count", i, tally, "tally.sum");

    i = c.first<Partial>();
    auto partial = c.message<Partial>(i);
    partial.shares[2] = flipped(partial.shares[2], 3);
    refusedWith("partial decryption", i, partial, "message.signature");

    i = c.first<ElectionResult>();
    auto result = c.message<ElectionResult>(i);
    result.counts[0] ^= 1;
    refusedWith("result count", i, result, "result.count");
    result = c.message<ElectionResult>(i);
    BOOST_TEST_REQUIRE(result.selected.size() == 1u);
    result.selected[0] ^= 1;
    refusedWith("result selection", i, result, "result.selection");
}

BOOST_AUTO_TEST_CASE(one_changed_byte_in_the_tree_head_is_refused) {
    const Corpus& c = corpus();
    auto head = TreeHead::parse(c.record.head).value();
    for (auto change : {+[](TreeHead& h) { h.root[5] ^= 1; }, +[](TreeHead& h) { h.at_ms ^= 1; },
                        +[](TreeHead& h) { h.sig[0] ^= 1; }}) {
        TreeHead h = head;
        change(h);
        Record r = c.record;
        r.head = h.encoded();
        BOOST_TEST(verifyRecord(r.encoded()).status.code() == "sth.signature");
    }
    TreeHead h = head;
    h.size ^= 1;
    Record r = c.record;
    r.head = h.encoded();
    BOOST_TEST(verifyRecord(r.encoded()).status.code() == "sth.format");
}

BOOST_AUTO_TEST_SUITE_END()
