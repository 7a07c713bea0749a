// 小区 and 网格 over HTTP (docs/grids.md), as the people involved meet them:
// 友谊一村's committee names its estates and grids and makes 钱阿姨 the
// 网格员 of one grid; 赵大爷 raises problems and says where they are; a
// problem accepted in her grid goes to her, and she works on it; 赵大爷 says
// which estate he lives in and reads its topics. Refusals for the wrong
// role and scope: residents, another community's committee, a 网格员 on a
// case outside her grid, a resident placing another's topic.
#include <boost/test/unit_test.hpp>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

std::int64_t submitted(HttpClient& resident, const std::string& title) {
    HttpResult raised = resident.post("/api/v1/communities/1/proposals",
                                      R"({"kind":"problem","title":")" + title + R"(","submit":true})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    return idOf(raised);
}

void accept(HttpClient& committee, std::int64_t proposal) {
    const std::string actions = "/api/v1/proposals/" + str(proposal) + "/actions";
    BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"start_screening"})").status, 200);
    BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"accept","reason":"属实"})").status, 200);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grid_flow)

BOOST_AUTO_TEST_CASE(grids_route_problems_to_their_worker_and_residents_follow_their_estate) {
    ServerProcess server;
    HttpClient committee = server.signedIn("committee1");        // 李建国, 友谊一村
    HttpClient other_committee = server.signedIn("committee2");  // 宝林八村
    HttpClient zhao = server.signedIn("resident1");              // 赵大爷, 友谊一村
    HttpClient qian = server.signedIn("resident2");              // 钱阿姨, 友谊一村: made a 网格员 below
    HttpClient sun = server.signedIn("resident3");               // 孙小明, 宝林八村
    HttpClient anonymous(server.port());

    // Only those who run 友谊一村 name its estates and grids.
    BOOST_TEST(zhao.post("/api/v1/communities/1/estates", R"({"name":"阳光小区"})").errorCode() == "grid.forbidden");
    BOOST_TEST(other_committee.post("/api/v1/communities/1/grids", R"({"name":"一网格"})").errorCode() ==
               "grid.forbidden");
    BOOST_TEST(anonymous.post("/api/v1/communities/1/estates", R"({"name":"阳光小区"})").status == 401);
    BOOST_TEST(committee.post("/api/v1/communities/1/estates", R"({"name":""})").errorCode() == "name.invalid");
    HttpResult sunny = committee.post("/api/v1/communities/1/estates", R"({"name":"阳光小区"})");
    BOOST_REQUIRE_EQUAL(sunny.status, 201);
    HttpResult green = committee.post("/api/v1/communities/1/estates", R"({"name":"绿地小区"})");
    BOOST_REQUIRE_EQUAL(green.status, 201);
    HttpResult twice = committee.post("/api/v1/communities/1/estates", R"({"name":"阳光小区"})");
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(twice.errorCode() == "estate.exists");
    HttpResult first = committee.post("/api/v1/communities/1/grids", R"({"name":"一网格"})");
    BOOST_REQUIRE_EQUAL(first.status, 201);
    HttpResult second = committee.post("/api/v1/communities/1/grids", R"({"name":"二网格"})");
    BOOST_REQUIRE_EQUAL(second.status, 201);
    HttpResult elsewhere = other_committee.post("/api/v1/communities/2/grids", R"({"name":"宝林一网格"})");
    BOOST_REQUIRE_EQUAL(elsewhere.status, 201);
    HttpResult elsewhere_estate = other_committee.post("/api/v1/communities/2/estates", R"({"name":"宝林小区"})");
    BOOST_REQUIRE_EQUAL(elsewhere_estate.status, 201);
    const std::string first_grid = "/api/v1/grids/" + str(idOf(first));

    // 钱阿姨 becomes the 网格员 of 一网格; a resident of another community cannot.
    const std::int64_t qian_id = userId(qian);
    const std::string as_qian = R"({"user_id":)" + str(qian_id) + "}";
    BOOST_TEST(zhao.post(first_grid + "/workers", as_qian).errorCode() == "grid.forbidden");
    BOOST_TEST(committee.post(first_grid + "/workers", R"({"user_id":)" + str(userId(sun)) + "}").errorCode() ==
               "grid.worker");
    HttpResult worked = committee.post(first_grid + "/workers", as_qian);
    BOOST_REQUIRE_EQUAL(worked.status, 201);
    BOOST_TEST(worked.json()->getArray("workers")->getObject(0)->getValue<std::string>("display_name") == "钱阿姨");
    BOOST_TEST(committee.post(first_grid + "/workers", as_qian).errorCode() == "grid.worker_exists");
    BOOST_TEST(anonymous.get("/api/v1/communities/9999/grids").errorCode() == "community.not_found");
    HttpResult overview = anonymous.get("/api/v1/communities/1/grids");
    BOOST_REQUIRE_EQUAL(overview.status, 200);
    BOOST_TEST(overview.json()->getArray("estates")->size() == 2u);
    BOOST_TEST(overview.json()->getArray("grids")->size() == 2u);

    // 赵大爷 says where his problems are; nobody else but the committee may.
    const std::int64_t lamp = submitted(zhao, "3 号楼路灯不亮");
    const std::int64_t bench = submitted(zhao, "花园长椅坏了");
    const std::string lamp_place = "/api/v1/proposals/" + str(lamp) + "/place";
    const std::string in_first = R"({"estate_id":)" + str(idOf(sunny)) + R"(,"grid_id":)" + str(idOf(first)) + "}";
    BOOST_TEST(qian.send("PUT", lamp_place, in_first).errorCode() == "place.forbidden");
    BOOST_TEST(zhao.send("PUT", lamp_place, R"({"grid_id":)" + str(idOf(elsewhere)) + "}").errorCode() == "place.grid");
    BOOST_TEST(zhao.send("PUT", lamp_place, R"({"estate_id":)" + str(idOf(elsewhere_estate)) + "}").errorCode() ==
               "place.estate");
    HttpResult placed = zhao.send("PUT", lamp_place, in_first);
    BOOST_REQUIRE_EQUAL(placed.status, 200);
    BOOST_TEST(placed.json()->getObject("estate")->getValue<std::string>("name") == "阳光小区");
    BOOST_TEST(placed.json()->getObject("grid")->getValue<std::string>("name") == "一网格");
    BOOST_TEST(anonymous.get(lamp_place).json()->getValue<bool>("may_change") == false);
    // The committee places the other one in 绿地小区, in 二网格 (which has no worker).
    BOOST_REQUIRE_EQUAL(committee
                            .send("PUT", "/api/v1/proposals/" + str(bench) + "/place",
                                  R"({"estate_id":)" + str(idOf(green)) + R"(,"grid_id":)" + str(idOf(second)) + "}")
                            .status,
                        200);

    // Where it was placed is in the topic's public trace.
    HttpResult history = anonymous.get("/api/v1/proposals/" + str(lamp) + "/history");
    bool traced = false;
    auto items = history.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto item = items->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::string>("action") == "proposal.placed") {
            traced = item->getValue<std::string>("reason") == "阳光小区 / 一网格";
        }
    }
    BOOST_TEST(traced);

    // A resident follows their own estate.
    const std::string my_estate = "/api/v1/communities/1/my-estate";
    BOOST_TEST(zhao.get(my_estate).json()->isNull("estate_id"));
    BOOST_TEST(zhao.send("PUT", my_estate, R"({"estate_id":)" + str(idOf(elsewhere_estate)) + "}").errorCode() ==
               "place.estate");
    BOOST_TEST(sun.send("PUT", my_estate, R"({"estate_id":)" + str(idOf(sunny)) + "}").status == 403);
    BOOST_TEST(anonymous.get(my_estate).status == 401);
    BOOST_REQUIRE_EQUAL(zhao.send("PUT", my_estate, R"({"estate_id":)" + str(idOf(sunny)) + "}").status, 200);
    BOOST_TEST(zhao.get(my_estate).json()->getValue<std::int64_t>("estate_id") == idOf(sunny));
    HttpResult mine = anonymous.get("/api/v1/communities/1/estates/" + str(idOf(sunny)) + "/proposals");
    BOOST_REQUIRE_EQUAL(mine.status, 200);
    BOOST_REQUIRE_EQUAL(mine.json()->getArray("items")->size(), 1u);
    BOOST_TEST(mine.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("id") == lamp);
    BOOST_TEST(
        anonymous.get("/api/v1/communities/1/estates/" + str(idOf(elsewhere_estate)) + "/proposals").errorCode() ==
        "estate.not_found");

    // Accepted, the problem in 一网格 goes to its 网格员 at once; the one in
    // 二网格 (no worker) stays open for the committee.
    accept(committee, lamp);
    accept(committee, bench);
    HttpResult lamp_case = anonymous.get("/api/v1/proposals/" + str(lamp) + "/case");
    BOOST_REQUIRE_EQUAL(lamp_case.status, 200);
    BOOST_TEST(lamp_case.json()->getValue<std::string>("state") == "in_progress");
    BOOST_TEST(lamp_case.json()->getObject("assignee")->getValue<std::int64_t>("id") == qian_id);
    HttpResult bench_case = anonymous.get("/api/v1/proposals/" + str(bench) + "/case");
    BOOST_TEST(bench_case.json()->getValue<std::string>("state") == "open");
    const std::string lamp_url = "/api/v1/cases/" + str(idOf(lamp_case));
    const std::string bench_url = "/api/v1/cases/" + str(idOf(bench_case));

    // She works on her grid's case; not on one outside it, and she does not hand cases out.
    BOOST_TEST(qian.post(lamp_url + "/steps", R"({"text":"已联系物业换灯泡"})").status == 201);
    BOOST_TEST(qian.post(bench_url + "/steps", R"({"text":"我来看看"})").errorCode() == "case.forbidden");
    BOOST_TEST(qian.post(bench_url + "/assignment", R"({"assignee_id":)" + str(qian_id) + "}").errorCode() ==
               "case.forbidden");
    BOOST_TEST(zhao.post(lamp_url + "/steps", R"({"text":"x"})").errorCode() == "case.forbidden");
    HttpResult done = qian.post(lamp_url + "/completion", R"({"summary":"灯已修好"})");
    BOOST_REQUIRE_EQUAL(done.status, 200);
    BOOST_TEST(done.json()->getValue<std::string>("state") == "done");

    // The committee may give a case to a 网格员 too; she then works on it.
    HttpResult offered = committee.get(bench_url);
    bool offers_qian = false;
    auto assignable = offered.json()->getArray("assignable");
    for (std::size_t i = 0; i < assignable->size(); ++i) {
        offers_qian |= assignable->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id") == qian_id;
    }
    BOOST_TEST(offers_qian);
    BOOST_REQUIRE_EQUAL(committee.post(bench_url + "/assignment", R"({"assignee_id":)" + str(qian_id) + "}").status,
                        200);
    BOOST_TEST(qian.post(bench_url + "/steps", R"({"text":"长椅已报修"})").status == 201);

    // Removed from the grid, she is offered no longer, and new problems there stay open.
    BOOST_TEST(zhao.del(first_grid + "/workers/" + str(qian_id)).errorCode() == "grid.forbidden");
    BOOST_REQUIRE_EQUAL(committee.del(first_grid + "/workers/" + str(qian_id)).status, 200);
    BOOST_TEST(committee.del(first_grid + "/workers/" + str(qian_id)).errorCode() == "grid.not_worker");
    const std::int64_t drain = submitted(zhao, "下水道堵了");
    BOOST_REQUIRE_EQUAL(
        zhao.send("PUT", "/api/v1/proposals/" + str(drain) + "/place", R"({"grid_id":)" + str(idOf(first)) + "}")
            .status,
        200);
    accept(committee, drain);
    BOOST_TEST(anonymous.get("/api/v1/proposals/" + str(drain) + "/case").json()->getValue<std::string>("state") ==
               "open");

    // Once decided on, the author no longer moves it; the committee still can.
    BOOST_TEST(zhao.send("PUT", lamp_place, R"({"estate_id":null,"grid_id":null})").errorCode() == "place.forbidden");
    HttpResult cleared = committee.send("PUT", lamp_place, R"({"estate_id":null,"grid_id":null})");
    BOOST_REQUIRE_EQUAL(cleared.status, 200);
    BOOST_TEST(cleared.json()->isNull("estate"));
    BOOST_TEST(anonymous.get("/api/v1/communities/1/estates/" + str(idOf(sunny)) + "/proposals")
                   .json()
                   ->getArray("items")
                   ->size() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
