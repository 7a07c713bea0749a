// Receipts are promises: a ballot answered with a receipt is on the board
// even when the server is killed (SIGKILL) while ballots are arriving.

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"
#include "yishi/crypto/group.h"
#include "yishi/crypto/merkle_hash.h"
#include "yishi/crypto/merkle_verify.h"
#include "yishi/election/board.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::testing;

namespace {

std::string unhex(const std::string& hex) { return crypto::fromHex(hex).value(); }

crypto::MerkleHash hashOf(const std::string& hex) { return crypto::merkleHashFromBytes(unhex(hex)).value(); }

std::vector<crypto::MerkleHash> hashes(Poco::JSON::Array::Ptr items) {
    std::vector<crypto::MerkleHash> out;
    for (std::size_t i = 0; i < items->size(); ++i)
        out.push_back(hashOf(items->getElement<std::string>(static_cast<unsigned>(i))));
    return out;
}

// What a voter's client keeps from a receipt.
struct Kept {
    std::string ballot;
    std::uint64_t index = 0;
    std::int64_t at = 0;
    std::uint64_t head_size = 0;
    crypto::MerkleHash head_root{};
};

// A new resident of community 1: joins with the community's code, the
// committee verifies them, they sign in.
HttpClient newResident(ServerProcess& server, HttpClient& committee, const std::string& login) {
    HttpClient client(server.port());
    HttpResult joined = client.post("/api/v1/communities/1/join",
                                    R"({"join_code":")" + server.joinCode("友谊一村") + R"(","login":")" + login +
                                        R"(","display_name":"居民","password":"a-long-password"})");
    BOOST_REQUIRE_MESSAGE(joined.status == 201, joined.body);
    const std::int64_t person = joined.json()->getObject("user")->getValue<std::int64_t>("id");
    BOOST_REQUIRE_EQUAL(committee
                            .post("/api/v1/communities/1/members/" + std::to_string(person) + "/verification",
                                  R"({"decision":"verify"})")
                            .status,
                        200);
    HttpClient signed_in(server.port());
    BOOST_REQUIRE_EQUAL(signed_in.loginBearer(login, "a-long-password").status, 201);
    return signed_in;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(election_crash)

BOOST_AUTO_TEST_CASE(every_receipted_ballot_survives_a_sigkill_during_concurrent_voting) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    HttpResult created = committee.post("/api/v1/communities/1/elections",
                                        R"({"kind":"approval","title":"楼道改造项目","options":[{"label":"照明"},)"
                                        R"({"label":"扶手"},{"label":"信箱"},{"label":"绿化"}],"min":0,"max":2,)"
                                        R"("closes_at":)" +
                                            std::to_string(now + 3600) + R"(,"trustees":"demo"})");
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::string path = "/api/v1/elections/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    auto view = committee.get(path).json();
    const std::string manifest_bytes = unhex(view->getValue<std::string>("manifest"));
    const election::Manifest manifest = election::Manifest::parse(manifest_bytes).value();
    const crypto::ElectionId eid = election::electionIdOf(manifest_bytes);
    const crypto::Point y = crypto::Point::parse(unhex(view->getValue<std::string>("election_key"))).value();
    const std::string board_pk = unhex(view->getValue<std::string>("board_pk"));

    // Six residents, each enrolled with a credential of their own.
    constexpr int kVoters = 6;
    std::vector<HttpClient> voters;
    std::vector<election::Credential> credentials;
    for (int v = 0; v < kVoters; ++v) {
        voters.push_back(newResident(server, committee, "crash.voter" + std::to_string(v)));
        credentials.push_back(election::Credential::generate());
        HttpResult enrolled = voters.back().post(
            path + "/credentials",
            R"({"enroll":")" + crypto::toHex(election::encodeMessage(credentials.back().enroll(eid), eid)) + R"("})");
        BOOST_REQUIRE_MESSAGE(enrolled.status == 201, enrolled.body);
    }

    // They vote again and again, all at once, until the server dies.
    std::mutex kept_mutex;
    std::vector<Kept> kept;
    std::atomic<int> receipts{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (int v = 0; v < kVoters; ++v) {
        threads.emplace_back([&, v] {
            for (int k = 0; !stop.load(); ++k) {
                const std::vector<int> choice = {k % 2, (k + v) % 2, 0, 0};
                const std::string ballot =
                    election::encodeMessage(credentials[v].ballot(manifest, eid, y, choice).value(), eid);
                try {
                    HttpResult r = voters[v].post(path + "/ballots", R"({"ballot":")" + crypto::toHex(ballot) + "\"}");
                    if (r.status != 201) return;
                    auto receipt = r.json();
                    auto head = receipt->getObject("head");
                    Kept one{ballot, receipt->getValue<std::uint64_t>("index"), receipt->getValue<std::int64_t>("at"),
                             head->getValue<std::uint64_t>("size"), hashOf(head->getValue<std::string>("root"))};
                    std::lock_guard<std::mutex> lock(kept_mutex);
                    kept.push_back(std::move(one));
                    ++receipts;
                } catch (const std::exception&) {
                    return;  // the server is gone (Poco's exceptions too): this answer never came
                }
            }
        });
    }
    for (int i = 0; i < 600 && receipts.load() < 40; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server.restart();  // SIGKILL, while ballots are in flight
    stop = true;
    for (auto& t : threads) t.join();
    BOOST_TEST_MESSAGE(kept.size() << " ballots were receipted before the kill");
    BOOST_REQUIRE_GE(kept.size(), 40u);

    HttpClient anyone(server.port());
    auto head_json = anyone.get(path + "/head").json();
    const election::TreeHead head = election::TreeHead::parse(unhex(head_json->getValue<std::string>("bytes"))).value();
    BOOST_TEST(head.verifySignature(board_pk).isOk());
    for (const Kept& k : kept) {
        BOOST_REQUIRE_LT(k.index, head.size);
        // The entry the receipt names, at its index under the new head.
        HttpResult inclusion = anyone.get(path + "/proofs/inclusion?index=" + std::to_string(k.index) +
                                          "&size=" + std::to_string(head.size));
        BOOST_REQUIRE_EQUAL(inclusion.status, 200);
        const std::string entry = election::Entry{eid, k.at, k.ballot}.encoded();
        BOOST_TEST(crypto::verifyInclusion(crypto::merkleLeafHash(entry), k.index, head.size,
                                           hashes(inclusion.json()->getArray("proof")), head.root)
                       .isOk(),
                   "ballot at entry " << k.index);
        // The board the receipt saw is a prefix of the new one.
        HttpResult consistency = anyone.get(path + "/proofs/consistency?from=" + std::to_string(k.head_size) +
                                            "&to=" + std::to_string(head.size));
        BOOST_REQUIRE_EQUAL(consistency.status, 200);
        BOOST_TEST(crypto::verifyConsistency(k.head_size, head.size, k.head_root, head.root,
                                             hashes(consistency.json()->getArray("proof")))
                       .isOk(),
                   "head of size " << k.head_size);
    }
    HttpResult record = anyone.get(path + "/record");
    BOOST_REQUIRE_EQUAL(record.status, 200);
    const election::VerifyReport report = election::verifyRecord(record.body, {});
    BOOST_TEST(report.ok(), report.line());
    BOOST_TEST(report.ballots >= kept.size());

    // Voting goes on after the restart.
    HttpClient again(server.port());
    BOOST_REQUIRE_EQUAL(again.loginBearer("crash.voter0", "a-long-password").status, 201);
    const std::string ballot =
        election::encodeMessage(credentials[0].ballot(manifest, eid, y, {1, 1, 0, 0}).value(), eid);
    HttpResult r = again.post(path + "/ballots", R"({"ballot":")" + crypto::toHex(ballot) + "\"}");
    BOOST_TEST(r.status == 201, r.body);
}

BOOST_AUTO_TEST_CASE(a_ballot_changed_behind_the_servers_back_stops_its_board_after_a_restart) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    HttpClient alice(server.port());
    alice.loginBearer("resident1", server.password("resident1"));
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    HttpResult created =
        committee.post("/api/v1/communities/1/elections", R"({"kind":"referendum","title":"t","closes_at":)" +
                                                              std::to_string(now + 3600) + R"(,"trustees":"demo"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    const std::int64_t id = created.json()->getValue<std::int64_t>("id");
    const std::string path = "/api/v1/elections/" + std::to_string(id);
    auto view = alice.get(path).json();
    const std::string manifest_bytes = unhex(view->getValue<std::string>("manifest"));
    const election::Manifest manifest = election::Manifest::parse(manifest_bytes).value();
    const crypto::ElectionId eid = election::electionIdOf(manifest_bytes);
    const crypto::Point y = crypto::Point::parse(unhex(view->getValue<std::string>("election_key"))).value();
    const election::Credential a = election::Credential::generate();
    BOOST_REQUIRE_EQUAL(alice
                            .post(path + "/credentials",
                                  R"({"enroll":")" + crypto::toHex(election::encodeMessage(a.enroll(eid), eid)) + "\"}")
                            .status,
                        201);
    std::vector<std::uint64_t> indices;
    for (int k = 0; k < 3; ++k) {
        const std::string ballot = election::encodeMessage(a.ballot(manifest, eid, y, {1, 0, 0}).value(), eid);
        HttpResult r = alice.post(path + "/ballots", R"({"ballot":")" + crypto::toHex(ballot) + "\"}");
        BOOST_REQUIRE_EQUAL(r.status, 201);
        indices.push_back(r.json()->getValue<std::uint64_t>("index"));
    }
    server.stop(SIGKILL, 10'000);
    {
        // One byte of the middle ballot's last proof, as someone with the file could change it.
        SQLite::Database db(server.dataDir().file("yishi.db"), SQLite::OPEN_READWRITE);
        db.exec("DROP TRIGGER election_entries_no_update");
        SQLite::Statement read(db, "SELECT bytes FROM election_entries WHERE election_id = ? AND idx = ?");
        read.bind(1, id);
        read.bind(2, static_cast<std::int64_t>(indices[1]));
        BOOST_REQUIRE(read.executeStep());
        std::string bytes = read.getColumn(0).getString();
        bytes[bytes.size() - 64 - 4 - 10] ^= 0x01;
        SQLite::Statement write(db, "UPDATE election_entries SET bytes = ? WHERE election_id = ? AND idx = ?");
        write.bind(1, bytes.data(), static_cast<int>(bytes.size()));
        write.bind(2, id);
        write.bind(3, static_cast<std::int64_t>(indices[1]));
        BOOST_REQUIRE_EQUAL(write.exec(), 1);
    }
    server.restart();
    HttpClient anyone(server.port());
    HttpResult refused = anyone.get(path + "/head");
    BOOST_TEST(refused.status == 500);
    BOOST_TEST(refused.errorCode() == "election.board_corrupt", refused.body);
}

BOOST_AUTO_TEST_SUITE_END()
