// An election driven as people drive it: the committee over the API, and
// the real `yishi trustee`, `yishi vote` and `yishi verify` binaries, each
// person with their own files (a trustee's state, a resident's wallet).

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace yishi::testing;

namespace {

struct Run {
    int code = -1;
    std::string output;
};

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `yishi <arguments>` in a shell, with YISHI_PASSWORD set when given.
Run runYishi(const std::string& arguments, const std::string& password = "") {
    const std::string env = password.empty() ? "" : "YISHI_PASSWORD=" + quoted(password) + " ";
    Run run;
    FILE* pipe = ::popen((env + YISHI_BINARY + " " + arguments + " 2>&1 </dev/null").c_str(), "r");
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
    run.code = WEXITSTATUS(::pclose(pipe));
    return run;
}

// "sign_pk <hex>" and "box_pk <hex>" from `yishi trustee keygen`.
std::map<std::string, std::string> keysIn(const std::string& output) {
    std::map<std::string, std::string> keys;
    std::istringstream in(output);
    std::string name, value;
    while (in >> name >> value) keys[name] = value;
    return keys;
}

std::int64_t nowSeconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(election_clients)

BOOST_AUTO_TEST_CASE(trustees_residents_and_a_verifier_run_an_election_with_the_command_line_tools) {
    ServerProcess server({"--test-clock"});
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port());
    HttpClient committee(server.port());
    committee.loginBearer("committee1", server.password("committee1"));
    TempDir home;

    // Three trustees make their keys on their own machines and hand the
    // public halves to the committee.
    const std::vector<std::string> names = {"王监票", "李监票", "赵监票"};
    std::vector<std::string> states;
    std::string trustees_json;
    for (std::size_t i = 0; i < names.size(); ++i) {
        states.push_back(home.file("trustee" + std::to_string(i) + ".state"));
        const Run keygen = runYishi("trustee keygen --name " + quoted(names[i]) + " --state " + states[i]);
        BOOST_REQUIRE_MESSAGE(keygen.code == 0, keygen.output);
        auto keys = keysIn(keygen.output);
        BOOST_REQUIRE_EQUAL(keys["sign_pk"].size(), 64u);
        BOOST_REQUIRE_EQUAL(keys["box_pk"].size(), 64u);
        trustees_json += std::string(trustees_json.empty() ? "" : ",") + R"({"name":")" + names[i] +
                         R"(","sign_pk":")" + keys["sign_pk"] + R"(","box_pk":")" + keys["box_pk"] + R"("})";
    }
    BOOST_TEST(runYishi("trustee keygen --name x --state " + states[0]).code == 1);  // never overwritten

    HttpResult created = committee.post("/api/v1/communities/1/elections",
                                        R"({"kind":"referendum","title":"增设电动车充电桩","closes_at":)" +
                                            std::to_string(nowSeconds() + 3600) + R"(,"trustees":[)" + trustees_json +
                                            R"(],"quorum":2})");
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::int64_t id = created.json()->getValue<std::int64_t>("id");
    const std::string path = "/api/v1/elections/" + std::to_string(id);
    const std::string election = " --server " + url + " --election " + std::to_string(id);

    // Each trustee runs the ceremony when they get to it, until it is done.
    std::vector<bool> done(states.size(), false);
    for (int round = 0; round < 8; ++round) {
        for (std::size_t i = 0; i < states.size(); ++i) {
            if (done[i]) continue;
            const Run step = runYishi("trustee ceremony" + election + " --state " + states[i]);
            BOOST_REQUIRE_MESSAGE(step.code == 0, names[i] << ": " << step.output);
            done[i] = contains(step.output, "ceremony is done");
        }
    }
    for (std::size_t i = 0; i < states.size(); ++i) BOOST_TEST(done[i], names[i] << " did not finish");
    BOOST_REQUIRE(committee.get(path).json()->getValue<std::string>("phase") == "open");

    // Two residents enroll and vote, each from their own machine.
    auto vote = [&](const std::string& login, const std::string& step, const std::string& more = "") {
        return runYishi("vote " + step + election + " --login " + login + " --wallet " + home.file(login) + more,
                        server.password(login));
    };
    for (const std::string login : {"resident1", "resident2"}) {
        const Run enrolled = vote(login, "enroll");
        BOOST_REQUIRE_MESSAGE(enrolled.code == 0, login << ": " << enrolled.output);
    }
    const Run yes = vote("resident1", "cast", " --choose 0");
    BOOST_REQUIRE_MESSAGE(yes.code == 0, yes.output);
    BOOST_TEST(contains(yes.output, "receipt verified"), yes.output);
    BOOST_REQUIRE_EQUAL(vote("resident2", "cast", " --choose 1").code, 0);
    const Run changed = vote("resident2", "cast", " --choose 2");  // the last ballot counts
    BOOST_REQUIRE_MESSAGE(changed.code == 0, changed.output);
    for (const std::string login : {"resident1", "resident2"}) {
        const Run check = vote(login, "check");
        BOOST_TEST(check.code == 0, login << ": " << check.output);
        BOOST_TEST(contains(check.output, "ballot still in the log"), check.output);
    }
    // Too early for a decryption: nothing is tallied.
    BOOST_TEST(contains(runYishi("trustee decrypt" + election + " --state " + states[0]).output, "not tallied"));

    // closes_at passes; the server closes and tallies by itself.
    HttpClient admin(server.port());
    admin.loginBearer("admin", server.password("admin"));
    BOOST_REQUIRE_EQUAL(admin.post("/api/v1/test/clock", R"({"advance_seconds": 3601})").status, 200);
    std::string phase;
    for (int i = 0; i < 80 && phase != "tallied"; ++i) {
        phase = committee.get(path).json()->getValue<std::string>("phase");
        if (phase != "tallied") std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    BOOST_REQUIRE_EQUAL(phase, "tallied");

    // Two of the three trustees decrypt; the third is away.
    for (std::size_t i : {2u, 0u}) {
        const Run decrypted = runYishi("trustee decrypt" + election + " --state " + states[i]);
        BOOST_REQUIRE_MESSAGE(decrypted.code == 0, names[i] << ": " << decrypted.output);
        BOOST_TEST(contains(decrypted.output, "posted partial"), decrypted.output);
    }
    auto published = committee.get(path).json();
    BOOST_REQUIRE_EQUAL(published->getValue<std::string>("phase"), "published");
    auto counts = published->getArray("counts");
    BOOST_REQUIRE_EQUAL(counts->size(), 3u);
    BOOST_TEST(counts->getElement<std::int64_t>(0) == 1);
    BOOST_TEST(counts->getElement<std::int64_t>(1) == 0);
    BOOST_TEST(counts->getElement<std::int64_t>(2) == 1);
    BOOST_TEST(published->getArray("selected")->getElement<std::int64_t>(0) == 0);
    BOOST_TEST(vote("resident1", "check").code == 0);

    // Anyone checks the record from the server, and a changed byte fails it.
    const Run verified = runYishi("verify " + url + path + "/record");
    BOOST_TEST(verified.code == 0, verified.output);
    BOOST_TEST(verified.output == "OK published: 3 options, 3 ballots, 2 counted\n");
    std::string record = committee.get(path + "/record").body;
    record[record.size() / 2] = static_cast<char>(record[record.size() / 2] ^ 0x01);
    std::ofstream(home.file("changed.record"), std::ios::binary) << record;
    const Run changed_record = runYishi("verify " + home.file("changed.record"));
    BOOST_TEST(changed_record.code == 1, changed_record.output);
    BOOST_TEST(changed_record.output.rfind("FAIL ", 0) == 0, changed_record.output);
}

BOOST_AUTO_TEST_SUITE_END()
