// An election of VOTERS residents, end to end over HTTP against a running
// `yishi serve --test-clock` whose database seed_voters filled (scripts/bench.sh
// part 6c): create (20 options, at most 5, demo trustees), enroll every
// voter, cast one ballot each, close (the roster, the tally, the demo
// trustees' decryption and the result), download the record and verify it.
//
// Ballots are the voters' work, done on their own devices: they are made
// before the timed ingest, so the ingest measures the server. In the same
// run, the raw verification rate of the same ballots (checkBallotCrypto, what
// the server runs per ballot) on the same cores gives the ratio the server's
// ingest reaches of it.
//
// usage: election_ingest_bench PORT TOKENS_FILE CONNECTIONS
// (TOKENS_FILE: committee1's bearer token, admin's, then one per voter.)
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "yishi/crypto/group.h"
#include "yishi/election/board.h"
#include "yishi/election/board_state.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using yishi::testing::HttpClient;
using yishi::testing::HttpResult;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

template <typename Body>
void parallelFor(std::size_t n, unsigned threads, Body body) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
        });
    }
    for (auto& t : pool) t.join();
}

std::string unhex(const std::string& hex) { return crypto::fromHex(hex).value(); }

[[noreturn]] void die(const std::string& what, const HttpResult& r) {
    std::fprintf(stderr, "election_ingest_bench: %s: %d %s\n", what.c_str(), r.status, r.body.c_str());
    std::exit(1);
}

// POST `body` on an open connection (Poco reconnects when the server closed it).
HttpResult postKeepingAlive(Poco::Net::HTTPClientSession& session, const std::string& path, const std::string& token,
                            const std::string& body) {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    request.set("Authorization", "Bearer " + token);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    HttpResult out;
    try {
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        out.status = static_cast<int>(response.getStatus());
        out.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception& e) {
        session.reset();
        out.body = e.displayText();
    }
    return out;
}

// The receipt's "head": {"size": N, ...}, read without parsing the rest.
std::uint64_t headSize(const std::string& receipt) {
    const std::size_t head = receipt.find("\"head\"");
    const std::size_t size = receipt.find("\"size\":", head == std::string::npos ? 0 : head);
    if (head == std::string::npos || size == std::string::npos) {
        std::fprintf(stderr, "election_ingest_bench: a receipt without its head: %s\n", receipt.c_str());
        std::exit(1);
    }
    return std::strtoull(receipt.c_str() + size + 7, nullptr, 10);
}

HttpClient bearer(std::uint16_t port, const std::string& token) {
    HttpClient c(port);
    c.bearer = token;
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: election_ingest_bench PORT TOKENS_FILE CONNECTIONS\n");
        return 64;
    }
    const auto port = static_cast<std::uint16_t>(std::stoi(argv[1]));
    std::vector<std::string> tokens;
    {
        std::ifstream in(argv[2]);
        for (std::string line; std::getline(in, line);) tokens.push_back(line);
    }
    const unsigned connections = static_cast<unsigned>(std::stoi(argv[3]));
    if (tokens.size() < 3) {
        std::fprintf(stderr, "election_ingest_bench: no voters in %s\n", argv[2]);
        return 1;
    }
    const std::size_t voters = tokens.size() - 2;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    HttpClient committee = bearer(port, tokens[0]);
    HttpClient admin = bearer(port, tokens[1]);

    // Create.
    auto start = Clock::now();
    std::string options;
    for (int i = 0; i < 20; ++i)
        options += std::string(i ? "," : "") + R"({"label":"项目 )" + std::to_string(i + 1) + R"(","cost":100000})";
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    HttpResult created = committee.post("/api/v1/communities/1/elections",
                                        R"({"kind":"approval","title":"民心项目票选","options":[)" + options +
                                            R"(],"min":0,"max":5,"budget":1000000,"rule":"greedy","closes_at":)" +
                                            std::to_string(now + 7 * 86400) + R"(,"trustees":"demo"})");
    if (created.status != 201) die("create", created);
    const std::string path = "/api/v1/elections/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    const std::string manifest_bytes = unhex(created.json()->getValue<std::string>("manifest"));
    const election::Manifest manifest = election::Manifest::parse(manifest_bytes).value();
    const crypto::ElectionId eid = election::electionIdOf(manifest_bytes);
    const crypto::Point y = crypto::Point::parse(unhex(created.json()->getValue<std::string>("election_key"))).value();
    const double create_s = secondsSince(start);

    // Enroll: each voter's client makes its credential and registers it.
    std::vector<election::Credential> credentials(voters, election::Credential::generate());
    parallelFor(voters, cores, [&](std::size_t i) { credentials[i] = election::Credential::generate(); });
    start = Clock::now();
    parallelFor(voters, connections, [&](std::size_t i) {
        HttpClient c = bearer(port, tokens[i + 2]);
        HttpResult r =
            c.post(path + "/credentials",
                   R"({"enroll":")" + crypto::toHex(election::encodeMessage(credentials[i].enroll(eid), eid)) + "\"}");
        if (r.status != 201) die("enroll", r);
    });
    const double enroll_s = secondsSince(start);

    // The voters' ballots, made on their devices (here: before the ingest).
    start = Clock::now();
    std::vector<std::string> ballots(voters);
    parallelFor(voters, cores, [&](std::size_t i) {
        std::vector<int> choice(20, 0);
        for (std::size_t k = 0; k < 1 + i % 5; ++k) choice[(i * 7 + k * 3) % 20] = 1;
        ballots[i] = election::encodeMessage(credentials[i].ballot(manifest, eid, y, choice).value(), eid);
    });
    const double make_s = secondsSince(start);

    // The raw verification rate of the same ballots on the same cores, just
    // before and just after the ingest (other work on the machine changes
    // it), on as many threads as the ingest has connections: on a machine
    // shared with other work, the scheduler shares the cores by thread.
    auto rawRate = [&](std::size_t n) {
        const auto began = Clock::now();
        std::atomic<std::size_t> bad{0};
        parallelFor(n, connections, [&](std::size_t i) {
            auto parsed = election::parseMessage(ballots[i], manifest, eid);
            if (!parsed.isOk() ||
                !election::checkBallotCrypto(ballots[i], std::get<election::Ballot>(*parsed), manifest, eid, y).isOk())
                ++bad;
        });
        if (bad.load() != 0) std::fprintf(stderr, "election_ingest_bench: %zu ballots failed\n", bad.load());
        return static_cast<double>(n) / secondsSince(began);
    };
    const std::size_t sample = std::min<std::size_t>(voters, 3000);
    const double raw_before = rawRate(sample);

    // The ingest: every ballot over HTTP, durable before its receipt. The
    // request bodies are the voters' devices' work too, made beforehand, and
    // of each receipt only the head's size is read here (a device checks the
    // rest): the client shares the server's cores, and what it spends is
    // not the server's ingest. Each connection carries one voter's ballot
    // after another, as a reverse proxy in front of the server keeps its
    // connections to it open.
    std::vector<std::string> bodies(voters);
    parallelFor(voters, cores,
                [&](std::size_t i) { bodies[i] = R"({"ballot":")" + crypto::toHex(ballots[i]) + "\"}"; });
    std::vector<std::uint64_t> heads(voters);
    start = Clock::now();
    parallelFor(voters, connections, [&](std::size_t i) {
        thread_local std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (!session) session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
        HttpResult r = postKeepingAlive(*session, path + "/ballots", tokens[i + 2], bodies[i]);
        if (r.status != 201) die("cast", r);
        heads[i] = headSize(r.body);
    });
    const double cast_s = secondsSince(start);
    const double raw_after = rawRate(sample);
    // Ballots written in one transaction share their receipt's head.
    std::sort(heads.begin(), heads.end());
    const auto groups = static_cast<std::size_t>(std::unique(heads.begin(), heads.end()) - heads.begin());

    // Close: closes_at passes, the server closes, tallies, decrypts and publishes.
    start = Clock::now();
    HttpResult moved = admin.post("/api/v1/test/clock", R"({"advance_seconds": 700000})");
    if (moved.status != 200) die("clock", moved);
    for (;;) {
        HttpResult r = committee.get(path);
        if (r.status != 200) die("get", r);
        if (r.json()->getValue<std::string>("phase") == "published") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const double close_s = secondsSince(start);

    // Anyone downloads the record and verifies it.
    start = Clock::now();
    HttpResult record = committee.get(path + "/record");
    if (record.status != 200) die("record", record);
    const double download_s = secondsSince(start);
    start = Clock::now();
    election::VerifyOptions verify_options;
    verify_options.threads = cores;
    const election::VerifyReport report = election::verifyRecord(record.body, verify_options);
    const double verify_s = secondsSince(start);

    const double ingest_rate = static_cast<double>(voters) / cast_s;
    const double raw_rate = (raw_before + raw_after) / 2;
    std::printf("  %zu voters, 20 options, at most 5, %u connections, %u cores; record %zu bytes\n", voters,
                connections, cores, record.body.size());
    std::printf(
        "  ingest over HTTP (durable receipts): %.0f ballots/s; raw verification on %u cores, %u threads: %.0f "
        "ballots/s "
        "(%.0f just before the ingest, %.0f just after, %zu ballots each); ratio %.2f (goal >= 0.8)\n",
        ingest_rate, cores, connections, raw_rate, raw_before, raw_after, sample, ingest_rate / raw_rate);
    std::printf(
        "  phases: create %.2f s, enroll %.1f s, cast %.1f s, close+tally+decrypt+publish %.2f s, "
        "record download %.1f s, verify %.1f s\n",
        create_s, enroll_s, cast_s, close_s, download_s, verify_s);
    std::printf("  %zu ballots written in %zu transactions (%.1f ballots per group commit)\n", voters, groups,
                static_cast<double>(voters) / static_cast<double>(groups));
    std::printf("  (ballots made by the voters' clients: %.1f s on %u cores, not counted)\n", make_s, cores);
    const double total = create_s + enroll_s + cast_s + close_s + download_s + verify_s;
    const double scale = 1'000'000.0 / static_cast<double>(voters);
    // Creation does not grow with the voters; every other phase is taken as linear.
    const double million = create_s + (total - create_s) * scale;
    std::printf("  end to end: %.1f s; extrapolated to 1,000,000 voters: %.1f h (goal < 6 h)\n", total,
                million / 3600.0);
    std::printf("  %s\n", report.line().c_str());
    return report.ok() ? 0 : 1;
}
