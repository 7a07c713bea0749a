#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <chrono>
#include <ctime>
#include <string>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

// What residents and the committee read about themselves and their work:
// who redeemed what, who supports a proposal (counted, never named), the
// committee's queues, and /me.
namespace {

std::int64_t raise(HttpClient& resident, const std::string& title) {
    HttpResult r =
        resident.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":")" + title + R"(","body":"说明"})");
    BOOST_REQUIRE_EQUAL(r.status, 201);
    return r.json()->getValue<std::int64_t>("id");
}

void act(HttpClient& c, std::int64_t id, const std::string& json) {
    BOOST_REQUIRE_EQUAL(c.post("/api/v1/proposals/" + std::to_string(id) + "/actions", json).status, 200);
}

bool arrayHasId(Poco::JSON::Array::Ptr items, const std::string& member, std::int64_t id) {
    for (unsigned i = 0; i < items->size(); ++i) {
        if (items->getObject(i)->getValue<std::int64_t>(member) == id) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(resident_views)

BOOST_AUTO_TEST_CASE(redemptions_name_the_resident_and_the_reward) {
    ServerProcess server;
    HttpClient committee(server.port()), resident(server.port()), admin(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    resident.loginBrowser("resident2", server.password("resident2"));
    admin.loginBrowser("admin", server.password("admin"));
    const std::int64_t me = userId(resident);
    BOOST_REQUIRE_EQUAL(committee
                            .post("/api/v1/communities/1/volunteer-hours",
                                  R"({"user_id": )" + std::to_string(me) + R"(, "minutes": 60, "description": "助老"})")
                            .status,
                        201);
    HttpResult item = admin.post("/api/v1/districts/1/rewards", R"({"name": "环保袋", "cost": 1, "stock": 5})");
    BOOST_REQUIRE_EQUAL(item.status, 201);
    const std::string reward = std::to_string(item.json()->getValue<std::int64_t>("id"));
    HttpResult redeemed;
    for (int i = 0; i < 100; ++i) {  // the points arrive from the background pump
        redeemed = resident.post("/api/v1/rewards/" + reward + "/redemptions", R"({"idempotency_key": "bag"})");
        if (redeemed.status == 201) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_REQUIRE_EQUAL(redeemed.status, 201);

    HttpResult listed = committee.get("/api/v1/communities/1/redemptions");
    BOOST_REQUIRE_EQUAL(listed.status, 200);
    Poco::JSON::Object::Ptr first = listed.json()->getArray("items")->getObject(0);
    BOOST_TEST(first->getObject("user")->getValue<std::int64_t>("id") == me);
    BOOST_TEST(first->getObject("user")->getValue<std::string>("display_name") == "钱阿姨");
    BOOST_TEST(first->getObject("reward")->getValue<std::string>("name") == "环保袋");
    BOOST_TEST(first->getObject("reward")->getValue<std::int64_t>("cost") == 1);
    BOOST_TEST(listed.body.find("resident2") == std::string::npos);  // display names, never logins
}

BOOST_AUTO_TEST_CASE(history_counts_supports_without_naming_supporters) {
    ServerProcess server;
    HttpClient author(server.port()), supporter(server.port());
    author.loginBrowser("resident1", server.password("resident1"));
    supporter.loginBrowser("resident2", server.password("resident2"));
    const std::int64_t id = raise(author, "加装电梯");
    const std::string path = "/api/v1/proposals/" + std::to_string(id);
    BOOST_REQUIRE_EQUAL(supporter.post(path + "/supports", "{}").status, 201);
    BOOST_REQUIRE_EQUAL(supporter.del(path + "/supports/mine").status, 200);
    BOOST_REQUIRE_EQUAL(supporter.post(path + "/supports", "{}").status, 201);

    HttpClient anonymous(server.port());
    HttpResult history = anonymous.get(path + "/history");
    BOOST_REQUIRE_EQUAL(history.status, 200);
    BOOST_TEST(history.body.find("钱阿姨") == std::string::npos);
    BOOST_TEST(history.body.find("support.") == std::string::npos);
    BOOST_TEST(anonymous.get(path + "/supports").json()->getValue<std::int64_t>("count") == 1);
    // The author is not told who supports either.
    BOOST_TEST(author.get(path + "/history").body.find("钱阿姨") == std::string::npos);

    // The supporter sees their own support in the history.
    HttpResult own = supporter.get(path + "/history");
    BOOST_TEST(own.body.find("support.given") != std::string::npos);
    BOOST_TEST(own.body.find("support.withdrawn") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_committee_queues_reported_comments_and_ended_consultations) {
    ServerProcess server;
    HttpClient author(server.port()), reporter(server.port()), committee(server.port()), other(server.port());
    author.loginBrowser("resident1", server.password("resident1"));
    reporter.loginBrowser("resident2", server.password("resident2"));
    committee.loginBrowser("committee1", server.password("committee1"));
    other.loginBrowser("committee2", server.password("committee2"));
    const std::int64_t id = raise(author, "路灯");
    const std::string path = "/api/v1/proposals/" + std::to_string(id);
    HttpResult posted = author.post(path + "/comments", R"({"body":"骂人的话","stance":"against"})");
    BOOST_REQUIRE_EQUAL(posted.status, 201);
    const std::int64_t reported = posted.json()->getValue<std::int64_t>("id");
    HttpResult quiet = author.post(path + "/comments", R"({"body":"正常发言","stance":"for"})");
    const std::int64_t untouched = quiet.json()->getValue<std::int64_t>("id");
    BOOST_REQUIRE_EQUAL(
        reporter.post("/api/v1/comments/" + std::to_string(reported) + "/reports", R"({"reason":"辱骂"})").status, 201);

    HttpResult queue = committee.get("/api/v1/communities/1/moderation-queue");
    BOOST_REQUIRE_EQUAL(queue.status, 200);
    Poco::JSON::Array::Ptr items = queue.json()->getArray("items");
    BOOST_TEST(arrayHasId(items, "id", reported));
    BOOST_TEST(!arrayHasId(items, "id", untouched));
    BOOST_TEST(items->getObject(0)->getValue<std::int64_t>("reports") == 1);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("body") == "骂人的话");  // to be reviewed
    BOOST_TEST(queue.body.find("辱骂") == std::string::npos);                      // never who reported, nor why
    BOOST_TEST(other.get("/api/v1/communities/1/moderation-queue").status == 403);
    BOOST_TEST(reporter.get("/api/v1/communities/1/moderation-queue").status == 403);

    // Once the committee has looked (restored or hidden), it leaves the queue.
    BOOST_REQUIRE_EQUAL(committee
                            .post("/api/v1/comments/" + std::to_string(reported) + "/moderation",
                                  R"({"action":"hide","reason":"辱骂他人"})")
                            .status,
                        200);
    BOOST_TEST(
        !arrayHasId(committee.get("/api/v1/communities/1/moderation-queue").json()->getArray("items"), "id", reported));

    // A consultation that ended waits for the committee's next step.
    act(committee, id, R"({"action":"start_screening"})");
    act(committee, id, R"({"action":"accept","reason":"受理"})");
    act(committee, id,
        R"({"action":"open_consultation","consultation_ends_at":)" + std::to_string(std::time(nullptr) + 2) + "}");
    BOOST_TEST(!arrayHasId(committee.get("/api/v1/me/queue").json()->getArray("proposals"), "id", id));
    std::this_thread::sleep_for(std::chrono::milliseconds(3100));
    HttpResult mine = committee.get("/api/v1/me/queue");
    Poco::JSON::Array::Ptr proposals = mine.json()->getArray("proposals");
    BOOST_REQUIRE(arrayHasId(proposals, "id", id));
    BOOST_TEST(mine.body.find("consultation_ended") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(me_names_communities_and_shows_the_resident_role) {
    ServerProcess server;
    HttpClient resident = server.signedIn("resident1");
    HttpResult me = resident.get("/api/v1/me");
    BOOST_REQUIRE_EQUAL(me.status, 200);
    Poco::JSON::Object::Ptr membership = me.json()->getArray("memberships")->getObject(0);
    BOOST_TEST(membership->getValue<std::string>("community_name") == "友谊一村");
    Poco::JSON::Array::Ptr roles = me.json()->getArray("roles");
    BOOST_REQUIRE_EQUAL(roles->size(), 1u);
    BOOST_TEST(roles->getObject(0)->getValue<std::string>("role") == "resident");
    BOOST_TEST(roles->getObject(0)->getObject("scope")->getValue<std::string>("kind") == "community");
    BOOST_TEST(roles->getObject(0)->getObject("scope")->getValue<std::int64_t>("id") == 1);

    HttpClient pending = server.signedIn("pending1");
    HttpResult pending_me = pending.get("/api/v1/me");
    BOOST_TEST(pending_me.json()->getArray("roles")->size() == 0u);  // not verified yet: no role
    BOOST_TEST(pending_me.json()->getArray("memberships")->getObject(0)->getValue<std::string>("community_name") ==
               "友谊一村");
}

BOOST_AUTO_TEST_SUITE_END()
