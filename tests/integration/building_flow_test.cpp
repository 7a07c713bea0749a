// 楼栋长 and the household roster over HTTP (docs/grids.md): 友谊一村's
// committee appoints 钱阿姨 楼栋长 of 阳光小区 3号楼 and 5号楼, records where
// 赵大爷 and 吴先生 live, and 钱阿姨 raises a problem for 赵大爷 of her
// building, marked as a 楼栋长's act in the trace and in his own history. A
// 网格员 acts in the grid a resident is recorded in, no longer on their word
// alone, and records the residents of their own grids. Refused: anyone but
// the committee appointing, another community's committee, a head for a
// resident outside their building, a worker outside their grid, and the
// roster for anyone who is neither committee, worker nor head.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// The display names of a roster's residents, in its order.
std::vector<std::string> namesIn(const HttpResult& roster) {
    std::vector<std::string> out;
    auto items = roster.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        out.push_back(
            items->getObject(static_cast<unsigned>(i))->getObject("user")->getValue<std::string>("display_name"));
    }
    return out;
}

// The actions of a district audit page.
std::vector<std::string> actionsIn(const HttpResult& audit) {
    std::vector<std::string> out;
    auto items = audit.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto item = items->getObject(static_cast<unsigned>(i));
        out.push_back(item->getValue<std::string>("action") + " " + item->getValue<std::string>("reason"));
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(building_flow)

BOOST_AUTO_TEST_CASE(building_heads_act_for_the_residents_of_their_building_as_the_roster_records_them) {
    ServerProcess server;
    HttpClient committee = server.signedIn("committee1");        // 李建国, 友谊一村
    HttpClient other_committee = server.signedIn("committee2");  // 宝林八村
    HttpClient zhao = server.signedIn("resident1");              // 赵大爷, 友谊一村
    HttpClient qian = server.signedIn("resident2");              // 钱阿姨, 友谊一村: 楼栋长
    HttpClient sun = server.signedIn("resident3");               // 孙小明, 宝林八村
    HttpClient wu = server.signedIn("pending1");                 // 吴先生, 友谊一村 once verified: 网格员
    HttpClient anonymous(server.port());

    const std::int64_t zhao_id = userId(zhao);
    const std::int64_t qian_id = userId(qian);
    const std::int64_t wu_id = userId(wu);
    BOOST_REQUIRE_EQUAL(
        committee.post("/api/v1/communities/1/members/" + str(wu_id) + "/verification", R"({"decision":"verify"})")
            .status,
        200);
    HttpResult sunny = committee.post("/api/v1/communities/1/estates", R"({"name":"阳光小区"})");
    BOOST_REQUIRE_EQUAL(sunny.status, 201);
    HttpResult first = committee.post("/api/v1/communities/1/grids", R"({"name":"一网格"})");
    HttpResult second = committee.post("/api/v1/communities/1/grids", R"({"name":"二网格"})");
    BOOST_REQUIRE_EQUAL(second.status, 201);
    HttpResult elsewhere = other_committee.post("/api/v1/communities/2/grids", R"({"name":"八村网格"})");
    BOOST_REQUIRE_EQUAL(elsewhere.status, 201);
    const std::string heads = "/api/v1/estates/" + str(idOf(sunny)) + "/building-heads";
    const std::string qian_in = R"(,"user_id":)" + str(qian_id) + "}";

    // Appointing a 楼栋长: the committee of the estate's community only.
    BOOST_TEST(zhao.post(heads, R"({"building":"3号楼")" + qian_in).errorCode() == "grid.forbidden");
    HttpResult not_theirs = other_committee.post(heads, R"({"building":"3号楼")" + qian_in);
    BOOST_TEST(not_theirs.status == 403);
    BOOST_TEST(not_theirs.errorCode() == "grid.forbidden");
    BOOST_TEST(committee.post(heads, R"({"building":"3号楼","user_id":)" + str(userId(sun)) + "}").errorCode() ==
               "building.head");
    BOOST_TEST(committee.post(heads, R"({"building":" ")" + qian_in).errorCode() == "building.invalid");
    BOOST_TEST(committee.post("/api/v1/estates/99999/building-heads", R"({"building":"3号楼")" + qian_in).status ==
               404);
    HttpResult appointed = committee.post(heads, R"({"building":"3号楼")" + qian_in);
    BOOST_REQUIRE_EQUAL(appointed.status, 201);
    BOOST_TEST(appointed.json()->getObject("user")->getValue<std::string>("display_name") == "钱阿姨");
    BOOST_TEST(committee.post(heads, R"({"building":"3号楼")" + qian_in).errorCode() == "building.head_exists");
    HttpResult fifth = committee.post(heads, R"({"building":"5号楼")" + qian_in);  // several buildings, one person
    BOOST_REQUIRE_EQUAL(fifth.status, 201);

    // The heads are public, on the community's estates and grids.
    auto estate = anonymous.get("/api/v1/communities/1/grids").json()->getArray("estates")->getObject(0);
    auto listed = estate->getArray("building_heads");
    BOOST_REQUIRE_EQUAL(listed->size(), 2u);
    BOOST_TEST(listed->getObject(0)->getValue<std::string>("building") == "3号楼");
    BOOST_TEST(listed->getObject(0)->getObject("user")->getValue<std::string>("display_name") == "钱阿姨");

    // The roster: the committee records where residents live.
    const std::string places = "/api/v1/communities/1/resident-places/";
    const std::string in_sunny = R"("estate_id":)" + str(idOf(sunny));
    HttpResult zhao_place = committee.send(
        "PUT", places + str(zhao_id), R"({"grid_id":)" + str(idOf(first)) + "," + in_sunny + R"(,"building":"3号楼"})");
    BOOST_REQUIRE_EQUAL(zhao_place.status, 200);
    BOOST_TEST(zhao_place.json()->getValue<std::string>("building") == "3号楼");
    BOOST_REQUIRE_EQUAL(committee
                            .send("PUT", places + str(wu_id),
                                  R"({"grid_id":)" + str(idOf(second)) + "," + in_sunny + R"(,"building":"7号楼"})")
                            .status,
                        200);
    BOOST_REQUIRE_EQUAL(committee.send("PUT", places + str(qian_id), R"({"grid_id":)" + str(idOf(second)) + "}").status,
                        200);
    BOOST_TEST(qian.send("PUT", places + str(zhao_id), R"({"grid_id":)" + str(idOf(first)) + "}").errorCode() ==
               "roster.forbidden");
    BOOST_TEST(
        other_committee.send("PUT", places + str(zhao_id), R"({"grid_id":)" + str(idOf(first)) + "}").errorCode() ==
        "roster.forbidden");
    BOOST_TEST(
        committee.send("PUT", places + str(userId(sun)), R"({"grid_id":)" + str(idOf(first)) + "}").errorCode() ==
        "roster.resident");
    BOOST_TEST(committee.send("PUT", places + str(zhao_id), R"({"building":"3号楼"})").errorCode() ==
               "roster.building");
    BOOST_TEST(
        committee.send("PUT", places + str(zhao_id), R"({"grid_id":)" + str(idOf(elsewhere)) + "}").errorCode() ==
        "place.grid");

    // Who sees it: the committee all; a 楼栋长 the residents of their buildings; nobody else.
    BOOST_TEST(namesIn(committee.get("/api/v1/communities/1/resident-places")).size() == 3u);
    BOOST_TEST(namesIn(qian.get("/api/v1/communities/1/resident-places")) == std::vector<std::string>{"赵大爷"});
    BOOST_TEST(zhao.get("/api/v1/communities/1/resident-places").errorCode() == "roster.forbidden");
    BOOST_TEST(other_committee.get("/api/v1/communities/1/resident-places").errorCode() == "roster.forbidden");
    BOOST_TEST(anonymous.get("/api/v1/communities/1/resident-places").status == 401);

    // 钱阿姨 acts for 赵大爷 of her 3号楼: the act is his, marked as a 楼栋长's.
    const std::string raise = R"({"kind":"raise","community_id":1,"title":"3号楼楼道堆物","consent":"present",)";
    HttpResult outside = qian.post("/api/v1/assisted-acts", raise + R"("resident_id":)" + str(wu_id) + "}");
    BOOST_TEST(outside.status == 403);
    BOOST_TEST(outside.errorCode() == "assist.outside_building");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", raise + R"("building":"5号楼","resident_id":)" + str(zhao_id) + "}")
                   .errorCode() == "assist.outside_building");
    HttpResult raised = qian.post("/api/v1/assisted-acts",
                                  raise + in_sunny + R"(,"building":"3号楼","resident_id":)" + str(zhao_id) + "}");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    BOOST_TEST(raised.json()->getValue<std::string>("helper_role") == "building_head");
    const std::string topic = "/api/v1/proposals/" + str(raised.json()->getValue<std::int64_t>("subject_id"));
    BOOST_TEST(anonymous.get(topic).json()->getObject("author")->getValue<std::string>("display_name") == "赵大爷");
    BOOST_TEST(anonymous.get(topic + "/place").json()->getObject("estate")->getValue<std::string>("name") ==
               "阳光小区");
    auto history = anonymous.get(topic + "/history").json()->getArray("items");
    bool marked = false;
    for (std::size_t i = 0; i < history->size(); ++i) {
        auto item = history->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::string>("action") != "proposal.created" || item->isNull("assisted")) continue;
        marked = item->getObject("assisted")->getValue<std::string>("role") == "building_head" &&
                 item->getObject("assisted")->getObject("by")->getValue<std::string>("display_name") == "钱阿姨";
    }
    BOOST_TEST(marked);
    // His own history: the topic's creation and what came with it, each by her hand as 楼栋长.
    auto mine = zhao.get("/api/v1/me/assisted-acts").json()->getArray("items");
    BOOST_REQUIRE_GE(mine->size(), 1u);
    bool created = false;
    for (std::size_t i = 0; i < mine->size(); ++i) {
        auto act = mine->getObject(static_cast<unsigned>(i));
        BOOST_TEST(act->getValue<std::string>("role") == "building_head");
        created |= act->getValue<std::string>("action") == "proposal.created";
    }
    BOOST_TEST(created);
    // Whom she may act for: the residents recorded in her buildings.
    auto assistable = qian.get("/api/v1/communities/1/assistable-residents").json()->getArray("items");
    BOOST_REQUIRE_EQUAL(assistable->size(), 1u);
    BOOST_TEST(assistable->getObject(0)->getValue<std::int64_t>("id") == zhao_id);

    // 吴先生, 网格员 of 一网格: in the grid a resident is recorded in, not on his word.
    BOOST_REQUIRE_EQUAL(
        committee.post("/api/v1/grids/" + str(idOf(first)) + "/workers", R"({"user_id":)" + str(wu_id) + "}").status,
        201);
    HttpResult on_his_word = wu.post("/api/v1/assisted-acts", raise + R"("grid_id":)" + str(idOf(first)) +
                                                                  R"(,"resident_id":)" + str(qian_id) + "}");
    BOOST_TEST(on_his_word.status == 403);
    BOOST_TEST(on_his_word.errorCode() == "assist.outside_grid");
    HttpResult in_record = wu.post("/api/v1/assisted-acts", R"({"kind":"support","consent":"present","proposal_id":)" +
                                                                topic.substr(topic.rfind('/') + 1) +
                                                                R"(,"resident_id":)" + str(qian_id) + "}");
    BOOST_TEST(in_record.errorCode() == "assist.outside_grid");
    HttpResult worker_act =
        wu.post("/api/v1/assisted-acts", R"({"kind":"comment","consent":"present","proposal_id":)" +
                                             topic.substr(topic.rfind('/') + 1) +
                                             R"(,"body":"我也看到了","resident_id":)" + str(zhao_id) + "}");
    BOOST_REQUIRE_EQUAL(worker_act.status, 201);
    BOOST_TEST(worker_act.json()->getValue<std::string>("helper_role") == "grid_worker");
    // He records the residents of his own grid only, and sees only them.
    BOOST_TEST(wu.send("PUT", places + str(qian_id), R"({"grid_id":)" + str(idOf(first)) + "}").errorCode() ==
               "roster.outside_grid");
    BOOST_TEST(wu.send("PUT", places + str(zhao_id), R"({"grid_id":)" + str(idOf(second)) + "}").errorCode() ==
               "roster.outside_grid");
    HttpResult moved = wu.send("PUT", places + str(zhao_id),
                               R"({"grid_id":)" + str(idOf(first)) + "," + in_sunny + R"(,"building":"5号楼"})");
    BOOST_REQUIRE_EQUAL(moved.status, 200);
    BOOST_TEST(namesIn(wu.get("/api/v1/communities/1/resident-places")) == std::vector<std::string>{"赵大爷"});

    // His problem is accepted and marked done; he tells 钱阿姨 at his door it
    // is not solved, and she says so for him: the case reopens, by his hand.
    const std::string actions = topic + "/actions";
    BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"start_screening"})").status, 200);
    BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"accept","reason":"属实"})").status, 200);
    const std::int64_t case_id = idOf(anonymous.get(topic + "/case"));
    const std::string the_case = "/api/v1/cases/" + str(case_id);
    BOOST_REQUIRE_EQUAL(
        committee.post(the_case + "/assignment", R"({"assignee_id":)" + str(userId(committee)) + "}").status, 200);
    BOOST_REQUIRE_EQUAL(committee.post(the_case + "/completion", R"({"summary":"已清理"})").status, 200);
    const std::string not_solved = R"({"kind":"not_solved","consent":"present","case_id":)" + str(case_id);
    BOOST_TEST(
        qian.post("/api/v1/assisted-acts", not_solved + R"(,"body":"又堆满了","resident_id":)" + str(wu_id) + "}")
            .errorCode() == "assist.outside_building");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", R"({"kind":"not_solved","consent":"present","case_id":99999,)"
                                                  R"("body":"x","resident_id":)" +
                                                      str(zhao_id) + "}")
                   .errorCode() == "case.not_found");
    HttpResult reopened =
        qian.post("/api/v1/assisted-acts", not_solved + R"(,"body":"又堆满了","resident_id":)" + str(zhao_id) + "}");
    BOOST_REQUIRE_EQUAL(reopened.status, 201);
    BOOST_TEST(reopened.json()->getValue<std::int64_t>("subject_id") == case_id);
    BOOST_TEST(anonymous.get(the_case).json()->getValue<std::string>("state") == "in_progress");
    // The case's record shows that 钱阿姨 said it for him, as the topic's history does.
    auto entries = anonymous.get(the_case).json()->getArray("entries");
    auto last = entries->getObject(entries->size() - 1);
    BOOST_TEST(last->getValue<std::string>("kind") == "not_solved");
    BOOST_TEST(last->getObject("by")->getValue<std::string>("display_name") == "赵大爷");
    BOOST_REQUIRE(!last->isNull("assisted"));
    BOOST_TEST(last->getObject("assisted")->getObject("by")->getValue<std::string>("display_name") == "钱阿姨");
    BOOST_TEST(last->getObject("assisted")->getValue<std::string>("role") == "building_head");
    BOOST_TEST(last->getObject("assisted")->getValue<std::string>("consent") == "present");
    BOOST_TEST(entries->getObject(0)->isNull("assisted"));

    // The committee removes 钱阿姨 from 3号楼: she still heads 5号楼, where 赵大爷 now lives.
    const std::string appointment = "/api/v1/building-heads/" + str(idOf(appointed));
    BOOST_TEST(zhao.del(appointment).errorCode() == "grid.forbidden");
    BOOST_TEST(other_committee.del(appointment).errorCode() == "grid.forbidden");
    BOOST_REQUIRE_EQUAL(committee.del(appointment).status, 200);
    BOOST_TEST(committee.del(appointment).errorCode() == "building_head.not_found");
    BOOST_TEST(anonymous.get("/api/v1/communities/1/grids")
                   .json()
                   ->getArray("estates")
                   ->getObject(0)
                   ->getArray("building_heads")
                   ->size() == 1u);
    BOOST_TEST(qian.post("/api/v1/assisted-acts", raise + R"("building":"3号楼","resident_id":)" + str(zhao_id) + "}")
                   .errorCode() == "assist.outside_building");
    BOOST_REQUIRE_EQUAL(committee.del("/api/v1/building-heads/" + str(idOf(fifth))).status, 200);
    BOOST_TEST(qian.post("/api/v1/assisted-acts", raise + R"("resident_id":)" + str(zhao_id) + "}").errorCode() ==
               "assist.forbidden");

    // Every appointment, removal and record is in the committee's audit trace.
    auto trace = actionsIn(committee.get("/api/v1/districts/1/audit?community=1&kind=estate"));
    BOOST_TEST(
        (std::find(trace.begin(), trace.end(), "estate.building_head_added 阳光小区 3号楼 · 钱阿姨") != trace.end()));
    BOOST_TEST(
        (std::find(trace.begin(), trace.end(), "estate.building_head_removed 阳光小区 3号楼 · 钱阿姨") != trace.end()));
    auto recorded = actionsIn(committee.get("/api/v1/districts/1/audit?community=1&kind=resident"));
    BOOST_TEST(recorded.size() == 4u);
    BOOST_TEST(recorded.front() == "resident.place_recorded 一网格 / 阳光小区 5号楼");
}

BOOST_AUTO_TEST_SUITE_END()
