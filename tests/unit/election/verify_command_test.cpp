// `yishi verify` as people run it: the binary on record files and on an
// http:// URL, its output line and its exit code.

#include <boost/test/unit_test.hpp>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "hand_built_election.h"
#include "support/temp_dir.h"

using namespace yishi::election::testing;

namespace {

const WholeElection& sharedElection() {
    static const WholeElection w;
    return w;
}

std::string run(const std::string& arguments, int& exit_code) {
    std::string output;
    FILE* pipe = ::popen((std::string(YISHI_BINARY) + " verify " + arguments + " 2>&1").c_str(), "r");
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    exit_code = WEXITSTATUS(::pclose(pipe));
    return output;
}

std::string written(const yishi::testing::TempDir& dir, const std::string& name, const std::string& bytes) {
    std::ofstream(dir.file(name), std::ios::binary) << bytes;
    return dir.file(name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(verify_command)

BOOST_AUTO_TEST_CASE(a_valid_record_prints_ok_and_exits_0) {
    yishi::testing::TempDir dir;
    int code = -1;
    const std::string out = run(written(dir, "r.bin", sharedElection().record()) + " --threads 2", code);
    BOOST_TEST(code == 0);
    BOOST_TEST(out == "OK published: 3 options, 4 ballots, 3 counted\n");
}

BOOST_AUTO_TEST_CASE(a_tampered_record_prints_the_failing_check_and_exits_1) {
    yishi::testing::TempDir dir;
    const WholeElection& w = sharedElection();
    std::vector<std::string> entries = w.entries;
    // One byte of the first ballot's a_0 (after the entry's 66 bytes of
    // header, the message's tag, EID, cred_pk and a_0's length), under a head
    // the board signed over it: the voter's signature no longer holds.
    entries[w.first_ballot][66 + 23 + 36 + 36 + 4 + 10] ^= 1;
    yishi::election::Record r;
    r.entries = entries;
    yishi::crypto::MerkleTree tree;
    for (const auto& d : entries) tree.append(yishi::crypto::merkleLeafHash(d));
    r.head = yishi::election::TreeHead{w.e.eid, entries.size(), tree.root(), kClosesAt + 10, ""}
                 .signedBy(w.e.board)
                 .encoded();
    int code = -1;
    const std::string out = run(written(dir, "r.bin", r.encoded()), code);
    BOOST_TEST(code == 1);
    BOOST_TEST(out.rfind("FAIL message.signature at entry " + std::to_string(w.first_ballot) + ": ", 0) == 0, out);
}

BOOST_AUTO_TEST_CASE(two_records_are_checked_against_each_other) {
    yishi::testing::TempDir dir;
    const WholeElection& w = sharedElection();
    int code = -1;
    const std::string out =
        run(written(dir, "new.bin", w.record()) + " " + written(dir, "old.bin", w.record(w.first_ballot)), code);
    BOOST_TEST(code == 0, out);
}

BOOST_AUTO_TEST_CASE(bad_usage_and_missing_files_have_their_own_exit_codes) {
    int code = -1;
    run("", code);
    BOOST_TEST(code == 64);
    run("/nonexistent/record.bin", code);
    BOOST_TEST(code == 66);
    run("a b c", code);
    BOOST_TEST(code == 64);
}

BOOST_AUTO_TEST_CASE(a_record_is_fetched_from_an_http_url) {
    const std::string body = sharedElection().record();
    Poco::Net::ServerSocket server(Poco::Net::SocketAddress("127.0.0.1", 0));
    std::thread serve([&] {
        Poco::Net::StreamSocket s = server.acceptConnection();
        std::string request;
        char buffer[1024];
        while (request.find("\r\n\r\n") == std::string::npos) {
            const int n = s.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                                     std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        s.sendBytes(response.data(), static_cast<int>(response.size()));
        s.shutdown();
    });
    int code = -1;
    const std::string out =
        run("http://127.0.0.1:" + std::to_string(server.address().port()) + "/api/v1/elections/1/record", code);
    serve.join();
    BOOST_TEST(code == 0, out);
    BOOST_TEST(out == "OK published: 3 options, 4 ballots, 3 counted\n");
}

BOOST_AUTO_TEST_SUITE_END()
