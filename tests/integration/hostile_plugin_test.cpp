// Issue 12, item 4: a hostile plugin cannot flood. Its error text is cut to a
// few KB at the host's boundary, in the HTTP answer, the server's log and the
// database (a plugin once answered a 503 with 100 MB, grew the log by
// 110 MB, and stored 20 MB per event it failed on), and plugin files that
// are symbolic links out of the plugin's folder are refused.

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace yishi::testing;
namespace fs = std::filesystem;

namespace {

const char* kGreedyCase = R"({"budget": 100, "rule": "greedy", "projects": [
  {"id": "a", "cost": 60, "votes": 10}, {"id": "b", "cost": 50, "votes": 9}]})";

// A plugins root whose district 1 has the hostile plugin below and whose
// default is the shipped one.
struct HostilePlugins {
    TempDir dir;
    fs::path root() const { return dir.path() / "plugins"; }
    fs::path district() const { return root() / "1"; }
    HostilePlugins() {
        fs::create_directories(district());
        fs::copy(fs::path(YISHI_SOURCE_DIR) / "plugins" / "default", root() / "default", fs::copy_options::recursive);
        // 100 MB of error text from select and 20 MB from every on_event,
        // with a log line of 60 KB, 200 times over, to go with it.
        write("hostile.lua",
              "local function flood(n)\n"
              "  for i = 1, 200 do yishi.log(string.rep('L', 60 * 1024)) end\n"
              "  error(string.rep('x', n))\n"
              "end\n"
              "return {select = function(input) flood(100 * 1024 * 1024) end,\n"
              "        on_event = function(event) flood(20 * 1024 * 1024) end}\n");
        write("manifest.json", R"({"name": "flood", "version": "6.6.6", "api": 1, "files": ["hostile.lua"],
          "hooks": {"select": {"file": "hostile.lua", "function": "select", "budget_ms": 20000, "memory_mb": 512},
                    "on_event": {"file": "hostile.lua", "function": "on_event", "budget_ms": 20000,
                                 "memory_mb": 256}}})");
    }
    void write(const std::string& name, const std::string& text) const { std::ofstream(district() / name) << text; }
};

std::uintmax_t databaseBytes(const ServerProcess& server) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::directory_iterator(server.dataDir().path())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("yishi.db", 0) == 0 && entry.is_regular_file()) total += entry.file_size();
    }
    return total;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_plugin)

BOOST_AUTO_TEST_CASE(a_plugin_error_of_100_mb_answers_and_logs_a_few_kb) {
    HostilePlugins plugins;
    ServerProcess server({"--plugins-dir", plugins.root().string()});
    HttpClient admin(server.port());
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    const std::size_t log_before = server.stderrText().size() + server.stdoutText().size();

    HttpResult flooded = admin.post("/api/v1/districts/1/selection/preview", kGreedyCase);
    BOOST_TEST(flooded.status == 503);
    BOOST_TEST(flooded.errorCode() == "plugin.error");
    BOOST_TEST(flooded.body.size() < 8 * 1024u, "answer of " << flooded.body.size() << " bytes");
    const std::string message = flooded.json()->getObject("error")->getValue<std::string>("message_en");
    BOOST_TEST(message.find("plugin 'flood' 6.6.6, hook 'select'") != std::string::npos, message.substr(0, 200));
    BOOST_TEST(message.find("(104857600 bytes)") != std::string::npos, message.substr(message.size() - 100));
    BOOST_TEST(message.size() < 1500u);

    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the log is written in batches
    const std::size_t logged = server.stderrText().size() + server.stdoutText().size() - log_before;
    BOOST_TEST(logged < 64 * 1024u, "the log grew by " << logged << " bytes");
    // The server goes on answering.
    BOOST_TEST(admin.get("/api/v1/health").status == 200);
}

BOOST_AUTO_TEST_CASE(an_on_event_error_stores_a_few_kb_per_event) {
    HostilePlugins plugins;
    ServerProcess server({"--plugins-dir", plugins.root().string()});
    HttpClient admin(server.port());
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    HttpClient author(server.port());
    BOOST_REQUIRE_EQUAL(author.loginBrowser("resident1", server.password("resident1")).status, 201);
    const std::uintmax_t before = databaseBytes(server);
    const std::size_t log_before = server.stderrText().size() + server.stdoutText().size();

    HttpResult created = author.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"楼道灯坏了"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    const std::string base = "/api/v1/proposals/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    for (int i = 0; i < 5; ++i) BOOST_REQUIRE_EQUAL(author.post(base + "/comments", R"({"body":"同意"})").status, 201);

    // Every event ends skipped, with the plugin's error cut short.
    Poco::JSON::Array::Ptr items;
    for (int i = 0; i < 300; ++i) {
        items = admin.get("/api/v1/districts/1/points/skipped").json()->getArray("items");
        if (items->size() >= 5u) break;  // the five comments (and maybe the proposal)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_REQUIRE_GE(items->size(), 5u);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    items = admin.get("/api/v1/districts/1/points/skipped").json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string message = items->getObject(i)->getValue<std::string>("message");
        BOOST_TEST(message.size() <= 4096u + 32u);
        BOOST_TEST(items->getObject(i)->getValue<std::string>("code") == "plugin.error");
    }
    const std::uintmax_t grown = databaseBytes(server) - before;
    BOOST_TEST(grown < 2u * 1024 * 1024, "the database grew by " << grown << " bytes");
    const std::size_t logged = server.stderrText().size() + server.stdoutText().size() - log_before;
    BOOST_TEST(logged < 512 * 1024u, "the log grew by " << logged << " bytes");
}

BOOST_AUTO_TEST_CASE(plugin_files_that_link_out_of_the_folder_are_refused) {
    HostilePlugins plugins;
    // An honest plugin first, then its selection.lua swapped for a link to
    // a file outside the folder (which would load: it is valid Lua).
    fs::remove_all(plugins.district());
    fs::copy(fs::path(YISHI_SOURCE_DIR) / "plugins" / "default", plugins.district(), fs::copy_options::recursive);
    fs::remove_all(plugins.district() / "tests");
    ServerProcess server({"--plugins-dir", plugins.root().string()});
    HttpClient admin(server.port());
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    const std::string hash = admin.get("/api/v1/districts/1/plugins").json()->getValue<std::string>("hash");

    fs::copy_file(plugins.district() / "selection.lua", plugins.dir.path() / "outside.lua");
    fs::remove(plugins.district() / "selection.lua");
    fs::create_symlink(plugins.dir.path() / "outside.lua", plugins.district() / "selection.lua");
    HttpResult refused = admin.post("/api/v1/districts/1/plugins/reload", "{}");
    BOOST_TEST(refused.errorCode() == "plugin.refused", refused.body);
    BOOST_TEST(refused.body.find("leads out of the plugin directory") != std::string::npos, refused.body);
    BOOST_TEST(admin.get("/api/v1/districts/1/plugins").json()->getValue<std::string>("hash") == hash);

    // A relative link out (../) and a link to a system file: refused too.
    fs::remove(plugins.district() / "selection.lua");
    fs::create_symlink("../../outside.lua", plugins.district() / "selection.lua");
    BOOST_TEST(admin.post("/api/v1/districts/1/plugins/reload", "{}").errorCode() == "plugin.refused");
    fs::remove(plugins.district() / "selection.lua");
    fs::create_symlink("/etc/passwd", plugins.district() / "selection.lua");
    BOOST_TEST(admin.post("/api/v1/districts/1/plugins/reload", "{}").errorCode() == "plugin.refused");

    // A link that stays inside the folder is fine.
    fs::remove(plugins.district() / "selection.lua");
    fs::copy_file(plugins.dir.path() / "outside.lua", plugins.district() / "real_selection.lua");
    fs::create_symlink("real_selection.lua", plugins.district() / "selection.lua");
    HttpResult reloaded = admin.post("/api/v1/districts/1/plugins/reload", "{}");
    BOOST_TEST(reloaded.status == 200, reloaded.body);
}

BOOST_AUTO_TEST_SUITE_END()
