// Slow clients (slowloris) must not starve the server: 64 connections that
// dribble header bytes hold their threads only until the request deadline,
// and ordinary requests are answered meanwhile.
#include <boost/test/unit_test.hpp>

#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

BOOST_AUTO_TEST_SUITE(slow_clients)

BOOST_AUTO_TEST_CASE(ordinary_requests_are_answered_while_64_clients_dribble) {
    ServerProcess server({"--request-deadline-ms", "2000"});
    std::vector<std::unique_ptr<Poco::Net::StreamSocket>> slow;
    for (int i = 0; i < 64; ++i) {
        auto s = std::make_unique<Poco::Net::StreamSocket>(Poco::Net::SocketAddress("127.0.0.1", server.port()));
        const std::string start = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
        s->sendBytes(start.data(), static_cast<int>(start.size()));
        slow.push_back(std::move(s));
    }
    std::atomic<bool> dribbling{true};
    std::atomic<int> closed_by_server{0};
    // Joined on every way out of this test, a failed check included.
    struct Joiner {
        std::atomic<bool>& flag;
        std::thread& thread;
        ~Joiner() {
            flag = false;
            if (thread.joinable()) thread.join();
        }
    };
    std::thread dribbler;
    Joiner joiner{dribbling, dribbler};
    dribbler = std::thread([&] {
        // One header byte per socket every 100 ms, for up to 4 s.
        for (int round = 0; round < 40 && dribbling.load(); ++round) {
            for (auto& s : slow) {
                if (!s) continue;
                try {
                    s->sendBytes("X", 1);
                } catch (const Poco::Exception&) {
                    s.reset();
                    ++closed_by_server;
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });

    HttpClient client(server.port());
    double worst_ms = 0;
    for (int i = 0; i < 20; ++i) {
        const auto start = std::chrono::steady_clock::now();
        HttpResult r = client.get("/api/v1/communities/1");
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        BOOST_TEST(r.status == 200);
        worst_ms = std::max(worst_ms, ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST_MESSAGE("slowest ordinary request while 64 clients dribble: " << worst_ms << " ms");
    BOOST_TEST(worst_ms < 500.0);

    dribbler.join();
    // Every slow connection was ended by the deadline (2 s), not left open.
    int still_open = 0;
    for (auto& s : slow) {
        if (!s) continue;
        s->setReceiveTimeout(Poco::Timespan(0, 200'000));
        char buffer[512];
        try {
            if (s->receiveBytes(buffer, sizeof buffer) > 0) continue;  // got an answer, fine
        } catch (const Poco::TimeoutException&) {
            ++still_open;
        } catch (const Poco::Exception&) {
        }
    }
    BOOST_TEST(still_open == 0);
}

BOOST_AUTO_TEST_SUITE_END()
