// The connection model (src/connection_loop.h): idle and slow clients cost
// no thread, limits per address and overall, the oldest idle connection goes
// first under pressure, deadlines, pipelining, 100-continue, streamed
// answers to slow readers, a full queue, and a graceful stop.
#include <boost/test/unit_test.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "unit/http/raw_connection.h"
#include "unit/http/test_server.h"

using yishi::testing::RawConnection;
using yishi::testing::TestServer;
using namespace std::chrono_literals;

namespace {

const std::string kHealth = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";

int threadsOfThisProcess() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    }
    return -1;
}

double millisSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The slowest of `n` health requests, each on a fresh connection.
double slowestHealth(std::uint16_t port, int n) {
    double worst = 0;
    for (int i = 0; i < n; ++i) {
        const auto start = std::chrono::steady_clock::now();
        RawConnection c(port);
        c.send(kHealth);
        if (c.next().status != 200) return 1e9;
        worst = std::max(worst, millisSince(start));
    }
    return worst;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connections)

BOOST_AUTO_TEST_CASE(the_descriptor_limit_is_raised_to_the_hard_limit) {
    TestServer server;
    rlimit limit{};
    BOOST_REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    BOOST_TEST(limit.rlim_cur == limit.rlim_max);
}

BOOST_AUTO_TEST_CASE(two_thousand_idle_connections_cost_no_thread_and_requests_stay_fast) {
    yishi::http::ServerOptions options;
    options.threads = 8;
    TestServer server(options);
    const int threads_before = threadsOfThisProcess();
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 2000; ++i) {
        idle.push_back(std::make_unique<RawConnection>(server.port()));
        // Half of them kept alive after a request, half never sent a byte.
        if (i % 2 == 0) {
            idle.back()->send(kHealth);
            BOOST_REQUIRE(idle.back()->next().status == 200);
        }
    }
    for (int i = 0; i < 100 && server.server().connections().open < 2000; ++i) std::this_thread::sleep_for(10ms);
    BOOST_TEST(server.server().connections().open >= 2000u);
    BOOST_TEST(threadsOfThisProcess() == threads_before);
    const double worst = slowestHealth(server.port(), 50);
    BOOST_TEST_MESSAGE("slowest of 50 health requests beside 2,000 idle connections: " << worst << " ms");
    // A stall would wait for the slow requests' deadline (1000 ms); a busy
    // machine alone can cost a few hundred.
    BOOST_TEST(worst < 800.0);
    // And every idle one is still usable.
    for (int i = 0; i < 2000; i += 97) {
        BOOST_REQUIRE(idle[static_cast<std::size_t>(i)]->send(kHealth));
        BOOST_TEST(idle[static_cast<std::size_t>(i)]->next().status == 200);
    }
}

BOOST_AUTO_TEST_CASE(slow_headers_are_closed_at_the_request_deadline_without_stalling_others) {
    yishi::http::ServerOptions options;
    options.request_deadline_ms = 1000;
    options.threads = 2;
    TestServer server(options);
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 300; ++i) {
        slow.push_back(std::make_unique<RawConnection>(server.port()));
        slow.back()->send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
    }
    std::atomic<bool> dribbling{true};
    std::thread dribbler([&] {
        // One byte per connection every 50 ms: never a complete head.
        while (dribbling.load()) {
            for (auto& s : slow) s->send("X");
            std::this_thread::sleep_for(50ms);
        }
    });
    const double worst = slowestHealth(server.port(), 20);
    BOOST_TEST_MESSAGE("slowest health request beside 300 dribbling clients: " << worst << " ms");
    // A stall would wait for the slow requests' deadline (1000 ms); a busy
    // machine alone can cost a few hundred.
    BOOST_TEST(worst < 800.0);
    std::this_thread::sleep_for(1300ms);
    dribbling = false;
    dribbler.join();
    int closed = 0;
    for (auto& s : slow) closed += s->closedWithin(500) ? 1 : 0;
    BOOST_TEST(closed == 300);
    BOOST_TEST(server.server().connections().timed_out >= 300u);
}

BOOST_AUTO_TEST_CASE(idle_keep_alive_connections_close_after_the_timeout) {
    yishi::http::ServerOptions options;
    options.keep_alive_timeout_ms = 300;
    TestServer server(options);
    RawConnection c(server.port());
    c.send(kHealth);
    BOOST_TEST(c.next().status == 200);
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(c.closedWithin(3000));
    const double waited = millisSince(start);
    BOOST_TEST(waited > 250.0);
    BOOST_TEST(waited < 1500.0);
}

BOOST_AUTO_TEST_CASE(the_per_address_limit_refuses_more_and_frees_with_a_close) {
    yishi::http::ServerOptions options;
    options.max_connections_per_address = 4;
    options.limit_loopback = true;
    TestServer server(options);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<RawConnection>(server.port()));
        held.back()->send(kHealth);
        BOOST_REQUIRE(held.back()->next().status == 200);
    }
    {
        RawConnection fifth(server.port());
        fifth.send(kHealth);
        BOOST_TEST(fifth.next(1000).status == 0);
        BOOST_TEST(fifth.closed());
    }
    BOOST_TEST(server.server().connections().refused_per_address == 1u);
    held.pop_back();  // one leaves: room for another
    std::this_thread::sleep_for(100ms);
    RawConnection again(server.port());
    again.send(kHealth);
    BOOST_TEST(again.next().status == 200);
}

BOOST_AUTO_TEST_CASE(loopback_is_not_limited_by_default) {
    yishi::http::ServerOptions options;
    options.max_connections_per_address = 4;
    TestServer server(options);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 10; ++i) {
        held.push_back(std::make_unique<RawConnection>(server.port()));
        held.back()->send(kHealth);
        BOOST_TEST(held.back()->next().status == 200);
    }
}

BOOST_AUTO_TEST_CASE(at_the_cap_the_connection_idle_the_longest_makes_room) {
    yishi::http::ServerOptions options;
    options.max_connections = 8;
    TestServer server(options);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 8; ++i) {
        held.push_back(std::make_unique<RawConnection>(server.port()));
        held.back()->send(kHealth);
        BOOST_REQUIRE(held.back()->next().status == 200);
        // Its worker may wait 2 ms for a next request before the
        // connection counts as idle: let each settle in turn.
        std::this_thread::sleep_for(50ms);
    }
    // The oldest is used again: now the second is idle the longest.
    held[0]->send(kHealth);
    BOOST_REQUIRE(held[0]->next().status == 200);
    std::this_thread::sleep_for(50ms);
    RawConnection newcomer(server.port());
    newcomer.send(kHealth);
    BOOST_TEST(newcomer.next().status == 200);
    BOOST_TEST(held[1]->closedWithin(1000));
    BOOST_TEST(!held[0]->closedWithin(100));
    BOOST_TEST(!held[2]->closedWithin(100));
    BOOST_TEST(server.server().connections().evicted == 1u);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_are_answered_in_order) {
    TestServer server;
    RawConnection c(server.port());
    c.send(kHealth + "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\n\r\n" +
           "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
           "{\"a\":1}" +
           "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const auto responses = c.all();
    BOOST_REQUIRE(responses.size() == 4u);
    BOOST_TEST(responses[0].body.find("\"status\"") != std::string::npos);
    BOOST_TEST(responses[1].body == "{\"probes\":1}");
    BOOST_TEST(responses[2].body == "{\"members\":1}");
    BOOST_TEST(responses[3].body == "{\"probes\":2}");
    BOOST_TEST(responses[3].field("Connection") == "close");
    BOOST_TEST(c.closed());
}

BOOST_AUTO_TEST_CASE(a_client_that_half_closes_after_its_requests_gets_every_answer) {
    TestServer server;
    RawConnection c(server.port());
    c.send("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n" + kHealth);
    c.shutdownSend();
    const auto responses = c.all(5000);
    BOOST_REQUIRE(responses.size() == 2u);
    BOOST_TEST(responses[0].status == 200);
    BOOST_TEST(responses[1].status == 200);
    BOOST_TEST(c.closed());
}

BOOST_AUTO_TEST_CASE(expect_100_continue_is_answered_before_the_body) {
    TestServer server;
    RawConnection c(server.port());
    c.send(
        "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
        "Expect: 100-continue\r\n\r\n");
    BOOST_TEST(c.next().status == 100);
    c.send("{\"a\":1}");
    const auto r = c.next();
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "{\"members\":1}");
}

BOOST_AUTO_TEST_CASE(chunked_bodies_reach_the_handler_de_chunked) {
    TestServer server;
    RawConnection c(server.port());
    c.send(
        "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        "\r\n4\r\n{\"a\"\r\n9\r\n:1,\"b\":2}\r\n0\r\n\r\n");
    const auto r = c.next();
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "{\"members\":2}");
}

BOOST_AUTO_TEST_CASE(a_streamed_answer_reaches_a_slow_reader_whole) {
    yishi::http::ServerOptions options;
    options.threads = 2;
    TestServer server(options);
    server.stream_bytes = 64u << 20;  // more than the kernel's buffers hold
    RawConnection c(server.port());
    c.send("GET /api/v1/stream HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(300ms);  // the server fills what the socket takes, then waits
    BOOST_TEST(server.streams_finished.load() == 0);
    // Meanwhile another client is served by the other worker.
    BOOST_TEST(slowestHealth(server.port(), 5) < 200.0);
    const auto r = c.next(20000);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.size() == server.stream_bytes);
    BOOST_TEST(std::count(r.body.begin(), r.body.end(), 's') == static_cast<long>(server.stream_bytes));
    BOOST_TEST(server.streams_finished.load() == 1);
    // And the connection is kept for the next request.
    c.send(kHealth);
    BOOST_TEST(c.next().status == 200);
}

BOOST_AUTO_TEST_CASE(a_reader_that_stops_reading_frees_its_worker_at_the_deadline) {
    yishi::http::ServerOptions options;
    options.threads = 1;
    options.request_deadline_ms = 500;
    TestServer server(options);
    server.stream_bytes = 256u << 20;  // more than the kernel's buffers hold
    RawConnection stuck(server.port());
    int small = 4096;
    ::setsockopt(stuck.fd(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    stuck.send("GET /api/v1/stream HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(100ms);
    // The one worker waits on the stuck reader; after 500 ms without
    // progress it gives up, and the next request is served.
    const auto start = std::chrono::steady_clock::now();
    RawConnection next(server.port());
    next.send(kHealth);
    BOOST_TEST(next.next(5000).status == 200);
    const double waited = millisSince(start);
    BOOST_TEST_MESSAGE("a request behind a stalled stream waited " << waited << " ms");
    BOOST_TEST(waited < 2000.0);
    BOOST_TEST(server.streams_finished.load() == 0);
}

BOOST_AUTO_TEST_CASE(a_full_queue_is_answered_503_at_once) {
    yishi::http::ServerOptions options;
    options.threads = 1;
    options.max_queued = 1;
    TestServer server(options);
    std::vector<std::unique_ptr<RawConnection>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<RawConnection>(server.port()));
        clients.back()->send("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n");
        std::this_thread::sleep_for(20ms);
    }
    int ok = 0;
    int busy = 0;
    for (auto& c : clients) {
        const auto r = c->next(5000);
        if (r.status == 200) ++ok;
        if (r.status == 503) {
            ++busy;
            BOOST_TEST(r.body.find("server.busy") != std::string::npos);
            BOOST_TEST(r.field("Retry-After") == "1");
        }
    }
    BOOST_TEST(ok == 2);  // one worked on, one queued
    BOOST_TEST(busy == 2);
}

BOOST_AUTO_TEST_CASE(stop_finishes_requests_in_progress_and_closes_idle_ones) {
    auto server = std::make_unique<TestServer>();
    RawConnection idle(server->port());
    idle.send(kHealth);
    BOOST_REQUIRE(idle.next().status == 200);
    RawConnection working(server->port());
    working.send("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(50ms);
    const auto start = std::chrono::steady_clock::now();
    auto stopped = std::async(std::launch::async, [&] { server->server().stop(); });
    const auto r = working.next(5000);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.field("Connection") == "close");
    BOOST_TEST(idle.closedWithin(1000));
    stopped.get();
    BOOST_TEST(millisSince(start) < 3000.0);
    BOOST_CHECK_THROW(RawConnection(server->port()), std::runtime_error);  // no longer accepting
}

BOOST_AUTO_TEST_SUITE_END()
