#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <thread>

#include "hand_built_election.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::election;
using namespace yishi::election::testing;

namespace {

const WholeElection& sharedElection() {
    static const WholeElection w;
    return w;
}

// A record of `entries` under a head the board signs, with the head's fields
// as given (a valid head by default).
std::string recordOf(const WholeElection& w, std::vector<std::string> entries,
                     std::function<void(TreeHead&)> change_head = {}, const crypto::SigningKey* signer = nullptr) {
    Record r;
    r.entries = std::move(entries);
    crypto::MerkleTree tree;
    for (const auto& d : r.entries) tree.append(crypto::merkleLeafHash(d));
    TreeHead h{w.e.eid, r.entries.size(), tree.root(), kClosesAt + 10, ""};
    if (change_head) change_head(h);
    r.head = h.signedBy(signer ? *signer : w.e.board).encoded();
    return r.encoded();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(verifier)

BOOST_AUTO_TEST_CASE(a_whole_record_verifies_on_one_thread_and_on_several) {
    const WholeElection& w = sharedElection();
    for (unsigned threads : {1u, 4u}) {
        const VerifyReport report = verifyRecord(w.record(), {threads, {}});
        BOOST_TEST(report.ok(), report.line());
        BOOST_TEST(report.line() == "OK published: 3 options, 4 ballots, 3 counted");
    }
}

BOOST_AUTO_TEST_CASE(a_record_taken_while_voting_runs_verifies_up_to_its_end) {
    const WholeElection& w = sharedElection();
    const VerifyReport report = verifyRecord(w.record(w.first_ballot + 2));
    BOOST_TEST(report.line() == "OK open: 3 options, 2 ballots, 2 counted so far");
}

BOOST_AUTO_TEST_CASE(progress_is_reported_from_the_calling_thread) {
    const WholeElection& w = sharedElection();
    const auto caller = std::this_thread::get_id();
    bool board_done = false, other_thread = false;
    VerifyOptions options{2, [&](const VerifyProgress& p) {
                              if (std::this_thread::get_id() != caller) other_thread = true;
                              if (p.stage == "board" && p.done == p.total) board_done = true;
                          }};
    BOOST_TEST(verifyRecord(w.record(), options).ok());
    BOOST_TEST(board_done);
    BOOST_TEST(!other_thread);
}

BOOST_AUTO_TEST_CASE(the_record_and_its_head_are_checked_first) {
    const WholeElection& w = sharedElection();
    const std::string good = w.record();
    BOOST_TEST(verifyRecord(good + "x").line().rfind("FAIL record.format: ", 0) == 0);
    BOOST_TEST(verifyRecord(good.substr(0, good.size() - 1)).status.code() == "record.format");

    std::vector<std::string> entries = w.entries;
    entries[0] = "no manifest";
    const VerifyReport bad_manifest = verifyRecord(recordOf(w, entries));
    BOOST_TEST(bad_manifest.status.code() == "manifest.format");
    BOOST_TEST(bad_manifest.line().rfind("FAIL manifest.format at entry 0: ", 0) == 0);

    auto size = [](TreeHead& h) { h.size -= 1; };
    BOOST_TEST(verifyRecord(recordOf(w, w.entries, size)).status.code() == "sth.format");
    auto eid = [](TreeHead& h) { h.eid[3] ^= 1; };
    BOOST_TEST(verifyRecord(recordOf(w, w.entries, eid)).status.code() == "sth.format");
    const auto stranger = crypto::SigningKey::generate();
    BOOST_TEST(verifyRecord(recordOf(w, w.entries, {}, &stranger)).status.code() == "sth.signature");
    auto root = [](TreeHead& h) { h.root[0] ^= 1; };
    BOOST_TEST(verifyRecord(recordOf(w, w.entries, root)).status.code() == "sth.root");
    auto early = [](TreeHead& h) { h.at_ms = kClosesAt; };
    BOOST_TEST(verifyRecord(recordOf(w, w.entries, early)).status.code() == "sth.time");
}

BOOST_AUTO_TEST_CASE(a_forged_ballot_is_named_with_its_entry_whatever_the_threads) {
    const WholeElection& w = sharedElection();
    const HandBuiltElection& e = w.e;
    std::vector<std::string> entries = w.entries;
    Ballot b = std::get<Ballot>(
        parseMessage(Entry::parse(entries[w.first_ballot + 1]).value().message, e.manifest, e.eid).value());
    std::swap(b.options[0].proof, b.options[2].proof);
    entries[w.first_ballot + 1] = e.entry(e.bytes(b, w.voters[1]), kVotingAt + 10);
    for (unsigned threads : {1u, 3u}) {
        const VerifyReport report = verifyRecord(recordOf(w, entries), {threads, {}});
        BOOST_TEST(report.status.code() == "ballot.proof");
        BOOST_TEST(report.entry.value_or(0) == w.first_ballot + 1);
        BOOST_TEST(report.line().rfind("FAIL ballot.proof at entry " + std::to_string(w.first_ballot + 1) + ": ", 0) ==
                   0);
    }
}

BOOST_AUTO_TEST_CASE(two_records_of_one_election_agree_when_one_extends_the_other) {
    const WholeElection& w = sharedElection();
    const VerifyReport report = verifyTwoRecords(w.record(), w.record(w.first_ballot + 1));
    BOOST_TEST(report.ok(), report.line());
    BOOST_TEST(report.line() == "OK published: 3 options, 4 ballots, 3 counted");
    BOOST_TEST(verifyTwoRecords(w.record(), w.record()).ok());
}

BOOST_AUTO_TEST_CASE(a_rewritten_past_fails_records_consistent) {
    const WholeElection& w = sharedElection();
    // The newer record drops the first ballot: both are valid on their own.
    std::vector<std::string> rewritten(w.entries.begin(), w.entries.begin() + static_cast<long>(w.first_ballot));
    rewritten.push_back(w.entries[w.first_ballot + 1]);
    rewritten.push_back(w.entries[w.first_ballot + 2]);
    const std::string newer = recordOf(w, rewritten);
    BOOST_TEST_REQUIRE(verifyRecord(newer).ok());
    const VerifyReport report = verifyTwoRecords(newer, w.record(w.first_ballot + 1));
    BOOST_TEST(report.status.code() == "records.consistent");
    BOOST_TEST(report.line().rfind("FAIL records.consistent: ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(two_records_of_different_elections_fail_records_election) {
    const WholeElection& w = sharedElection();
    const WholeElection other;
    BOOST_TEST(verifyTwoRecords(w.record(), other.record()).status.code() == "records.election");
}

BOOST_AUTO_TEST_CASE(an_invalid_record_of_two_is_named_with_its_own_check) {
    const WholeElection& w = sharedElection();
    const VerifyReport report = verifyTwoRecords(w.record(), w.record() + "x");
    BOOST_TEST(report.status.code() == "record.format");
    BOOST_TEST(report.which == "second");
    BOOST_TEST(report.line().rfind("FAIL record.format of the second record: ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
