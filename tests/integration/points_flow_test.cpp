// Points through the real server and the default Lua plugin: volunteer
// service logged by the committee becomes points in the background; a
// resident redeems a reward (idempotently), the committee hands it over.

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <cstdio>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::int64_t balanceOf(HttpClient& client) {
    HttpResult r = client.get("/api/v1/districts/1/points/mine");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()->getValue<std::int64_t>("balance");
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

    HttpResult redeemed =
        resident.post("/api/v1/rewards/" + reward + "/redemptions", R"({"idempotency_key": "bag-1"})");
    BOOST_REQUIRE_EQUAL(redeemed.status, 201);
    BOOST_TEST(redeemed.json()->getValue<std::int64_t>("balance") == balance - 10);
    HttpResult again = resident.post("/api/v1/rewards/" + reward + "/redemptions", R"({"idempotency_key": "bag-1"})");
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json()->getValue<std::int64_t>("id") == redeemed.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(balanceOf(resident) == balance - 10);
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

    // Replaying the district's history through the current plugin gives back
    // the ledger (the server keeps running meanwhile).
    const std::string command = std::string(YISHI_BINARY) + " points replay --district 1 --data-dir '" +
                                server.dataDir().path().string() + "' --plugins-dir '" + YISHI_SOURCE_DIR +
                                "/plugins' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int code = WEXITSTATUS(::pclose(pipe));
    BOOST_TEST(code == 0, output);
    BOOST_TEST(output.find("0 differences") != std::string::npos, output);
    BOOST_TEST(output.find("plugin default 1.0.0") != std::string::npos, output);
}

BOOST_AUTO_TEST_SUITE_END()
