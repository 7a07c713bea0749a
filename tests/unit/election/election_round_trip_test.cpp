// A whole election made by the builders of core/election: the trustees'
// ceremony, credentials, ballots, the tally and the combination give back
// the counts that were cast, and every message reads back as it was written.
#include <boost/test/unit_test.hpp>

#include "support/simulated_election.h"
#include "yishi/crypto/group.h"
#include "yishi/election/board.h"
#include "yishi/election/board_state.h"
#include "yishi/election/selection_rules.h"
#include "yishi/election/tally.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::election;
using yishi::testing::SimulatedElection;
using yishi::testing::SimulatedElectionOptions;

BOOST_AUTO_TEST_SUITE(election_round_trip)

BOOST_AUTO_TEST_CASE(referendum_with_an_absent_trustee_and_a_revote_counts_each_voters_last_ballot) {
    SimulatedElection e;  // 3 trustees, any 2 decrypt
    e.runCeremony();
    auto alice = e.enrollVoter();
    auto bob = e.enrollVoter();
    auto carol = e.enrollVoter();
    e.cast(alice, {0, 1, 0});
    e.cast(alice, {1, 0, 0});  // changed her mind: this one counts
    e.cast(bob, {1, 0, 0});
    e.cast(carol, {0, 0, 1});
    e.finish({2});  // trustee 2 is absent
    BOOST_TEST(e.counts() == (std::vector<std::int64_t>{2, 0, 1}), boost::test_tools::per_element());
    const auto& result = std::get<ElectionResult>(e.messages().back());
    BOOST_TEST(result.selected == (std::vector<std::int64_t>{kYes}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_builders_records_pass_the_verifier_at_every_phase) {
    SimulatedElection e;
    BOOST_TEST(verifyRecord(e.record()).line().rfind("OK", 0) == 0, verifyRecord(e.record()).line());
    e.runCeremony();
    auto alice = e.enrollVoter();
    auto bob = e.enrollVoter();
    e.cast(alice, {1, 0, 0});
    const std::string open_record = e.record();
    const VerifyReport open_report = verifyRecord(open_record, {2, {}});
    BOOST_TEST(open_report.ok(), open_report.line());
    e.cast(bob, {0, 1, 0});
    e.cast(alice, {0, 0, 1});
    e.finish({1});
    const std::string final_record = e.record();
    const VerifyReport report = verifyRecord(final_record, {2, {}});
    BOOST_TEST(report.ok(), report.line());
    BOOST_TEST((report.phase == Phase::kPublished));
    BOOST_TEST(report.counted == 2);
    BOOST_TEST(verifyTwoRecords(open_record, final_record).ok());
}

BOOST_AUTO_TEST_CASE(every_message_and_the_record_read_back_byte_for_byte) {
    SimulatedElection e;
    e.runCeremony();
    auto voter = e.enrollVoter();
    e.cast(voter, {0, 1, 0});
    e.finish();
    const std::string bytes = e.record();
    auto record = Record::parse(bytes);
    BOOST_REQUIRE(record.isOk());
    BOOST_TEST(record->encoded() == bytes);
    BOOST_TEST(record->entries.size() == e.board().size());
    auto manifest = Manifest::parse(record->entries[0]);
    BOOST_REQUIRE(manifest.isOk());
    BOOST_TEST(manifest->encoded() == record->entries[0]);
    BOOST_TEST(manifest->validate().isOk());
    for (std::size_t i = 1; i < record->entries.size(); ++i) {
        auto entry = Entry::parse(record->entries[i]);
        BOOST_REQUIRE(entry.isOk());
        BOOST_TEST(entry->encoded() == record->entries[i]);
        auto message = parseMessage(entry->message, *manifest, e.eid());
        BOOST_REQUIRE_MESSAGE(message.isOk(), message.status().toString());
        BOOST_TEST(encodeMessage(*message, e.eid()) == entry->message);
    }
    auto head = TreeHead::parse(record->head);
    BOOST_REQUIRE(head.isOk());
    BOOST_TEST(head->size == e.board().size());
    BOOST_TEST(head->verifySignature(e.manifest().board_pk).isOk());
}

BOOST_AUTO_TEST_CASE(a_message_of_another_election_or_with_bytes_missing_is_refused) {
    SimulatedElection e;
    e.runCeremony();
    auto voter = e.enrollVoter();
    const auto index = e.cast(voter, {1, 0, 0});
    const std::string message = Entry::parse(e.board().entry(index))->message;
    crypto::ElectionId other = e.eid();
    other[0] ^= 1;
    BOOST_TEST(parseMessage(message, e.manifest(), other).status().code() == "entry.election");
    BOOST_TEST(parseMessage(message.substr(0, message.size() - 1), e.manifest(), e.eid()).status().code() ==
               "message.format");
    BOOST_TEST(parseMessage(message + "x", e.manifest(), e.eid()).status().code() == "message.format");
}

BOOST_AUTO_TEST_CASE(signatures_verify_under_the_signer_only) {
    SimulatedElection e;
    e.runCeremony();
    auto voter = e.enrollVoter();
    auto other = Credential::generate();
    const auto index = e.cast(voter, {0, 0, 1});
    const std::string message = Entry::parse(e.board().entry(index))->message;
    BOOST_TEST(verifyMessageSignature(message, voter.publicKey()).isOk());
    BOOST_TEST(verifyMessageSignature(message, other.publicKey()).code() == "message.signature");
    std::string altered = message;
    altered[100] ^= 1;
    BOOST_TEST(verifyMessageSignature(altered, voter.publicKey()).code() == "message.signature");
}

BOOST_AUTO_TEST_CASE(approval_round_selects_by_the_greedy_rule_within_the_budget) {
    SimulatedElectionOptions o;
    o.kind = ElectionKind::kApproval;
    o.options = 4;
    o.min = 0;
    o.max = 2;
    o.costs = {500, 300, 400, 100};
    o.budget = 800;
    o.rule = "greedy";
    o.trustees = 2;
    o.quorum = 2;
    SimulatedElection e(o);
    e.runCeremony();
    for (const auto& choice : std::vector<std::vector<int>>{{1, 1, 0, 0}, {1, 0, 1, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}}) {
        e.cast(e.enrollVoter(), choice);
    }
    e.finish();
    // Counts 3, 2, 2, 1: option 0 (500), then 1 (300) fits, 2 does not, 3 does not.
    BOOST_TEST(e.counts() == (std::vector<std::int64_t>{3, 2, 2, 1}), boost::test_tools::per_element());
    const auto& result = std::get<ElectionResult>(e.messages().back());
    BOOST_TEST(result.selected == (std::vector<std::int64_t>{0, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(another_voters_ballot_re_signed_with_my_credential_is_refused) {
    // Helios's weak Fiat–Shamir let a copied ballot through under another
    // key; here the credential is in every challenge (3.6).
    SimulatedElection e;
    e.runCeremony();
    auto alice = e.enrollVoter();
    auto mallory = e.enrollVoter();
    Ballot copy = alice.ballot(e.manifest(), e.eid(), e.electionKey(), {0, 1, 0}).value();
    copy.credential = mallory.publicKey();
    const auto key = crypto::SigningKey::fromSeed(mallory.seed()).value();
    const Ballot signed_copy = std::get<Ballot>(signMessage(copy, e.eid(), key));
    const std::string bytes = encodeMessage(signed_copy, e.eid());
    BOOST_TEST(verifyMessageSignature(bytes, mallory.publicKey()).isOk());  // the signature itself is fine
    BOOST_TEST(checkBallotCrypto(bytes, signed_copy, e.manifest(), e.eid(), e.electionKey()).code() == "ballot.proof");
    // And in another election the original is refused too (the EID is in the challenge).
    SimulatedElection other;
    other.runCeremony();
    const Ballot original = alice.ballot(e.manifest(), e.eid(), e.electionKey(), {0, 1, 0}).value();
    BOOST_TEST(!checkBallotCrypto(encodeMessage(original, e.eid()), original, other.manifest(), other.eid(),
                                  other.electionKey())
                    .isOk());
}

BOOST_AUTO_TEST_CASE(a_ballot_outside_min_and_max_is_not_built) {
    SimulatedElection e;
    e.runCeremony();
    auto voter = e.enrollVoter();
    BOOST_TEST(voter.ballot(e.manifest(), e.eid(), e.electionKey(), {1, 1, 0}).status().code() == "ballot.selection");
    BOOST_TEST(voter.ballot(e.manifest(), e.eid(), e.electionKey(), {0, 0, 0}).status().code() == "ballot.selection");
    BOOST_TEST(voter.ballot(e.manifest(), e.eid(), e.electionKey(), {2, 0, 0}).status().code() == "ballot.selection");
}

BOOST_AUTO_TEST_CASE(a_trustee_refuses_a_share_that_fails_feldmans_check) {
    Manifest m;
    std::vector<Trustee> trustees{Trustee::generate(1, "甲"), Trustee::generate(2, "乙")};
    auto board_key = crypto::SigningKey::generate();
    m.ref = "t", m.scope = "district", m.title = "t";
    m.options = {{"同意", 0, ""}, {"不同意", 0, ""}, {"弃权", 0, ""}};
    m.opens_at_ms = 1, m.closes_at_ms = 2, m.quorum = 2;
    for (const auto& t : trustees) m.trustees.push_back(t.spec());
    m.board_pk = board_key.verifyKey().encoded();
    BOOST_REQUIRE(m.validate().isOk());
    const auto eid = electionIdOf(m.encoded());
    for (auto& t : trustees) t.commit(m, eid);
    std::vector<TrusteeReveal> reveals{trustees[0].reveal(eid), trustees[1].reveal(eid)};
    std::vector<TrusteeShares> shares{*trustees[0].shares(m, eid), *trustees[1].shares(m, eid)};
    // Trustee 1 reveals other coefficients than it shares from.
    auto liar = Trustee::generate(1, "甲");
    liar.commit(m, eid);
    std::vector<TrusteeReveal> lying_reveals{liar.reveal(eid), reveals[1]};
    BOOST_TEST(trustees[1].confirm(m, eid, lying_reveals, shares).status().code() == "trustee.bad_share");
    BOOST_TEST(trustees[1].confirm(m, eid, reveals, shares).isOk());
}

BOOST_AUTO_TEST_CASE(a_trustee_keeps_its_state_across_export_and_import) {
    SimulatedElection e;
    auto t = Trustee::generate(1, "甲");
    t.commit(e.manifest(), e.eid());
    auto back = Trustee::importState(t.exportState());
    BOOST_REQUIRE(back.isOk());
    BOOST_TEST(back->exportState() == t.exportState());
    BOOST_TEST(encodeMessage(back->reveal(e.eid(), [] { return crypto::Scalar::fromUint64(5); }), e.eid()) ==
               encodeMessage(t.reveal(e.eid(), [] { return crypto::Scalar::fromUint64(5); }), e.eid()));
    BOOST_TEST(Trustee::importState("nonsense").status().code() == "trustee.state");
}

BOOST_AUTO_TEST_CASE(discrete_log_finds_counts_up_to_the_bound_and_nothing_beyond) {
    for (std::int64_t n : {0, 1, 2, 31, 32, 33, 999, 1000}) {
        const auto m = crypto::Point::baseMul(crypto::Scalar::fromUint64(static_cast<std::uint64_t>(n)));
        BOOST_TEST(discreteLog(m, 1000).value_or(-1) == n);
    }
    const auto beyond = crypto::Point::baseMul(crypto::Scalar::fromUint64(1001));
    BOOST_TEST(!discreteLog(beyond, 1000).has_value());
}

BOOST_AUTO_TEST_CASE(tracking_codes_are_twenty_base32_letters_in_groups_of_four) {
    const std::string hash(32, '\0');
    BOOST_TEST(trackingCode(hash) == "AAAA-AAAA-AAAA-AAAA-AAAA");
    std::string ones(32, '\xff');
    BOOST_TEST(trackingCode(ones) == "7777-7777-7777-7777-7777");
    std::string first(32, '\0');
    first[0] = '\x08';  // 00001 000...: the first letter is B
    BOOST_TEST(trackingCode(first) == "BAAA-AAAA-AAAA-AAAA-AAAA");
}

BOOST_AUTO_TEST_SUITE_END()
