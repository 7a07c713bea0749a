// Points through the real server and the default Lua plugin: volunteer
// service logged by the committee becomes points in the background; a
// resident redeems a reward (idempotently), the committee hands it over.

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace yishi::testing;
namespace fs = std::filesystem;

namespace {

std::int64_t balanceOf(HttpClient& client) {
    HttpResult r = client.get("/api/v1/districts/1/points/mine");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()->getValue<std::int64_t>("balance");
}

// `yishi points replay` of district 1 against `plugins_dir`: its exit code and output.
std::pair<int, std::string> replay(const ServerProcess& server, const std::string& plugins_dir) {
    const std::string command = std::string(YISHI_BINARY) + " points replay --district 1 --data-dir '" +
                                server.dataDir().path().string() + "' --plugins-dir '" + plugins_dir + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    return {WEXITSTATUS(::pclose(pipe)), output};
}

// A plugins root whose district 1 runs its own copy of the shipped default,
// without its test cases (so a changed rule reloads).
struct DistrictPlugin {
    TempDir dir;
    fs::path root() const { return dir.path() / "plugins"; }
    fs::path district() const { return root() / "1"; }
    DistrictPlugin() {
        const fs::path shipped = fs::path(YISHI_SOURCE_DIR) / "plugins" / "default";
        fs::create_directories(root());
        fs::copy(shipped, root() / "default", fs::copy_options::recursive);
        fs::copy(shipped, district(), fs::copy_options::recursive);
        fs::remove_all(district() / "tests");
    }
    std::string read(const std::string& name) const {
        std::ifstream in(district() / name);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    void write(const std::string& name, const std::string& text) const { std::ofstream(district() / name) << text; }
    void replace(const std::string& name, const std::string& pattern, const std::string& with) const {
        write(name, std::regex_replace(read(name), std::regex(pattern), with));
    }
};

std::int64_t waitForBalance(HttpClient& client, std::int64_t wanted) {
    std::int64_t balance = balanceOf(client);
    for (int i = 0; i < 100 && balance != wanted; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        balance = balanceOf(client);
    }
    return balance;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(points_flow)

BOOST_AUTO_TEST_CASE(volunteer_service_earns_points_that_buy_a_reward) {
    ServerProcess server;
    HttpClient committee(server.port()), resident(server.port()), neighbour(server.port()), admin(server.port());
    BOOST_REQUIRE_EQUAL(committee.loginBrowser("committee1", server.password("committee1")).status, 201);
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident2", server.password("resident2")).status, 201);
    BOOST_REQUIRE_EQUAL(neighbour.loginBrowser("resident1", server.password("resident1")).status, 201);
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    const std::int64_t me = resident.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
    const std::int64_t before = balanceOf(resident);

    HttpResult logged =
        committee.post("/api/v1/communities/1/volunteer-hours",
                       R"({"user_id": )" + std::to_string(me) + R"(, "minutes": 95, "description": "助老送餐"})");
    BOOST_REQUIRE_EQUAL(logged.status, 201);
    BOOST_TEST(resident
                   .post("/api/v1/communities/1/volunteer-hours",
                         R"({"user_id": )" + std::to_string(me) + R"(, "minutes": 30, "description": "自己记"})")
                   .status == 403);
    BOOST_TEST(committee
                   .post("/api/v1/communities/1/volunteer-hours",
                         R"({"user_id": )" + std::to_string(me) + R"(, "minutes": 0, "description": "x"})")
                   .errorCode() == "volunteer.minutes");
    // 2^64 + 1 minutes is refused, not wrapped to 1 minute.
    HttpResult huge = committee.post(
        "/api/v1/communities/1/volunteer-hours",
        R"({"user_id": )" + std::to_string(me) + R"(, "minutes": 18446744073709551617, "description": "x"})");
    BOOST_TEST(huge.status == 400);
    BOOST_TEST(huge.errorCode() == "body.wrong_type");

    // 95 minutes: 4 started half hours, 3 points each, under the daily cap.
    std::int64_t balance = before;
    for (int i = 0; i < 100 && balance < before + 12; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        balance = balanceOf(resident);
    }
    BOOST_TEST(balance == before + 12);
    HttpResult statement = resident.get("/api/v1/districts/1/points/mine?limit=1");
    auto newest = statement.json()->getArray("items")->getObject(0);
    BOOST_TEST(newest->getValue<std::string>("rule") == "volunteer");
    BOOST_TEST(newest->getValue<std::string>("reason") == "志愿服务");

    HttpResult item = admin.post("/api/v1/districts/1/rewards", R"({"name": "环保袋", "cost": 10, "stock": 1})");
    BOOST_REQUIRE_EQUAL(item.status, 201);
    const std::string reward = std::to_string(item.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(committee.post("/api/v1/districts/1/rewards", R"({"name": "x", "cost": 1, "stock": 1})").status == 403);
    HttpClient anonymous(server.port());
    BOOST_TEST(anonymous.get("/api/v1/districts/1/rewards").status == 200);
    // Two rewards offered at once never share a name, made or renamed so.
    HttpResult twin = admin.post("/api/v1/districts/1/rewards", R"({"name": "环保袋", "cost": 20, "stock": 1})");
    BOOST_TEST(twin.status == 409);
    BOOST_TEST(twin.errorCode() == "reward.exists");
    HttpResult cup = admin.post("/api/v1/districts/1/rewards", R"({"name": "水杯", "cost": 20, "stock": 0})");
    BOOST_REQUIRE_EQUAL(cup.status, 201);
    const std::string cup_path = "/api/v1/rewards/" + std::to_string(cup.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(admin.send("PATCH", cup_path, R"({"name": "环保袋"})").errorCode() == "reward.exists");
    BOOST_TEST(admin.send("PATCH", cup_path, R"({"active": false})").status == 200);
    BOOST_TEST(admin.send("PATCH", cup_path, R"({"name": "环保袋"})").status == 200);  // withdrawn: may
    BOOST_TEST(admin.send("PATCH", cup_path, R"({"active": true})").errorCode() == "reward.exists");

    HttpResult redeemed =
        resident.post("/api/v1/rewards/" + reward + "/redemptions", R"({"idempotency_key": "bag-1"})");
    BOOST_REQUIRE_EQUAL(redeemed.status, 201);
    BOOST_TEST(redeemed.json()->getValue<std::int64_t>("balance") == balance - 10);
    HttpResult again = resident.post("/api/v1/rewards/" + reward + "/redemptions", R"({"idempotency_key": "bag-1"})");
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json()->getValue<std::int64_t>("id") == redeemed.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(balanceOf(resident) == balance - 10);
    // Her ledger says what the points went on and that the gift awaits her.
    auto gift = resident.get("/api/v1/districts/1/points/mine?limit=1").json()->getArray("items")->getObject(0);
    BOOST_TEST(gift->getValue<std::int64_t>("delta") == -10);
    BOOST_TEST(gift->getValue<std::string>("reward_name") == "环保袋");
    BOOST_TEST(gift->getValue<std::string>("redemption_state") == "requested");
    BOOST_TEST(gift->isNull("handed_over_at"));
    HttpResult empty = neighbour.post("/api/v1/rewards/" + reward + "/redemptions", R"({"idempotency_key": "bag-2"})");
    BOOST_TEST(empty.status == 409);
    BOOST_TEST((empty.errorCode() == "reward.out_of_stock" || empty.errorCode() == "points.insufficient"));

    const std::string redemption = std::to_string(redeemed.json()->getValue<std::int64_t>("id"));
    HttpResult pending = committee.get("/api/v1/communities/1/redemptions?state=requested");
    BOOST_REQUIRE_EQUAL(pending.status, 200);
    BOOST_TEST(pending.json()->getArray("items")->size() == 1u);
    BOOST_TEST(resident.post("/api/v1/redemptions/" + redemption + "/handover", "{}").status == 403);
    HttpResult handed = committee.post("/api/v1/redemptions/" + redemption + "/handover", "{}");
    BOOST_REQUIRE_EQUAL(handed.status, 200);
    BOOST_TEST(handed.json()->getValue<std::string>("state") == "handed_over");
    BOOST_TEST(committee.post("/api/v1/redemptions/" + redemption + "/handover", "{}").status == 409);
    gift = resident.get("/api/v1/districts/1/points/mine?limit=1").json()->getArray("items")->getObject(0);
    BOOST_TEST(gift->getValue<std::string>("redemption_state") == "handed_over");
    BOOST_TEST(!gift->isNull("handed_over_at"));
    BOOST_TEST(statement.json()->getArray("items")->getObject(0)->isNull("reward_name"));

    // Replaying the district's history through the current plugin gives back
    // the ledger (the server keeps running meanwhile).
    const auto [code, output] = replay(server, std::string(YISHI_SOURCE_DIR) + "/plugins");
    BOOST_TEST(code == 0, output);
    BOOST_TEST(output.find("0 differences") != std::string::npos, output);
    BOOST_TEST(output.find("plugin default 1.0.0") != std::string::npos, output);
}

BOOST_AUTO_TEST_CASE(replay_judges_each_row_by_the_plugin_version_that_made_it) {
    DistrictPlugin plugin;
    ServerProcess server({"--plugins-dir", plugin.root().string()});
    HttpClient committee(server.port()), resident(server.port()), admin(server.port());
    BOOST_REQUIRE_EQUAL(committee.loginBrowser("committee1", server.password("committee1")).status, 201);
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident2", server.password("resident2")).status, 201);
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    const std::string me = std::to_string(userId(resident));
    const std::int64_t before = balanceOf(resident);
    const std::string service = R"({"user_id": )" + me + R"(, "minutes": 60, "description": "巡逻"})";

    // Version 1.0.0: 3 points per started half hour.
    BOOST_REQUIRE_EQUAL(committee.post("/api/v1/communities/1/volunteer-hours", service).status, 201);
    BOOST_REQUIRE_EQUAL(waitForBalance(resident, before + 6), before + 6);

    // A legitimate rule change: 1.1.0 gives 4 per half hour.
    plugin.replace("points.lua", R"(points = 3,  daily_cap = 24)", "points = 4,  daily_cap = 24");
    plugin.replace("manifest.json", R"("version": "1.0.0")", R"("version": "1.1.0")");
    BOOST_REQUIRE_EQUAL(admin.post("/api/v1/districts/1/plugins/reload", "{}").status, 200);
    BOOST_REQUIRE_EQUAL(committee.post("/api/v1/communities/1/volunteer-hours", service).status, 201);
    BOOST_REQUIRE_EQUAL(waitForBalance(resident, before + 14), before + 14);

    // Each row is replayed with the version that made it (kept in the
    // database), so nothing looks tampered with.
    const auto [code, output] = replay(server, plugin.root().string());
    BOOST_TEST(code == 0, output);
    BOOST_TEST(output.find("0 differences") != std::string::npos, output);

    // The ledger says which version made each row.
    auto items = resident.get("/api/v1/districts/1/points/mine?limit=2").json()->getArray("items");
    BOOST_TEST(items->getObject(0)->getValue<std::string>("plugin").find("default 1.1.0 ") == 0u);
    BOOST_TEST(items->getObject(1)->getValue<std::string>("plugin").find("default 1.0.0 ") == 0u);
}

BOOST_AUTO_TEST_CASE(a_skipped_event_is_listed_for_those_who_run_the_district_and_retried) {
    DistrictPlugin plugin;
    plugin.replace(
        "points.lua", "local function on_event\\(event\\)",
        "local function on_event(event)\n  if event.type == \"volunteer.logged\" then error(\"broken\") end");
    ServerProcess server({"--plugins-dir", plugin.root().string()});
    HttpClient committee(server.port()), resident(server.port()), admin(server.port()), observer(server.port()),
        other_committee(server.port());
    BOOST_REQUIRE_EQUAL(committee.loginBrowser("committee1", server.password("committee1")).status, 201);
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident2", server.password("resident2")).status, 201);
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    BOOST_REQUIRE_EQUAL(observer.loginBrowser("observer", server.password("observer")).status, 201);
    BOOST_REQUIRE_EQUAL(other_committee.loginBrowser("committee2", server.password("committee2")).status, 201);
    const std::string me = std::to_string(userId(resident));
    const std::int64_t before = balanceOf(resident);

    HttpResult logged = committee.post("/api/v1/communities/1/volunteer-hours",
                                       R"({"user_id": )" + me + R"(, "minutes": 30, "description": "扫雪"})");
    BOOST_REQUIRE_EQUAL(logged.status, 201);
    const std::int64_t event = logged.json()->getValue<std::int64_t>("event_id");

    HttpResult skipped;
    for (int i = 0; i < 100; ++i) {
        skipped = admin.get("/api/v1/districts/1/points/skipped");
        if (skipped.status == 200 && skipped.json()->getArray("items")->size() > 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_REQUIRE_EQUAL(skipped.status, 200);
    BOOST_REQUIRE_EQUAL(skipped.json()->getArray("items")->size(), 1u);
    auto row = skipped.json()->getArray("items")->getObject(0);
    BOOST_TEST(row->getValue<std::int64_t>("event_id") == event);
    BOOST_TEST(row->getValue<std::string>("event_type") == "volunteer.logged");
    BOOST_TEST(row->getValue<std::int64_t>("community_id") == 1);
    BOOST_TEST(row->getValue<std::string>("message").find("broken") != std::string::npos, skipped.body);
    BOOST_TEST(row->getValue<std::string>("plugin").find("default 1.0.0 ") == 0u);

    // The committee sees its own community's; others of the district see none
    // of it; residents are refused.
    BOOST_TEST(committee.get("/api/v1/districts/1/points/skipped").json()->getArray("items")->size() == 1u);
    BOOST_TEST(observer.get("/api/v1/districts/1/points/skipped").json()->getArray("items")->size() == 1u);
    BOOST_TEST(other_committee.get("/api/v1/districts/1/points/skipped").json()->getArray("items")->size() == 0u);
    BOOST_TEST(resident.get("/api/v1/districts/1/points/skipped").status == 403);

    // Retrying with the rule still broken keeps it skipped; only an admin retries.
    const std::string retry = "/api/v1/districts/1/points/skipped/" + std::to_string(event) + "/retry";
    BOOST_TEST(committee.post(retry, "{}").status == 403);
    HttpResult failed = admin.post(retry, "{}");
    BOOST_TEST(failed.status == 409, failed.body);
    BOOST_TEST(failed.errorCode() == "points.still_skipped");

    // The rule is mended and reloaded: the retry awards the points.
    plugin.replace("points.lua", "\n  if event.type == \"volunteer.logged\" then error\\(\"broken\"\\) end", "");
    plugin.replace("manifest.json", R"("version": "1.0.0")", R"("version": "1.0.1")");
    BOOST_REQUIRE_EQUAL(admin.post("/api/v1/districts/1/plugins/reload", "{}").status, 200);
    HttpResult retried = admin.post(retry, "{}");
    BOOST_REQUIRE_EQUAL(retried.status, 200);
    BOOST_TEST(retried.json()->getArray("awards")->size() == 1u);
    BOOST_TEST(balanceOf(resident) == before + 3);
    BOOST_TEST(admin.get("/api/v1/districts/1/points/skipped").json()->getArray("items")->size() == 0u);
    BOOST_TEST(admin.post(retry, "{}").status == 404);

    // The history replays as it was made: the retry by 1.0.1.
    const auto [code, output] = replay(server, plugin.root().string());
    BOOST_TEST(code == 0, output);
}

BOOST_AUTO_TEST_SUITE_END()
