#include <boost/test/unit_test.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

BOOST_AUTO_TEST_SUITE(shutdown)

BOOST_AUTO_TEST_CASE(sigterm_lets_the_request_in_progress_finish) {
    ServerProcess server;
    const std::string password = server.password("resident1");
    // A login spends ~0.1 s hashing: SIGTERM arrives while it runs.
    auto login = std::async(std::launch::async, [&] {
        HttpClient c(server.port());
        return c.loginBearer("resident1", password).status;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    const int code = server.stop(SIGTERM, 15'000);
    BOOST_TEST(login.get() == 201);
    BOOST_TEST(code == 0);
    BOOST_TEST(server.stdoutText().find("yishi stopped cleanly") != std::string::npos);
    // The database was closed: the last connection checkpointed and removed the WAL.
    BOOST_TEST(!std::filesystem::exists(server.dataDir().path() / "yishi.db-wal"));
    BOOST_TEST(std::filesystem::exists(server.dataDir().path() / "yishi.db"));
}

BOOST_AUTO_TEST_CASE(sigint_stops_cleanly_with_idle_keep_alive_connections) {
    ServerProcess server;
    HttpClient c(server.port());
    BOOST_TEST(c.get("/api/v1/health").status == 200);
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(server.stop(SIGINT, 15'000) == 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(seconds < 5.0);
}

BOOST_AUTO_TEST_CASE(closing_stdin_stops_the_server) {
    ServerProcess server;
    BOOST_TEST(HttpClient(server.port()).get("/api/v1/health").status == 200);
    server.closeStdin();
    // Signal 0 sends nothing: stop() only waits for the exit.
    BOOST_TEST(server.stop(0, 15'000) == 0);
    BOOST_TEST(server.stdoutText().find("yishi stopped cleanly") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
