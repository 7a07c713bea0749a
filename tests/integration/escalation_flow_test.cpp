#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

BOOST_AUTO_TEST_SUITE(escalation_flow)

BOOST_AUTO_TEST_CASE(committee_street_and_district_each_see_their_queue) {
    ServerProcess server;
    HttpClient resident = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    HttpClient staff = server.signedIn("street1");
    HttpClient admin = server.signedIn("admin");

    HttpResult raised = resident.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"下水道堵塞"})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    const std::int64_t id = raised.json()->getValue<std::int64_t>("id");
    BOOST_TEST(raised.json()->getArray("overdue")->size() == 0u);
    BOOST_TEST(!raised.json()->isNull("response_due_at"));

    // It waits for the committee.
    HttpResult mine = committee.get("/api/v1/me/queue");
    BOOST_REQUIRE_EQUAL(mine.status, 200);
    bool listed = false;
    Poco::JSON::Array::Ptr waiting = mine.json()->getArray("proposals");
    for (std::size_t i = 0; i < waiting->size(); ++i) {
        listed = listed || waiting->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id") == id;
    }
    BOOST_TEST(listed);
    BOOST_TEST(committee.get("/api/v1/communities/1/proposals?overdue=true").status == 200);
    BOOST_TEST(committee.get("/api/v1/communities/1/proposals?overdue=maybe").errorCode() == "query.overdue");

    const std::string path = "/api/v1/proposals/" + std::to_string(id) + "/escalations";
    BOOST_TEST(resident.post(path, R"({"reason":"x"})").status == 403);
    HttpResult escalated = committee.post(path, R"({"reason":"需要市政部门处理"})");
    BOOST_REQUIRE_EQUAL(escalated.status, 201);
    const std::string escalation =
        "/api/v1/escalations/" + std::to_string(escalated.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(committee.post(path, R"({"reason":"again"})").errorCode() == "escalation.exists");

    HttpResult street_queue = staff.get("/api/v1/streets/1/escalations?status=open");
    BOOST_REQUIRE_EQUAL(street_queue.status, 200);
    BOOST_TEST(street_queue.json()->getArray("items")->size() == 1u);
    // A queue spans communities: each item names its topic and community.
    Poco::JSON::Object::Ptr item = street_queue.json()->getArray("items")->getObject(0);
    BOOST_TEST(item->getValue<std::string>("proposal_title") == "下水道堵塞");
    BOOST_TEST(item->getValue<std::string>("community_name") == "友谊一村");
    BOOST_TEST(staff.get("/api/v1/me/queue")
                   .json()
                   ->getArray("escalations")
                   ->getObject(0)
                   ->getValue<std::string>("proposal_title") == "下水道堵塞");
    BOOST_TEST(committee.get("/api/v1/streets/1/escalations").status == 403);
    BOOST_TEST(staff.get("/api/v1/me/queue").json()->getArray("escalations")->size() == 1u);

    HttpResult forwarded = staff.post(escalation + "/forward", R"({"reason":"跨街道管线"})");
    BOOST_REQUIRE_EQUAL(forwarded.status, 201);
    BOOST_TEST(forwarded.json()->getValue<std::string>("level") == "district");
    const std::string district_item =
        "/api/v1/escalations/" + std::to_string(forwarded.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(staff.post(district_item + "/resolution", R"({"resolution":"x"})").status == 403);
    BOOST_TEST(admin.get("/api/v1/districts/1/escalations?status=open").json()->getArray("items")->size() == 1u);
    HttpResult resolved = admin.post(district_item + "/resolution", R"({"resolution":"已派区水务所疏通"})");
    BOOST_REQUIRE_EQUAL(resolved.status, 200);
    BOOST_TEST(resolved.json()->getValue<std::string>("status") == "resolved");

    HttpClient anonymous(server.port());
    HttpResult trail = anonymous.get(path);
    BOOST_REQUIRE_EQUAL(trail.status, 200);
    BOOST_TEST(trail.json()->getArray("items")->size() == 2u);
    BOOST_TEST(anonymous.get("/api/v1/me/queue").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
