#include <boost/test/unit_test.hpp>

#include <string>

#include "hand_built_election.h"
#include "yishi/election/board_state.h"

using namespace yishi;
using namespace yishi::election;
using namespace yishi::election::testing;

namespace {

// The fixture's election, shared: building it costs a few hundred group operations.
const WholeElection& sharedElection() {
    static const WholeElection w;
    return w;
}

Message messageAt(const WholeElection& w, std::size_t i) {
    return parseMessage(Entry::parse(w.entries[i]).value().message, w.e.manifest, w.e.eid).value();
}

std::int64_t atOf(const WholeElection& w, std::size_t i) { return Entry::parse(w.entries[i]).value().at_ms; }

// Appending `entry` after entries [0, at) is refused with `code`, and the
// state is left as it was: the entry that belongs there still goes in.
void refused(const WholeElection& w, std::size_t at, const std::string& entry, const std::string& code) {
    BoardState s = w.stateBefore(at);
    const auto root = s.root();
    const Status st = s.append(entry);
    BOOST_TEST(st.code() == code, st.toString());
    BOOST_TEST(s.size() == at);
    BOOST_TEST((s.root() == root));
    if (at < w.entries.size()) BOOST_TEST(s.append(w.entries[at]).isOk());
}

std::string flippedByte(std::string s, std::size_t i) {
    s[i] = static_cast<char>(s[i] ^ 0x01);
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(board_state)

BOOST_AUTO_TEST_CASE(a_whole_election_is_accepted_and_its_state_follows_the_phases) {
    const WholeElection& w = sharedElection();
    BoardState s = BoardState::start(w.entries[0]).value();
    BOOST_TEST(toString(s.phase()) == "ceremony");
    for (std::size_t i = 1; i < w.entries.size(); ++i) {
        const Status st = s.append(w.entries[i]);
        BOOST_TEST_REQUIRE(st.isOk(), "entry " << i << ": " << st.toString());
        if (i == w.first_ballot) BOOST_TEST(toString(s.phase()) == "open");
        if (i == w.close) BOOST_TEST(toString(s.phase()) == "closed");
        if (i == w.tally) BOOST_TEST(toString(s.phase()) == "tallied");
        if (i == w.first_partial) BOOST_TEST(toString(s.phase()) == "tallied");
        if (i == w.result - 1) BOOST_TEST(toString(s.phase()) == "decrypted");
    }
    BOOST_TEST(toString(s.phase()) == "published");
    BOOST_TEST(s.size() == w.entries.size());
    BOOST_TEST(s.ballotCount() == 4u);
    BOOST_TEST(s.countedBallots() == 3);
    BOOST_TEST(s.activeRoster().size() == 3u);
    BOOST_TEST(s.electionKey().has_value());
    BOOST_TEST((*s.trusteeKey(1) == crypto::Point::baseMul(w.e.shares[0])));
    BOOST_TEST(!s.trusteeKey(3).has_value());
    // The aggregates are the tally's (the last ballot per credential counts).
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(s.aggregates()[i].a.encoded() == w.tally_message.a[i]);
    BOOST_TEST(s.partials().size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_manifest_is_checked_when_the_board_starts) {
    BOOST_TEST(BoardState::start("not a manifest").status().code() == "manifest.format");
    Manifest m = sharedElection().e.manifest;
    m.quorum = 3;
    BOOST_TEST(BoardState::start(m.encoded()).status().code() == "manifest.invalid");
}

BOOST_AUTO_TEST_CASE(entry_format_refuses_what_is_not_an_entry_or_holds_no_known_message) {
    const WholeElection& w = sharedElection();
    refused(w, 1, "garbage", "entry.format");
    refused(w, 1, w.e.entry(w.e.manifest_bytes, kCeremonyAt), "entry.format");
}

BOOST_AUTO_TEST_CASE(entry_election_refuses_another_elections_entry_or_message) {
    const WholeElection& w = sharedElection();
    Entry other = Entry::parse(w.entries[1]).value();
    other.eid[0] ^= 1;
    refused(w, 1, other.encoded(), "entry.election");
    crypto::ElectionId eid = w.e.eid;
    eid[0] ^= 1;
    refused(w, 1, w.e.entry(encodeMessage(w.e.commit(1), eid), kCeremonyAt), "entry.election");
}

BOOST_AUTO_TEST_CASE(entry_time_refuses_an_entry_dated_before_the_previous_one) {
    const WholeElection& w = sharedElection();
    Entry e = Entry::parse(w.entries[w.close]).value();
    e.at_ms = atOf(w, w.close - 1) - 1;
    refused(w, w.close, e.encoded(), "entry.time");
}

BOOST_AUTO_TEST_CASE(entry_order_refuses_messages_out_of_their_phase) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    // A reveal before every commit; a second commit by trustee 1.
    refused(w, 2, e.entry(e.bytes(e.reveal(1), e.trusteeKey(1)), kCeremonyAt), "entry.order");
    refused(w, 2, w.entries[1], "entry.order");
    // A ballot before the open; the open before the oks.
    refused(w, 1, w.entries[w.first_ballot], "entry.order");
    refused(w, w.first_ballot - 5, e.entry(e.bytes(e.open(), e.board), kCeremonyAt), "entry.order");
    // A tally before the close, an enrollment after it, anything after the result.
    refused(w, w.close, w.entries[w.tally], "entry.order");
    const auto late = crypto::SigningKey::generate();
    refused(w, w.tally, e.entry(e.bytes(e.enroll(late), late), kClosesAt + 1), "entry.order");
    refused(w, w.entries.size(), w.entries.back(), "entry.order");
}

BOOST_AUTO_TEST_CASE(message_format_refuses_a_message_its_type_does_not_read) {
    const WholeElection& w = sharedElection();
    const Entry e = Entry::parse(w.entries[1]).value();
    refused(w, 1, w.e.entry(e.message + "x", kCeremonyAt), "message.format");
    // A shares message with a box missing (check 16 is made by the reader).
    auto shares = std::get<TrusteeShares>(w.e.sharesOf(1));
    shares.boxes.clear();
    const std::size_t at = 1 + 2 * static_cast<std::size_t>(w.e.n());
    refused(w, at, w.e.entry(w.e.bytes(shares, w.e.trusteeKey(1)), kCeremonyAt), "message.format");
}

BOOST_AUTO_TEST_CASE(message_signature_refuses_a_message_signed_by_another_key) {
    const WholeElection& w = sharedElection();
    refused(w, 1, w.e.entry(w.e.bytes(w.e.commit(1), w.e.trusteeKey(2)), kCeremonyAt), "message.signature");
    const auto& voter = w.voters[0];
    refused(w, w.first_ballot, w.e.entry(w.e.bytes(w.e.ballot(voter, {1, 0, 0}), w.voters[1]), kVotingAt),
            "message.signature");
    const auto other = crypto::SigningKey::generate();
    refused(w, w.first_ballot, w.e.entry(w.e.bytes(w.e.enroll(other), voter), kVotingAt), "message.signature");
}

BOOST_AUTO_TEST_CASE(trustee_reveal_refuses_coefficients_other_than_the_committed_ones) {
    const WholeElection& w = sharedElection();
    const std::size_t at = 1 + static_cast<std::size_t>(w.e.n());
    auto reveal = std::get<TrusteeReveal>(w.e.reveal(1));
    reveal.coefficients[1] = crypto::Point::base().encoded();
    refused(w, at, w.e.entry(w.e.bytes(reveal, w.e.trusteeKey(1)), kCeremonyAt), "trustee.reveal");
    reveal.coefficients[1] = crypto::Point::identity().encoded();
    refused(w, at, w.e.entry(w.e.bytes(reveal, w.e.trusteeKey(1)), kCeremonyAt), "trustee.reveal");
}

BOOST_AUTO_TEST_CASE(trustee_proof_refuses_a_proof_made_for_another_coefficient) {
    const WholeElection& w = sharedElection();
    const std::size_t at = 1 + static_cast<std::size_t>(w.e.n());
    auto reveal = std::get<TrusteeReveal>(w.e.reveal(1));
    std::swap(reveal.proofs[0], reveal.proofs[1]);
    refused(w, at, w.e.entry(w.e.bytes(reveal, w.e.trusteeKey(1)), kCeremonyAt), "trustee.proof");
}

BOOST_AUTO_TEST_CASE(open_key_refuses_keys_that_are_not_the_sums_of_the_reveals) {
    const WholeElection& w = sharedElection();
    const std::size_t at = w.first_ballot - 4;  // the open (after it: three enrollments)
    auto open = std::get<Open>(w.e.open());
    auto wrong_y = open;
    wrong_y.y = crypto::Point::base().encoded();
    refused(w, at, w.e.entry(w.e.bytes(wrong_y, w.e.board), kCeremonyAt), "open.key");
    std::swap(open.trustee_keys[0], open.trustee_keys[1]);
    refused(w, at, w.e.entry(w.e.bytes(open, w.e.board), kCeremonyAt), "open.key");
}

BOOST_AUTO_TEST_CASE(enrollments_refuse_invalid_repeated_and_wrongly_replaced_keys) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    // 18: the identity's encoding is no valid key (it signs nothing either).
    Enroll bad{std::string(1, '\x01') + std::string(31, '\0'), "", std::string(64, '\0')};
    refused(w, w.first_ballot, e.entry(encodeMessage(bad, e.eid), kVotingAt), "enroll.key");
    // 19
    refused(w, w.first_ballot, w.entries[w.first_ballot - 1], "enroll.duplicate");
    // 20: replacing a key that voted, or one that is not enrolled.
    const auto fresh = crypto::SigningKey::generate();
    refused(w, w.first_ballot + 1,
            e.entry(e.bytes(e.enroll(fresh, w.voters[0].verifyKey().encoded()), fresh), kVotingAt + 5),
            "enroll.replace");
    refused(w, w.first_ballot,
            e.entry(e.bytes(e.enroll(fresh, crypto::SigningKey::generate().verifyKey().encoded()), fresh), kVotingAt),
            "enroll.replace");
    // A key that has not voted may be replaced; it then may not vote.
    BoardState s = w.stateBefore(w.first_ballot);
    BOOST_TEST(s.append(e.entry(e.bytes(e.enroll(fresh, w.voters[0].verifyKey().encoded()), fresh), kVotingAt)).isOk());
    BOOST_TEST(!s.isActive(w.voters[0].verifyKey().encoded()));
    BOOST_TEST(s.append(w.entries[w.first_ballot]).code() == "ballot.not_enrolled");
}

BOOST_AUTO_TEST_CASE(ballot_window_and_enrollment_are_checked) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    const std::string ballot = e.bytes(e.ballot(w.voters[0], {1, 0, 0}), w.voters[0]);
    refused(w, w.first_ballot, e.entry(ballot, kClosesAt), "ballot.window");
    const auto stranger = crypto::SigningKey::generate();
    refused(w, w.first_ballot, e.entry(e.bytes(e.ballot(stranger, {1, 0, 0}), stranger), kVotingAt),
            "ballot.not_enrolled");
}

BOOST_AUTO_TEST_CASE(ballot_crypto_refuses_points_scalars_and_proofs) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    const auto& voter = w.voters[0];
    const auto valid = std::get<Ballot>(e.ballot(voter, {1, 0, 0}));
    auto resigned = [&](const Ballot& b) { return e.entry(e.bytes(b, voter), kVotingAt); };

    Ballot b = valid;
    b.options[1].a = crypto::Point::identity().encoded();
    refused(w, w.first_ballot, resigned(b), "ballot.point");
    b = valid;
    b.options[2].b[31] = static_cast<char>(0xff);
    refused(w, w.first_ballot, resigned(b), "ballot.point");

    b = valid;
    b.options[0].proof[31] = static_cast<char>(0xff);  // c_0 >= L
    refused(w, w.first_ballot, resigned(b), "ballot.scalar");
    b = valid;
    b.range_proof[63] = static_cast<char>(0xff);
    refused(w, w.first_ballot, resigned(b), "ballot.scalar");

    b = valid;
    std::swap(b.options[0].proof, b.options[1].proof);
    refused(w, w.first_ballot, resigned(b), "ballot.proof");

    b = valid;
    b.range_proof = flippedByte(b.range_proof, 32);  // z's low byte: still canonical
    refused(w, w.first_ballot, resigned(b), "ballot.range");
}

BOOST_AUTO_TEST_CASE(check_ballot_crypto_is_the_same_checks_on_their_own) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    const auto& voter = w.voters[0];
    const std::string good = e.bytes(e.ballot(voter, {0, 0, 1}), voter);
    const Ballot parsed = std::get<Ballot>(parseMessage(good, e.manifest, e.eid).value());
    BOOST_TEST(checkBallotCrypto(good, parsed, e.manifest, e.eid, e.electionKey()).isOk());
    BOOST_TEST(checkBallotCrypto(good, parsed, e.manifest, e.eid, crypto::Point::base()).code() == "ballot.proof");
    const std::string forged = e.bytes(parsed, w.voters[1]);
    BOOST_TEST(checkBallotCrypto(forged, parsed, e.manifest, e.eid, e.electionKey()).code() == "message.signature");
    // A caller that checked the crypto may skip it: the board does not redo it.
    BoardState s = w.stateBefore(w.first_ballot);
    Ballot unproven = parsed;
    std::swap(unproven.options[0].proof, unproven.options[1].proof);
    BOOST_TEST(s.append(e.entry(e.bytes(unproven, voter), kVotingAt), true).isOk());
}

BOOST_AUTO_TEST_CASE(ballot_duplicate_refuses_a_replayed_ballot_or_a_reused_ciphertext) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    refused(w, w.first_ballot + 1, w.entries[w.first_ballot], "ballot.duplicate");
    const std::vector<crypto::Scalar> r{crypto::Scalar::random(), crypto::Scalar::random(), crypto::Scalar::random()};
    const auto& voter = w.voters[0];
    BoardState s = w.stateBefore(w.first_ballot);
    BOOST_TEST(s.append(e.entry(e.bytes(e.ballot(voter, {1, 0, 0}, nullptr, &r), voter), kVotingAt)).isOk());
    // The same r again: the same a_i, though the proofs (and the hash) differ.
    const Status st = s.append(e.entry(e.bytes(e.ballot(voter, {1, 0, 0}, nullptr, &r), voter), kVotingAt));
    BOOST_TEST(st.code() == "ballot.duplicate");
}

BOOST_AUTO_TEST_CASE(close_time_and_roster_are_checked) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    auto close = std::get<Close>(messageAt(w, w.close));
    refused(w, w.close, e.entry(e.bytes(close, e.board), kClosesAt - 1), "close.time");
    Close unsorted = close;
    std::swap(unsorted.roster[0], unsorted.roster[1]);
    refused(w, w.close, e.entry(e.bytes(unsorted, e.board), kClosesAt), "close.roster");
    Close missing = close;
    missing.roster.pop_back();
    refused(w, w.close, e.entry(e.bytes(missing, e.board), kClosesAt), "close.roster");
}

BOOST_AUTO_TEST_CASE(tally_sum_refuses_a_count_or_an_aggregate_that_is_not_the_boards) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    Tally t = w.tally_message;
    t.counted = 4;  // every ballot, not the last per credential
    refused(w, w.tally, e.entry(e.bytes(t, e.board), kClosesAt + 1), "tally.sum");
    t = w.tally_message;
    t.b[0] = (crypto::Point::parse(t.b[0]).value() + crypto::Point::base()).encoded();
    refused(w, w.tally, e.entry(e.bytes(t, e.board), kClosesAt + 1), "tally.sum");
}

BOOST_AUTO_TEST_CASE(partials_refuse_a_second_one_and_a_wrong_share) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    refused(w, w.first_partial + 1, w.entries[w.first_partial], "partial.trustee");
    auto p = std::get<Partial>(messageAt(w, w.first_partial));
    p.shares[1] = (crypto::Point::parse(p.shares[1]).value() + crypto::Point::base()).encoded();
    refused(w, w.first_partial, e.entry(e.bytes(p, e.trusteeKey(p.trustee)), kClosesAt + 2), "partial.proof");
    p = std::get<Partial>(messageAt(w, w.first_partial));
    std::swap(p.proofs[0], p.proofs[2]);
    refused(w, w.first_partial, e.entry(e.bytes(p, e.trusteeKey(p.trustee)), kClosesAt + 2), "partial.proof");
}

BOOST_AUTO_TEST_CASE(the_result_needs_a_quorum_the_decrypted_counts_and_the_rules_selection) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    refused(w, w.first_partial + 1, w.entries[w.result], "result.quorum");
    ElectionResult r = w.result_message;
    r.counts = {3, 0, 0};  // adds up to N, but is not what was decrypted
    refused(w, w.result, e.entry(e.bytes(r, e.board), kClosesAt + 3), "result.count");
    r.counts = {-1, 3, 1};
    refused(w, w.result, e.entry(e.bytes(r, e.board), kClosesAt + 3), "result.count");
    r = w.result_message;
    r.selected = {};
    refused(w, w.result, e.entry(e.bytes(r, e.board), kClosesAt + 3), "result.selection");
}

BOOST_AUTO_TEST_CASE(an_approval_election_with_one_trustee_and_greedy_selection_is_accepted) {
    const WholeElection w(true, 1, 1);
    BoardState s = w.stateBefore(w.entries.size());
    BOOST_TEST(toString(s.phase()) == "published");
    BOOST_TEST((s.result()->counts == std::vector<std::int64_t>{1, 3, 1}));
    ElectionResult r = w.result_message;
    r.selected = {1, 2};
    refused(w, w.result, w.e.entry(w.e.bytes(r, w.e.board), kClosesAt + 3), "result.selection");
    r = w.result_message;
    r.counts = {1, 3, 2};
    refused(w, w.result, w.e.entry(w.e.bytes(r, w.e.board), kClosesAt + 3), "result.count");
}

BOOST_AUTO_TEST_SUITE_END()
