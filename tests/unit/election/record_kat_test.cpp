// The worked example of docs/election-record.md, section 8: a one-trustee
// referendum with one ballot, built with fixed keys and nonces. The test
// reads every `name = hex` value printed in section 8 and checks it against
// what the code makes, so the page and the code cannot drift apart.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "../crypto/election_test_support.h"
#include "yishi/crypto/merkle_hash.h"
#include "yishi/election/board_log.h"
#include "yishi/election/credential.h"
#include "yishi/election/trustee.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::election;
using yishi::crypto::testing::fixedNonces;
using yishi::crypto::testing::unhex;

namespace {

constexpr std::int64_t kOpensAt = 1767225600000;  // 2026-01-01T00:00:00Z
constexpr std::int64_t kClosesAt = kOpensAt + 7 * 24 * 3600 * 1000;

std::string hex(std::string_view bytes) { return crypto::toHex(bytes); }
std::string hex(const crypto::MerkleHash& h) { return crypto::toHex(crypto::merkleHashBytes(h)); }

// name -> hex, from section 8 of the spec.
std::map<std::string, std::string> valuesInSpec() {
    std::ifstream in(std::string(YISHI_SOURCE_DIR) + "/docs/election-record.md");
    std::string line;
    bool in_section = false;
    std::map<std::string, std::string> values;
    std::string current;
    const std::regex start(R"(^    ([A-Za-z_][A-Za-z0-9_\[\]():]*) = ?([0-9a-f]*)$)");
    const std::regex more(R"(^    ([0-9a-f]+)$)");
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) in_section = line.rfind("## 8.", 0) == 0;
        if (!in_section) continue;
        std::smatch m;
        if (std::regex_match(line, m, start)) {
            current = m[1];
            values[current] = m[2];
        } else if (!current.empty() && std::regex_match(line, m, more)) {
            values[current] += m[1];
        } else {
            current.clear();
        }
    }
    return values;
}

struct WorkedExample {
    std::map<std::string, std::string> values;

    WorkedExample() {
        auto trustee = Trustee::fromKeys(1, "Trustee 1", std::string(32, '\x11'), std::string(32, '\x22')).value();
        auto board_key = crypto::SigningKey::fromSeed(std::string(32, '\x33')).value();
        auto voter =
            Credential::fromSeed(unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")).value();
        Manifest m;
        m.ref = "example-1";
        m.scope = "community/1";
        m.subject = "proposal/7";
        m.kind = ElectionKind::kReferendum;
        m.title = "Amend rule 3 of the dog-keeping convention";
        m.options = {{"yes", 0, ""}, {"no", 0, ""}, {"abstain", 0, ""}};
        m.opens_at_ms = kOpensAt;
        m.closes_at_ms = kClosesAt;
        m.trustees = {trustee.spec()};
        m.quorum = 1;
        m.demo = true;
        m.board_pk = board_key.verifyKey().encoded();
        BOOST_REQUIRE(m.validate().isOk());
        const std::string manifest = m.encoded();
        BoardLog board(manifest, board_key);
        const auto eid = board.electionId();
        std::int64_t at = kOpensAt;
        const auto append = [&](const Message& message) {
            return board.append(encodeMessage(message, eid), at += 1000);
        };
        append(trustee.commit(m, eid, fixedNonces({7})));
        const TrusteeReveal reveal = trustee.reveal(eid, fixedNonces({4001}));
        append(reveal);
        append(trustee.shares(m, eid).value());
        append(trustee.confirm(m, eid, {reveal}, {}).value());
        const Open open = openKeys(m, {reveal}).value();
        append(open);
        const Enroll enroll = voter.enroll(eid);
        append(enroll);
        const auto y = crypto::Point::parse(open.y).value();
        const Ballot ballot =
            voter
                .ballot(m, eid, y, {1, 0, 0},
                        fixedNonces({1000, 2001, 2002, 2003, 1001, 2011, 2012, 2013, 1002, 2021, 2022, 2023, 3001}))
                .value();
        const auto ballot_index = append(ballot);
        const std::string ballot_message = encodeMessage(ballot, eid);
        const TreeHead head = board.signHead(at + 1000);

        values["trustee_sign_pk"] = hex(trustee.spec().sign_pk);
        values["trustee_box_pk"] = hex(trustee.spec().box_pk);
        values["board_pk"] = hex(m.board_pk);
        values["cred_pk"] = hex(voter.publicKey());
        values["manifest"] = hex(manifest);
        values["EID"] = hex(crypto::asBytes(eid));
        values["h_1"] = hex(std::get<TrusteeCommit>(Message(trustee.commit(m, eid))).commitment);
        values["Y"] = hex(open.y);
        values["enroll"] = hex(encodeMessage(enroll, eid));
        values["ballot"] = hex(ballot_message);
        values["ballot_hash"] = hex(ballotHash(ballot_message));
        const std::string& entry = board.entry(ballot_index);
        values["D_7_prefix"] = hex(entry.substr(0, entry.size() - ballot_message.size()));
        values["LH_D_0"] = hex(crypto::merkleLeafHash(board.entry(0)));
        values["LH_D_1"] = hex(crypto::merkleLeafHash(board.entry(1)));
        values["root_2"] = hex(board.inclusionProof(0, 2).value().at(0)) == values["LH_D_1"]
                               ? hex(crypto::merkleNodeHash(crypto::merkleLeafHash(board.entry(0)),
                                                            crypto::merkleLeafHash(board.entry(1))))
                               : std::string("inconsistent");
        values["LH_D_7"] = hex(crypto::merkleLeafHash(board.entry(ballot_index)));
        values["root_8"] = hex(head.root);
        values["sth_8"] = hex(head.encoded());
        values["Hb_record"] = hex(crypto::hashBytes(LengthPrefixed("yishi/v1/test").bytes(board.record(head))));
        tracking = trackingCode(ballotHash(ballot_message));
        record = board.record(head);
    }
    std::string tracking;
    std::string record;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(election_record_worked_example)

BOOST_AUTO_TEST_CASE(every_value_printed_in_section_8_is_what_the_code_makes) {
    const WorkedExample example;
    const auto spec = valuesInSpec();
    for (const auto& [name, value] : example.values) BOOST_TEST_MESSAGE(name << " = " << value);
    for (const auto& [name, value] : example.values) {
        auto it = spec.find(name);
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST_REQUIRE((it != spec.end()), "section 8 does not print " << name);
            BOOST_TEST(it->second == value);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_tracking_code_in_section_8_is_the_ballots) {
    const WorkedExample example;
    std::ifstream in(std::string(YISHI_SOURCE_DIR) + "/docs/election-record.md");
    std::stringstream text;
    text << in.rdbuf();
    BOOST_TEST(text.str().find("tracking code " + example.tracking) != std::string::npos, example.tracking);
}

// Section 8 says the example's record passes checks 1–27.
BOOST_AUTO_TEST_CASE(the_worked_example_record_passes_every_check) {
    const WorkedExample example;
    BOOST_TEST(verifyRecord(example.record).line() == "OK open: 3 options, 1 ballot, 1 counted so far");
}

BOOST_AUTO_TEST_SUITE_END()
