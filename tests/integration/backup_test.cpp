// Issue 12, item 8: `yishi backup DEST` takes an online, consistent copy
// while a real server keeps writing, and a server restored from it has every
// write that was acknowledged before the backup began.

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace yishi::testing;
namespace fs = std::filesystem;

namespace {

// Runs a command and returns its exit status and what it printed.
std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return {-1, ""};
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::set<std::int64_t> commentIds(HttpClient& client, const std::string& proposal) {
    std::set<std::int64_t> ids;
    HttpResult thread = client.get(proposal + "/comments");
    Poco::JSON::Array::Ptr items = thread.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) ids.insert(items->getObject(i)->getValue<std::int64_t>("id"));
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup)

BOOST_AUTO_TEST_CASE(a_backup_taken_under_load_restores_every_acknowledged_write) {
    ServerProcess server;
    HttpClient author(server.port());
    BOOST_REQUIRE_EQUAL(author.loginBrowser("resident1", server.password("resident1")).status, 201);
    HttpResult created = author.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"备份测试"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    const std::string proposal = "/api/v1/proposals/" + std::to_string(created.json()->getValue<std::int64_t>("id"));

    // Four writers post comments until told to stop; each acknowledged id is
    // kept with the moment it was acknowledged.
    std::mutex mutex;
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::int64_t>> acked;
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&, w] {
            HttpClient client(server.port());
            const std::string login = w % 2 == 0 ? "resident1" : "resident2";
            if (client.loginBrowser(login, server.password(login)).status != 201) {
                ++failures;
                return;
            }
            for (int i = 0; !stop; ++i) {
                HttpResult r = client.post(proposal + "/comments",
                                           R"({"body":"写入 )" + std::to_string(w) + "-" + std::to_string(i) + R"("})");
                if (r.status != 201) {
                    ++failures;
                    continue;
                }
                const std::int64_t id = r.json()->getValue<std::int64_t>("id");
                std::lock_guard<std::mutex> lock(mutex);
                acked.emplace_back(std::chrono::steady_clock::now(), id);
            }
        });
    }

    auto ackedSoFar = [&] {
        std::lock_guard<std::mutex> lock(mutex);
        return acked.size();
    };
    // Writes under way first (however busy the machine), and more after.
    for (int i = 0; i < 600 && ackedSoFar() < 50; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    TempDir backups;
    const fs::path copy = backups.path() / "yishi-backup.db";
    const auto backup_started = std::chrono::steady_clock::now();
    const auto [status, output] =
        run(std::string(YISHI_BINARY) + " backup " + copy.string() + " --data-dir " + server.dataDir().path().string());
    const auto backup_ended = std::chrono::steady_clock::now();
    const std::size_t at_end = ackedSoFar();
    for (int i = 0; i < 600 && ackedSoFar() < at_end + 20; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop = true;
    for (auto& t : writers) t.join();
    BOOST_REQUIRE_MESSAGE(status == 0, output);
    BOOST_TEST(output.find("backup " + copy.string() + ": ") != std::string::npos, output);
    BOOST_TEST(!fs::exists(copy.string() + ".tmp"));
    BOOST_TEST(failures == 0);

    std::set<std::int64_t> before, during, after;
    for (const auto& [at, id] : acked) {
        (at < backup_started ? before : at <= backup_ended ? during : after).insert(id);
    }
    const double backup_ms = std::chrono::duration<double, std::milli>(backup_ended - backup_started).count();
    BOOST_TEST_MESSAGE("backup under load: " << before.size() << " writes acknowledged before it, " << during.size()
                                             << " during it, " << after.size() << " after; " << backup_ms
                                             << " ms for the command; " << output);
    BOOST_REQUIRE_GE(before.size(), 50u);
    BOOST_TEST(after.size() > 0u);  // the server kept writing through it

    // Restore: stop the server, put the copy in place of its database (the
    // -wal and -shm files go), start it again.
    BOOST_REQUIRE_EQUAL(server.stop(SIGTERM, 10'000), 0);
    const fs::path data = server.dataDir().path();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(data / (std::string("yishi.db") + suffix));
    fs::copy_file(copy, data / "yishi.db");
    server.restart();

    HttpClient reader(server.port());
    const std::set<std::int64_t> restored = commentIds(reader, proposal);
    std::size_t missing = 0;
    for (std::int64_t id : before) missing += restored.count(id) ? 0 : 1;
    BOOST_TEST(missing == 0u, missing << " of " << before.size() << " acknowledged writes missing");
    // And the restored server takes writes again.
    HttpClient writer(server.port());
    BOOST_REQUIRE_EQUAL(writer.loginBrowser("resident1", server.password("resident1")).status, 201);
    BOOST_TEST(writer.post(proposal + "/comments", R"({"body":"恢复之后"})").status == 201);
}

BOOST_AUTO_TEST_CASE(a_failed_backup_leaves_the_destination_as_it_was) {
    TempDir dir;
    const fs::path dest = dir.path() / "old.db";
    { std::ofstream(dest) << "the previous backup"; }
    const auto [status, output] =
        run(std::string(YISHI_BINARY) + " backup " + dest.string() + " --data-dir " + (dir.path() / "none").string());
    BOOST_TEST(status == 74, output);
    BOOST_TEST(output.find("backup.source") != std::string::npos, output);
    std::ifstream in(dest);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(text == "the previous backup");
    BOOST_TEST(!fs::exists(dest.string() + ".tmp"));
    BOOST_TEST(run(std::string(YISHI_BINARY) + " backup").first == 64);
}

BOOST_AUTO_TEST_SUITE_END()
