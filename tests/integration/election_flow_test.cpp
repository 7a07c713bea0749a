#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <chrono>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"
#include "yishi/crypto/group.h"
#include "yishi/crypto/merkle_hash.h"
#include "yishi/crypto/merkle_verify.h"
#include "yishi/election/board.h"
#include "yishi/election/board_state.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/receipt.h"
#include "yishi/election/trustee.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::testing;

namespace {

std::string unhex(const std::string& hex) { return crypto::fromHex(hex).value(); }

std::int64_t nowSeconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

// An election as a voter's client sees it: its manifest, EID and key.
struct ElectionInfo {
    std::int64_t id = 0;
    std::string path;
    election::Manifest manifest;
    crypto::ElectionId eid{};
    crypto::Point y;
    std::string board_pk;
};

ElectionInfo infoOf(HttpClient& client, std::int64_t id) {
    ElectionInfo info;
    info.id = id;
    info.path = "/api/v1/elections/" + std::to_string(id);
    HttpResult r = client.get(info.path);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    const std::string manifest = unhex(r.json()->getValue<std::string>("manifest"));
    info.manifest = election::Manifest::parse(manifest).value();
    info.eid = election::electionIdOf(manifest);
    BOOST_REQUIRE(crypto::toHex(crypto::asBytes(info.eid)) == r.json()->getValue<std::string>("eid"));
    info.y = crypto::Point::parse(unhex(r.json()->getValue<std::string>("election_key"))).value();
    info.board_pk = unhex(r.json()->getValue<std::string>("board_pk"));
    return info;
}

std::int64_t createReferendum(HttpClient& committee, std::int64_t opens_at, std::int64_t closes_at) {
    HttpResult r = committee.post("/api/v1/communities/1/elections",
                                  R"({"kind":"referendum","title":"修订《文明养犬公约》第三条","subject":"proposal/7",)"
                                  R"("opens_at":)" +
                                      std::to_string(opens_at) + R"(,"closes_at":)" + std::to_string(closes_at) +
                                      R"(,"trustees":"demo"})");
    BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.json()->getValue<std::int64_t>("id");
}

std::string enrollBody(const election::Enroll& e, const ElectionInfo& info) {
    return R"({"enroll":")" + crypto::toHex(election::encodeMessage(e, info.eid)) + R"("})";
}

std::string ballotBytes(const election::Credential& voter, const ElectionInfo& info, const std::vector<int>& choice) {
    return election::encodeMessage(voter.ballot(info.manifest, info.eid, info.y, choice).value(), info.eid);
}

std::string ballotBody(const std::string& ballot) { return R"({"ballot":")" + crypto::toHex(ballot) + R"("})"; }

// A ballot of `voter` changed by `tamper` and signed again, so that only
// the tampered part is wrong.
template <typename Tamper>
std::string tamperedBallot(const election::Credential& voter, const ElectionInfo& info, Tamper tamper) {
    election::Ballot ballot = voter.ballot(info.manifest, info.eid, info.y, {1, 0, 0}).value();
    tamper(ballot);
    const crypto::SigningKey key = crypto::SigningKey::fromSeed(voter.seed()).value();
    return election::encodeMessage(election::signMessage(ballot, info.eid, key), info.eid);
}

std::uint64_t boardSize(HttpClient& client, const ElectionInfo& info) {
    return client.get(info.path + "/head").json()->getValue<std::uint64_t>("size");
}

crypto::MerkleHash hashOf(const std::string& hex) { return crypto::merkleHashFromBytes(unhex(hex)).value(); }

// Checks a receipt as a voter's client does (docs/election-record.md 6.4).
void checkReceipt(const HttpResult& receipt, const ElectionInfo& info, const std::string& ballot) {
    auto r = receipt.json();
    auto head = r->getObject("head");
    election::TreeHead signed_head = election::TreeHead::parse(unhex(head->getValue<std::string>("bytes"))).value();
    BOOST_TEST(signed_head.verifySignature(info.board_pk).isOk());
    BOOST_TEST(signed_head.size == head->getValue<std::uint64_t>("size"));
    BOOST_TEST((signed_head.root == hashOf(head->getValue<std::string>("root"))));
    BOOST_TEST((signed_head.eid == info.eid));
    const election::Entry entry{info.eid, r->getValue<std::int64_t>("at"), ballot};
    std::vector<crypto::MerkleHash> proof;
    auto items = r->getArray("inclusion_proof");
    for (std::size_t i = 0; i < items->size(); ++i)
        proof.push_back(hashOf(items->getElement<std::string>(static_cast<unsigned>(i))));
    BOOST_TEST(crypto::verifyInclusion(crypto::merkleLeafHash(entry.encoded()), r->getValue<std::uint64_t>("index"),
                                       signed_head.size, proof, signed_head.root)
                   .isOk());
    // And as core/election's client check does it.
    BOOST_TEST(election::checkReceipt(info.board_pk, info.eid, ballot, r->getValue<std::uint64_t>("index"),
                                      r->getValue<std::int64_t>("at"), unhex(head->getValue<std::string>("bytes")),
                                      proof)
                   .isOk());
    const std::string hash = election::ballotHash(ballot);
    BOOST_TEST(r->getValue<std::string>("ballot_hash") == crypto::toHex(hash));
    BOOST_TEST(r->getValue<std::string>("tracking_code") == election::trackingCode(hash));
}

// Waits until the election reaches `phase` (the server closes by itself).
Poco::JSON::Object::Ptr awaitPhase(HttpClient& client, const std::string& path, const std::string& phase) {
    for (int i = 0; i < 120; ++i) {
        HttpResult r = client.get(path);
        if (r.json()->getValue<std::string>("phase") == phase) return r.json();
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    BOOST_FAIL("the election did not reach " + phase);
    return nullptr;
}

Poco::JSON::Object::Ptr awaitPublished(HttpClient& client, const ElectionInfo& info) {
    return awaitPhase(client, info.path, "published");
}

// Every entry of the record passes BoardState's checks; returns the state.
election::BoardState replayRecord(HttpClient& client, const ElectionInfo& info) {
    HttpResult file = client.get(info.path + "/record");
    BOOST_REQUIRE_EQUAL(file.status, 200);
    BOOST_TEST(file.headers["Content-Type"] == "application/octet-stream");
    election::Record record = election::Record::parse(file.body).value();
    election::TreeHead head = election::TreeHead::parse(record.head).value();
    BOOST_TEST(head.verifySignature(info.board_pk).isOk());
    BOOST_TEST(head.size == record.entries.size());
    election::BoardState state = election::BoardState::start(record.entries.front()).value();
    for (std::size_t i = 1; i < record.entries.size(); ++i) {
        const Status s = state.append(record.entries[i]);
        BOOST_TEST(s.isOk(), "entry " << i << ": " << s.toString());
    }
    BOOST_TEST((state.root() == head.root));
    return state;
}

std::vector<std::int64_t> numbers(Poco::JSON::Array::Ptr items) {
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < items->size(); ++i)
        out.push_back(items->getElement<std::int64_t>(static_cast<unsigned>(i)));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(election_flow)

BOOST_AUTO_TEST_CASE(a_demo_referendum_from_creation_to_a_verifiable_published_result) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    HttpClient alice(server.port());
    alice.loginBearer("resident1", server.password("resident1"));
    HttpClient bob(server.port());
    bob.loginBearer("resident2", server.password("resident2"));
    HttpClient visitor(server.port());

    BOOST_TEST(alice
                   .post("/api/v1/communities/1/elections", R"({"kind":"referendum","title":"x","closes_at":)" +
                                                                std::to_string(nowSeconds() + 60) +
                                                                R"(,"trustees":"demo"})")
                   .errorCode() == "election.forbidden");
    const std::int64_t closes_at = nowSeconds() + 8;
    const ElectionInfo info = infoOf(visitor, createReferendum(committee, nowSeconds() - 1, closes_at));
    BOOST_TEST(info.manifest.demo);
    BOOST_TEST(info.manifest.trustees.size() == 3u);
    BOOST_TEST(info.manifest.quorum == 2);

    // Another election, not open yet: its ballots are another election's here.
    const ElectionInfo later = infoOf(visitor, createReferendum(committee, nowSeconds() + 3600, nowSeconds() + 7200));

    const election::Credential a = election::Credential::generate();
    const election::Credential b = election::Credential::generate();
    HttpResult enrolled = alice.post(info.path + "/credentials", enrollBody(a.enroll(info.eid), info));
    BOOST_REQUIRE_MESSAGE(enrolled.status == 201, enrolled.body);
    BOOST_TEST(alice.get(info.path).json()->getValue<std::string>("my_credential") == crypto::toHex(a.publicKey()));
    BOOST_TEST(bob.get(info.path).json()->isNull("my_credential"));
    BOOST_REQUIRE_EQUAL(bob.post(info.path + "/credentials", enrollBody(b.enroll(info.eid), info)).status, 201);
    // One active credential per resident.
    const election::Credential spare = election::Credential::generate();
    BOOST_TEST(alice.post(info.path + "/credentials", enrollBody(spare.enroll(info.eid), info)).errorCode() ==
               "credential.exists");

    const std::string a_yes = ballotBytes(a, info, {1, 0, 0});
    HttpResult receipt = alice.post(info.path + "/ballots", ballotBody(a_yes));
    BOOST_REQUIRE_MESSAGE(receipt.status == 201, receipt.body);
    checkReceipt(receipt, info, a_yes);
    const std::string b_no = ballotBytes(b, info, {0, 1, 0});
    BOOST_REQUIRE_EQUAL(bob.post(info.path + "/ballots", ballotBody(b_no)).status, 201);
    // Bob changes his mind: his last ballot counts.
    const std::string b_abstain = ballotBytes(b, info, {0, 0, 1});
    HttpResult revote = bob.post(info.path + "/ballots", ballotBody(b_abstain));
    BOOST_REQUIRE_EQUAL(revote.status, 201);
    checkReceipt(revote, info, b_abstain);

    // Each refused ballot keeps the board as it was.
    const std::uint64_t size = boardSize(visitor, info);
    auto refused = [&](HttpClient& voter, const std::string& ballot, const std::string& code, int status) {
        HttpResult r = voter.post(info.path + "/ballots", ballotBody(ballot));
        BOOST_TEST(r.errorCode() == code, code << ": " << r.body);
        BOOST_TEST(r.status == status, code);
        BOOST_TEST(boardSize(visitor, info) == size, code);
    };
    refused(alice, a_yes, "ballot.replay", 409);
    refused(alice, a_yes.substr(0, a_yes.size() - 10), "ballot.format", 400);
    std::string forged = a_yes;
    forged.back() = static_cast<char>(forged.back() ^ 1);
    refused(alice, forged, "ballot.signature", 400);
    refused(alice, ballotBytes(a, later, {1, 0, 0}), "ballot.wrong_election", 400);
    refused(alice, ballotBytes(spare, info, {1, 0, 0}), "ballot.not_enrolled", 409);
    refused(bob, ballotBytes(a, info, {1, 0, 0}), "ballot.not_enrolled", 409);
    refused(alice, tamperedBallot(a, info, [](election::Ballot& x) { x.options[0].a = std::string(32, '\xff'); }),
            "ballot.point", 400);
    refused(alice, tamperedBallot(a, info, [](election::Ballot& x) { x.options[0].proof[31] = '\xff'; }),
            "ballot.scalar", 400);
    refused(alice, tamperedBallot(a, info, [](election::Ballot& x) { x.options[1].proof[0] ^= 1; }), "ballot.proof",
            400);
    refused(alice, tamperedBallot(a, info, [](election::Ballot& x) { x.range_proof[0] ^= 1; }), "ballot.range", 400);
    // Voting in the election not open yet.
    const election::Credential c = election::Credential::generate();
    BOOST_REQUIRE_EQUAL(alice.post(later.path + "/credentials", enrollBody(c.enroll(later.eid), later)).status, 201);
    BOOST_TEST(alice.post(later.path + "/ballots", ballotBody(ballotBytes(c, later, {1, 0, 0}))).errorCode() ==
               "ballot.not_open");
    BOOST_TEST(committee.post(later.path + "/close", "{}").errorCode() == "election.not_due");
    BOOST_TEST(alice.post(later.path + "/close", "{}").errorCode() == "election.forbidden");

    // Nobody learns a count before the result is on the board.
    auto open = visitor.get(info.path).json();
    BOOST_TEST(open->getValue<std::string>("phase") == "open");
    BOOST_TEST(open->isNull("counts"));
    BOOST_TEST(open->isNull("selected"));
    auto listed = visitor.get("/api/v1/communities/1/elections").json()->getArray("items");
    for (std::size_t i = 0; i < listed->size(); ++i)
        BOOST_TEST(listed->getObject(static_cast<unsigned>(i))->isNull("counts"));

    auto published = awaitPublished(visitor, info);
    BOOST_TEST(numbers(published->getArray("counts")) == (std::vector<std::int64_t>{1, 0, 1}));
    BOOST_TEST(numbers(published->getArray("selected")) == (std::vector<std::int64_t>{0}));
    BOOST_TEST(bob.post(info.path + "/ballots", ballotBody(ballotBytes(b, info, {1, 0, 0}))).errorCode() ==
               "ballot.closed");
    BOOST_TEST(bob.post(info.path + "/credentials", enrollBody(spare.enroll(info.eid), info)).errorCode() ==
               "enroll.closed");

    // The record: every entry passes the verifier's checks, under the head.
    election::BoardState state = replayRecord(visitor, info);
    BOOST_TEST((state.phase() == election::Phase::kPublished));
    BOOST_TEST(state.result()->counts == (std::vector<std::int64_t>{1, 0, 1}));
    const election::TreeHead head =
        election::TreeHead::parse(unhex(visitor.get(info.path + "/head").json()->getValue<std::string>("bytes")))
            .value();
    BOOST_TEST(head.size == state.size());

    // The first receipt's head is a prefix of the final board.
    auto first = receipt.json()->getObject("head");
    const std::uint64_t from = first->getValue<std::uint64_t>("size");
    HttpResult consistency = visitor.get(info.path + "/proofs/consistency?from=" + std::to_string(from) +
                                         "&to=" + std::to_string(head.size));
    BOOST_REQUIRE_EQUAL(consistency.status, 200);
    std::vector<crypto::MerkleHash> proof;
    auto items = consistency.json()->getArray("proof");
    for (std::size_t i = 0; i < items->size(); ++i)
        proof.push_back(hashOf(items->getElement<std::string>(static_cast<unsigned>(i))));
    BOOST_TEST(
        crypto::verifyConsistency(from, head.size, hashOf(first->getValue<std::string>("root")), head.root, proof)
            .isOk());
    BOOST_TEST(visitor.get(info.path + "/proofs/consistency?from=5&to=999999").errorCode() == "proof.bad_size");
    BOOST_TEST(visitor.get(info.path + "/proofs/inclusion?index=1&size=x").errorCode() == "query.size");
    HttpResult inclusion = visitor.get(info.path + "/proofs/inclusion?index=1&size=" + std::to_string(head.size));
    BOOST_TEST(inclusion.status == 200);
}

BOOST_AUTO_TEST_CASE(external_trustees_open_the_election_and_publish_its_result) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    HttpClient alice(server.port());
    alice.loginBearer("resident1", server.password("resident1"));
    HttpClient trustee_machine(server.port());  // no session: signatures speak

    std::vector<election::Trustee> trustees;
    std::string list;
    for (std::int64_t j = 1; j <= 3; ++j) {
        trustees.push_back(election::Trustee::generate(j, "监票人 " + std::to_string(j)));
        const election::TrusteeSpec spec = trustees.back().spec();
        list += std::string(list.empty() ? "" : ",") + R"({"name":")" + spec.name + R"(","sign_pk":")" +
                crypto::toHex(spec.sign_pk) + R"(","box_pk":")" + crypto::toHex(spec.box_pk) + R"("})";
    }
    const std::string times =
        R"("opens_at":)" + std::to_string(nowSeconds() - 1) + R"(,"closes_at":)" + std::to_string(nowSeconds() + 10);
    BOOST_TEST(committee
                   .post("/api/v1/communities/1/elections",
                         R"({"kind":"referendum","title":"t",)" + times + R"(,"trustees":"some"})")
                   .errorCode() == "election.trustees");
    HttpResult created =
        committee.post("/api/v1/communities/1/elections", R"({"kind":"referendum","title":"增设充电桩",)" + times +
                                                              R"(,"trustees":[)" + list + R"(],"quorum":2})");
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    BOOST_TEST(created.json()->getValue<std::string>("phase") == "ceremony");
    BOOST_TEST(created.json()->isNull("election_key"));
    BOOST_TEST(!created.json()->getValue<bool>("demo"));
    const std::string path = "/api/v1/elections/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    const std::string manifest_bytes = unhex(created.json()->getValue<std::string>("manifest"));
    const election::Manifest manifest = election::Manifest::parse(manifest_bytes).value();
    const crypto::ElectionId eid = election::electionIdOf(manifest_bytes);

    auto post = [&](const election::Message& m) {
        return trustee_machine.post(path + "/trustee-messages",
                                    R"({"message":")" + crypto::toHex(election::encodeMessage(m, eid)) + R"("})");
    };
    for (auto& t : trustees) BOOST_REQUIRE_EQUAL(post(t.commit(manifest, eid)).status, 201);
    const std::uint64_t size = trustee_machine.get(path + "/head").json()->getValue<std::uint64_t>("size");
    HttpResult again = post(trustees[0].commit(manifest, eid));
    BOOST_TEST(again.status == 400);
    BOOST_TEST(trustee_machine.get(path + "/head").json()->getValue<std::uint64_t>("size") == size);
    // The board page by page, as a trustee's client replays it.
    HttpResult page = trustee_machine.get(path + "/entries?from=0&limit=2");
    BOOST_REQUIRE_EQUAL(page.status, 200);
    BOOST_TEST(page.json()->getValue<std::uint64_t>("size") == size);
    BOOST_REQUIRE_EQUAL(page.json()->getArray("entries")->size(), 2u);
    BOOST_TEST(unhex(page.json()->getArray("entries")->getElement<std::string>(0)) == manifest_bytes);
    BOOST_TEST(election::Entry::parse(unhex(page.json()->getArray("entries")->getElement<std::string>(1))).isOk());
    HttpResult rest = trustee_machine.get(path + "/entries?from=2&limit=1000");
    BOOST_TEST(rest.json()->getArray("entries")->size() == size - 2);
    BOOST_TEST(trustee_machine.get(path + "/entries?from=" + std::to_string(size) + "&limit=5")
                   .json()
                   ->getArray("entries")
                   ->size() == 0u);
    BOOST_TEST(trustee_machine.get(path + "/entries?from=0&limit=0").errorCode() == "query.limit");
    BOOST_TEST(trustee_machine.get(path + "/entries?from=x&limit=5").errorCode() == "query.from");
    BOOST_TEST(trustee_machine.get("/api/v1/elections/999999/entries?from=0&limit=5").errorCode() ==
               "election.not_found");
    std::vector<election::TrusteeReveal> reveals;
    std::vector<election::TrusteeShares> shares;
    for (auto& t : trustees) {
        reveals.push_back(t.reveal(eid));
        BOOST_REQUIRE_EQUAL(post(reveals.back()).status, 201);
    }
    for (auto& t : trustees) {
        shares.push_back(t.shares(manifest, eid).value());
        BOOST_REQUIRE_EQUAL(post(shares.back()).status, 201);
    }
    std::string phase;
    for (auto& t : trustees) {
        HttpResult ok = post(t.confirm(manifest, eid, reveals, shares).value());
        BOOST_REQUIRE_MESSAGE(ok.status == 201, ok.body);
        phase = ok.json()->getValue<std::string>("phase");
    }
    BOOST_TEST(phase == "open");
    const ElectionInfo info = infoOf(alice, created.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(info.y.encoded() == election::openKeys(manifest, reveals).value().y);

    const election::Credential a = election::Credential::generate();
    BOOST_REQUIRE_EQUAL(alice.post(info.path + "/credentials", enrollBody(a.enroll(info.eid), info)).status, 201);
    const std::string yes = ballotBytes(a, info, {1, 0, 0});
    BOOST_REQUIRE_EQUAL(alice.post(info.path + "/ballots", ballotBody(yes)).status, 201);
    BOOST_TEST(trustee_machine.post(path + "/trustee-messages", R"({"message":")" + crypto::toHex(yes) + R"("})")
                   .errorCode() == "trustee.format");

    awaitPhase(alice, path, "tallied");
    std::optional<election::Tally> tally = replayRecord(alice, info).tally();
    BOOST_REQUIRE(tally.has_value());
    HttpResult first = post(trustees[2].partial(eid, *tally).value());
    BOOST_REQUIRE_MESSAGE(first.status == 201, first.body);
    BOOST_TEST(first.json()->getValue<std::string>("phase") == "tallied");
    BOOST_TEST(alice.get(path).json()->isNull("counts"));
    BOOST_TEST(post(trustees[2].partial(eid, *tally).value()).status == 400);
    HttpResult second = post(trustees[0].partial(eid, *tally).value());
    BOOST_REQUIRE_MESSAGE(second.status == 201, second.body);
    BOOST_TEST(second.json()->getValue<std::string>("phase") == "published");
    auto published = alice.get(path).json();
    BOOST_TEST(numbers(published->getArray("counts")) == (std::vector<std::int64_t>{1, 0, 0}));
    BOOST_TEST(numbers(published->getArray("selected")) == (std::vector<std::int64_t>{0}));
    BOOST_TEST((replayRecord(alice, info).phase() == election::Phase::kPublished));
}

BOOST_AUTO_TEST_CASE(send_to_vote_opens_a_referendum_whose_published_result_decides_the_proposal) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    HttpClient alice(server.port());
    alice.loginBearer("resident1", server.password("resident1"));
    HttpClient bob(server.port());
    bob.loginBearer("resident2", server.password("resident2"));
    const auto act = [&](std::int64_t id, const std::string& body) {
        return committee.post("/api/v1/proposals/" + std::to_string(id) + "/actions", body);
    };
    HttpResult raised =
        alice.post("/api/v1/communities/1/proposals",
                   R"({"kind":"rule","title":"楼道禁止堆放杂物","body":"消防通道保持畅通","submit":true})");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    const std::int64_t proposal = raised.json()->getValue<std::int64_t>("id");
    BOOST_REQUIRE_EQUAL(act(proposal, R"({"action":"start_screening"})").status, 200);
    BOOST_REQUIRE_EQUAL(act(proposal, R"({"action":"accept","reason":"居民关心"})").status, 200);
    BOOST_REQUIRE_EQUAL(act(proposal, R"({"action":"open_consultation","consultation_ends_at":)" +
                                          std::to_string(nowSeconds() + 86400) + "}")
                            .status,
                        200);
    // A referendum that does not exist, or is not about this proposal, is not attached.
    HttpResult wrong = act(proposal, R"({"action":"send_to_vote","reason":"协商充分","early_end_reason":"意见一致",)"
                                     R"("election_id":999})");
    BOOST_TEST(wrong.errorCode() == "proposal.election_id");
    const std::int64_t closes_at = nowSeconds() + 4;
    HttpResult sent = act(proposal, R"({"action":"send_to_vote","reason":"协商充分","early_end_reason":"意见一致",)"
                                    R"("vote_closes_at":)" +
                                        std::to_string(closes_at) + "}");
    BOOST_REQUIRE_MESSAGE(sent.status == 200, sent.body);
    BOOST_TEST(sent.json()->getValue<std::string>("state") == "voting");
    const std::int64_t election = sent.json()->getValue<std::int64_t>("election_id");
    BOOST_TEST(election > 0);
    HttpResult opened = alice.get("/api/v1/elections/" + std::to_string(election));
    BOOST_TEST(opened.json()->getValue<std::string>("subject") == "proposal/" + std::to_string(proposal));
    BOOST_TEST(opened.json()->getValue<std::string>("kind") == "referendum");
    BOOST_TEST(opened.json()->getValue<std::string>("phase") == "open");

    // The committee no longer decides it by hand, and is not offered to.
    BOOST_TEST(act(proposal, R"({"action":"adopt","reason":"通过"})").errorCode() == "proposal.decided_by_vote");
    auto offered = committee.get("/api/v1/proposals/" + std::to_string(proposal)).json()->getArray("allowed_actions");
    for (std::size_t i = 0; i < offered->size(); ++i) {
        BOOST_TEST(offered->getElement<std::string>(static_cast<unsigned>(i)) != "adopt");
        BOOST_TEST(offered->getElement<std::string>(static_cast<unsigned>(i)) != "not_adopt");
    }

    // Two residents vote yes.
    const ElectionInfo info = infoOf(alice, election);
    for (HttpClient* voter : {&alice, &bob}) {
        const election::Credential credential = election::Credential::generate();
        BOOST_REQUIRE_EQUAL(
            voter->post(info.path + "/credentials", enrollBody(credential.enroll(info.eid), info)).status, 201);
        HttpResult cast = voter->post(info.path + "/ballots", ballotBody(ballotBytes(credential, info, {1, 0, 0})));
        BOOST_REQUIRE_MESSAGE(cast.status == 201, cast.body);
    }
    while (nowSeconds() <= closes_at) std::this_thread::sleep_for(std::chrono::milliseconds(200));

    HttpResult published = alice.get(info.path);
    BOOST_REQUIRE_EQUAL(published.json()->getValue<std::string>("phase"), "published");
    HttpResult decided = alice.get("/api/v1/proposals/" + std::to_string(proposal));
    BOOST_TEST(decided.json()->getValue<std::string>("state") == "adopted");
    // The reason is words the resident reads; the vote is a structured field.
    BOOST_TEST(decided.json()->getValue<std::string>("reason") == "居民投票结果：通过");
    BOOST_TEST(decided.json()->getValue<std::int64_t>("reason_election_id") == election);
    HttpResult history = alice.get("/api/v1/proposals/" + std::to_string(proposal) + "/history");
    BOOST_TEST(history.body.find("\"election_id\":" + std::to_string(election)) != std::string::npos, history.body);
    BOOST_TEST(history.body.find("election/") == std::string::npos, history.body);
    HttpResult in_english = alice.send("GET", "/api/v1/proposals/" + std::to_string(proposal), "", "application/json",
                                       {{"Accept-Language", "en"}});
    BOOST_TEST(in_english.json()->getValue<std::string>("reason") == "Residents' vote: adopted");
}

BOOST_AUTO_TEST_CASE(a_wish_round_is_selected_by_the_districts_plugin_and_names_it_in_the_record) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    HttpClient alice(server.port());
    alice.loginBearer("resident1", server.password("resident1"));
    HttpClient bob(server.port());
    bob.loginBearer("resident2", server.password("resident2"));
    const std::string options =
        R"("options":[{"label":"加装电梯","cost":450},{"label":"停车棚","cost":120},{"label":"健身步道","cost":80}],)"
        R"("min":0,"max":2,"budget":550,)";
    // A rule that needs every voter's approval set cannot run on a secret ballot.
    HttpResult mes = committee.post("/api/v1/communities/1/elections",
                                    R"({"kind":"approval","title":"民心项目","subject":"round/1",)" + options +
                                        R"("rule":"mes-add1","closes_at":)" + std::to_string(nowSeconds() + 60) +
                                        R"(,"trustees":"demo"})");
    BOOST_TEST(mes.errorCode() == "election.rule");
    BOOST_TEST(mes.body.find("totals") != std::string::npos, mes.body);

    const std::int64_t closes_at = nowSeconds() + 4;
    HttpResult created =
        committee.post("/api/v1/communities/1/elections",
                       R"({"kind":"approval","title":"民心项目","subject":"round/1",)" + options +
                           R"("rule":"greedy","closes_at":)" + std::to_string(closes_at) + R"(,"trustees":"demo"})");
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const ElectionInfo info = infoOf(alice, created.json()->getValue<std::int64_t>("id"));
    // The manifest names the plugin that will select, down to its source.
    HttpResult plugin = alice.get("/api/v1/districts/1/plugins");
    BOOST_TEST(info.manifest.rule == "greedy");
    BOOST_TEST(info.manifest.rule_version ==
               plugin.json()->getValue<std::string>("name") + " " + plugin.json()->getValue<std::string>("version"));
    BOOST_TEST(info.manifest.rule_hash == plugin.json()->getValue<std::string>("hash"));

    const std::vector<std::pair<HttpClient*, std::vector<int>>> votes{{&alice, {1, 1, 0}}, {&bob, {0, 1, 1}}};
    for (const auto& [voter, choice] : votes) {
        const election::Credential credential = election::Credential::generate();
        BOOST_REQUIRE_EQUAL(
            voter->post(info.path + "/credentials", enrollBody(credential.enroll(info.eid), info)).status, 201);
        HttpResult cast = voter->post(info.path + "/ballots", ballotBody(ballotBytes(credential, info, choice)));
        BOOST_REQUIRE_MESSAGE(cast.status == 201, cast.body);
    }
    while (nowSeconds() <= closes_at) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    HttpResult published = alice.get(info.path);
    BOOST_REQUIRE_MESSAGE(published.json()->getValue<std::string>("phase") == "published", published.body);
    // Counts 1, 2, 1: 停车棚 (120) first; 加装电梯 (450) does not fit the 430 left; 健身步道 (80) does.
    auto selected = published.json()->getArray("selected");
    BOOST_REQUIRE_EQUAL(selected->size(), 2u);
    BOOST_TEST(selected->getElement<std::int64_t>(0) == 1);
    BOOST_TEST(selected->getElement<std::int64_t>(1) == 2);
    HttpResult record = alice.get(info.path + "/record");
    BOOST_TEST(election::verifyRecord(record.body).ok(), election::verifyRecord(record.body).line());
}

BOOST_AUTO_TEST_CASE(the_board_survives_a_restart_and_voting_goes_on) {
    ServerProcess server;
    std::int64_t id = 0;
    const election::Credential a = election::Credential::generate();
    std::string root;
    std::uint64_t size = 0;
    {
        HttpClient committee(server.port());
        committee.loginBearer("committee1", server.password("committee1"));
        HttpClient alice(server.port());
        alice.loginBearer("resident1", server.password("resident1"));
        id = createReferendum(committee, nowSeconds() - 1, nowSeconds() + 3600);
        const ElectionInfo info = infoOf(alice, id);
        BOOST_REQUIRE_EQUAL(alice.post(info.path + "/credentials", enrollBody(a.enroll(info.eid), info)).status, 201);
        BOOST_REQUIRE_EQUAL(alice.post(info.path + "/ballots", ballotBody(ballotBytes(a, info, {1, 0, 0}))).status,
                            201);
        auto head = alice.get(info.path + "/head").json();
        root = head->getValue<std::string>("root");
        size = head->getValue<std::uint64_t>("size");
    }

    server.restart();

    HttpClient alice(server.port());
    alice.loginBearer("resident1", server.password("resident1"));
    const ElectionInfo info = infoOf(alice, id);
    auto head = alice.get(info.path + "/head").json();
    BOOST_TEST(head->getValue<std::string>("root") == root);
    BOOST_TEST(head->getValue<std::uint64_t>("size") == size);
    BOOST_TEST(alice.get(info.path).json()->getValue<std::string>("my_credential") == crypto::toHex(a.publicKey()));
    const std::string again = ballotBytes(a, info, {0, 1, 0});
    HttpResult receipt = alice.post(info.path + "/ballots", ballotBody(again));
    BOOST_REQUIRE_MESSAGE(receipt.status == 201, receipt.body);
    BOOST_TEST(receipt.json()->getValue<std::uint64_t>("index") == size);
    checkReceipt(receipt, info, again);
}

BOOST_AUTO_TEST_SUITE_END()
