// Issue 12: a server that runs out of descriptors keeps serving. The server
// may hold only 64 (soft and hard limit, so it cannot raise them), and one
// client floods it with idle keep-alive connections and with connections
// that send half a request header. It must stay up, answer a newcomer once
// the half-sent requests meet their deadline, take a write and keep it, and
// give the descriptors back when the flood ends.

#include <boost/test/unit_test.hpp>

#include <Poco/Net/StreamSocket.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kDescriptorLimit = 64;

int openDescriptors(pid_t pid) {
    int n = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd"))
        ++n;
    return n;
}

bool running(pid_t pid) { return ::kill(pid, 0) == 0 && ::waitpid(pid, nullptr, WNOHANG) == 0; }

// `request` sent by `client` until it gets an answer (the server may refuse
// connections while it has no descriptor to spare), for up to `seconds`.
HttpResult answered(const std::function<HttpResult()>& request, int seconds) {
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    for (;;) {
        try {
            HttpResult r = request();
            if (r.status != 0) return r;
        } catch (const Poco::Exception&) {
            // Refused or reset: the server had no room for this connection.
        }
        if (Clock::now() > deadline) return {};
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

// A connection that asked for /api/v1/health, read the answer, and stays
// open (keep-alive); null when the server closed it first.
std::unique_ptr<Poco::Net::StreamSocket> idleConnection(std::uint16_t port) {
    try {
        auto s = std::make_unique<Poco::Net::StreamSocket>(Poco::Net::SocketAddress("127.0.0.1", port));
        s->setReceiveTimeout(Poco::Timespan(2, 0));
        const std::string request = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
        s->sendBytes(request.data(), static_cast<int>(request.size()));
        char buffer[1024];
        if (s->receiveBytes(buffer, sizeof buffer) <= 0) return nullptr;
        return s;
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

// A connection that sent half a request header and waits.
std::unique_ptr<Poco::Net::StreamSocket> halfSentConnection(std::uint16_t port) {
    try {
        auto s = std::make_unique<Poco::Net::StreamSocket>(Poco::Net::SocketAddress("127.0.0.1", port));
        const std::string start = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
        s->sendBytes(start.data(), static_cast<int>(start.size()));
        return s;
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(descriptor_exhaustion)

BOOST_AUTO_TEST_CASE(a_server_out_of_descriptors_keeps_serving_keeps_writes_and_gives_them_back) {
    ServerProcess server({"--request-deadline-ms", "1000"}, kDescriptorLimit);
    HttpClient resident(server.port());
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident1", server.password("resident1")).status, 201);
    HttpResult created = resident.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"描述符"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    const std::string proposal = "/api/v1/proposals/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    BOOST_REQUIRE_EQUAL(resident.post(proposal + "/comments", R"({"body":"热身"})").status, 201);
    // Warmed up: the database's connections and the plugin workers are open.
    const int baseline = openDescriptors(server.pid());
    BOOST_TEST_MESSAGE("descriptors after warm-up: " << baseline << " of " << kDescriptorLimit);

    // The flood: three times the descriptors the server has, from one client.
    std::vector<std::unique_ptr<Poco::Net::StreamSocket>> flood;
    int idle_served = 0;
    for (int i = 0; i < 3 * kDescriptorLimit / 2; ++i) {
        auto s = idleConnection(server.port());
        if (s) ++idle_served;
        flood.push_back(std::move(s));
        flood.push_back(halfSentConnection(server.port()));
    }
    BOOST_TEST_MESSAGE("idle connections served during the flood: " << idle_served);
    BOOST_TEST(idle_served > 0);
    BOOST_TEST(running(server.pid()));
    BOOST_TEST(openDescriptors(server.pid()) <= kDescriptorLimit);

    // A newcomer is answered (once the half-sent requests meet their
    // deadline at the latest), and a write is taken.
    HttpClient newcomer(server.port());
    HttpResult health = answered([&] { return newcomer.get("/api/v1/health"); }, 20);
    BOOST_TEST(health.status == 200);
    HttpResult comment = answered([&] { return resident.post(proposal + "/comments", R"({"body":"洪水中"})"); }, 20);
    BOOST_TEST(comment.status == 201);
    BOOST_TEST(running(server.pid()));

    // The flood ends: the server gives its descriptors back.
    flood.clear();
    const auto deadline = Clock::now() + std::chrono::seconds(15);
    int now = openDescriptors(server.pid());
    while (now > baseline + 2 && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        now = openDescriptors(server.pid());
    }
    BOOST_TEST_MESSAGE("descriptors after the flood: " << now);
    BOOST_TEST(now <= baseline + 2);

    // What it acknowledged is there.
    HttpResult thread = answered([&] { return resident.get(proposal + "/comments"); }, 10);
    BOOST_REQUIRE_EQUAL(thread.status, 200);
    BOOST_TEST(thread.body.find("洪水中") != std::string::npos);
    BOOST_TEST(thread.body.find("热身") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
