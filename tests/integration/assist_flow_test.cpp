// 帮办代办 over HTTP (docs/grids.md): 钱阿姨, 网格员 of 友谊一村's 一网格,
// raises a problem for 赵大爷 who is with her, and supports a topic for him
// with his consent given by phone; the committee enters his opinion gathered
// on paper. The topic's public trace marks the act as assisted, and 赵大爷
// finds every such act in his own history. Refused: a 网格员 outside her
// grid, a resident acting for another, another community's committee, a
// helper for someone who is not a resident here, for herself, without the
// consent said, and any ballot.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <set>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// The history entry of `action`, or null.
Poco::JSON::Object::Ptr entryOf(const HttpResult& history, const std::string& action) {
    auto items = history.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto item = items->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::string>("action") == action) return item;
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(assist_flow)

BOOST_AUTO_TEST_CASE(helpers_act_for_residents_within_their_scope_and_every_act_is_marked) {
    ServerProcess server;
    HttpClient committee = server.signedIn("committee1");        // 李建国, 友谊一村
    HttpClient other_committee = server.signedIn("committee2");  // 宝林八村
    HttpClient zhao = server.signedIn("resident1");              // 赵大爷, 友谊一村
    HttpClient qian = server.signedIn("resident2");              // 钱阿姨, 友谊一村: 网格员 of 一网格
    HttpClient sun = server.signedIn("resident3");               // 孙小明, 宝林八村
    HttpClient anonymous(server.port());

    HttpResult first = committee.post("/api/v1/communities/1/grids", R"({"name":"一网格"})");
    BOOST_REQUIRE_EQUAL(first.status, 201);
    HttpResult second = committee.post("/api/v1/communities/1/grids", R"({"name":"二网格"})");
    BOOST_REQUIRE_EQUAL(second.status, 201);
    const std::int64_t qian_id = userId(qian);
    const std::int64_t zhao_id = userId(zhao);
    BOOST_REQUIRE_EQUAL(
        committee.post("/api/v1/grids/" + str(idOf(first)) + "/workers", R"({"user_id":)" + str(qian_id) + "}").status,
        201);

    const std::string for_zhao = R"("resident_id":)" + str(zhao_id);
    const std::string in_first = R"(,"grid_id":)" + str(idOf(first));
    const std::string raise = R"({"kind":"raise","community_id":1,"title":"楼道灯坏了",)" + for_zhao;

    // Refusals first: nothing of them is written.
    BOOST_TEST(
        qian.post("/api/v1/assisted-acts", raise + R"(,"consent":"present","grid_id":)" + str(idOf(second)) + "}")
            .errorCode() == "assist.outside_grid");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", raise + R"(,"consent":"present"})").errorCode() ==
               "assist.outside_grid");
    HttpResult by_resident = zhao.post("/api/v1/assisted-acts", R"({"kind":"raise","community_id":1,"title":"x",)"
                                                                R"("resident_id":)" +
                                                                    str(qian_id) + R"(,"consent":"present"})");
    BOOST_TEST(by_resident.status == 403);
    BOOST_TEST(by_resident.errorCode() == "assist.forbidden");
    BOOST_TEST(other_committee.post("/api/v1/assisted-acts", raise + R"(,"consent":"present"})").errorCode() ==
               "assist.forbidden");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", R"({"kind":"raise","community_id":1,"title":"x","resident_id":)" +
                                                      str(userId(sun)) + in_first + R"(,"consent":"present"})")
                   .errorCode() == "assist.resident");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", R"({"kind":"raise","community_id":1,"title":"x","resident_id":)" +
                                                      str(qian_id) + in_first + R"(,"consent":"present"})")
                   .errorCode() == "assist.self");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", raise + in_first + R"(,"consent":"consent"})").errorCode() ==
               "assist.consent_note");
    BOOST_TEST(qian.post("/api/v1/assisted-acts", raise + in_first + R"(,"consent":"maybe"})").errorCode() ==
               "assist.consent");
    HttpResult ballot = committee.post("/api/v1/assisted-acts",
                                       R"({"kind":"ballot","election_id":1,)" + for_zhao + R"(,"consent":"present"})");
    BOOST_TEST(ballot.status == 403);
    BOOST_TEST(ballot.errorCode() == "assist.ballot_refused");
    BOOST_TEST(anonymous.post("/api/v1/assisted-acts", raise + in_first + R"(,"consent":"present"})").status == 401);
    BOOST_TEST(zhao.get("/api/v1/me/assisted-acts").json()->getArray("items")->size() == 0u);

    // 钱阿姨 raises it for 赵大爷, who is with her: the topic is his, in her grid.
    HttpResult raised = qian.post("/api/v1/assisted-acts", raise + in_first + R"(,"consent":"present"})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    BOOST_TEST(raised.json()->getValue<std::string>("helper_role") == "grid_worker");
    const std::string topic = "/api/v1/proposals/" + str(raised.json()->getValue<std::int64_t>("subject_id"));
    HttpResult shown = anonymous.get(topic);
    BOOST_TEST(shown.json()->getObject("author")->getValue<std::string>("display_name") == "赵大爷");
    BOOST_TEST(shown.json()->getValue<std::string>("state") == "submitted");
    BOOST_TEST(anonymous.get(topic + "/place").json()->getObject("grid")->getValue<std::string>("name") == "一网格");
    auto created = entryOf(anonymous.get(topic + "/history"), "proposal.created");
    BOOST_REQUIRE(created);
    BOOST_TEST(created->getObject("actor")->getValue<std::string>("display_name") == "赵大爷");
    BOOST_REQUIRE(!created->isNull("assisted"));
    BOOST_TEST(created->getObject("assisted")->getObject("by")->getValue<std::string>("display_name") == "钱阿姨");
    BOOST_TEST(created->getObject("assisted")->getValue<std::string>("role") == "grid_worker");
    BOOST_TEST(created->getObject("assisted")->getValue<std::string>("consent") == "present");

    // The committee enters his opinion gathered on paper; 钱阿姨 supports
    // another topic for him, with his consent by phone.
    HttpResult paper = committee.post(
        "/api/v1/assisted-acts",
        R"({"kind":"comment","proposal_id":)" + topic.substr(topic.rfind('/') + 1) + "," + for_zhao +
            R"(,"consent":"paper","consent_note":"楼栋意见表第 12 号","body":"晚上太黑，老人容易摔倒","stance":"for"})");
    BOOST_REQUIRE_EQUAL(paper.status, 201);
    BOOST_TEST(paper.json()->getValue<std::string>("helper_role") == "committee");
    // In the thread the opinion is 赵大爷's, marked as entered from paper by the committee.
    auto thread = anonymous.get(topic + "/comments").json()->getArray("items");
    BOOST_REQUIRE_EQUAL(thread->size(), 1u);
    BOOST_TEST(thread->getObject(0)->getObject("author")->getValue<std::string>("display_name") == "赵大爷");
    auto mark = thread->getObject(0)->getObject("assisted");
    BOOST_REQUIRE(mark);
    BOOST_TEST(mark->getObject("by")->getValue<std::string>("display_name") == "李建国（友谊一村居委）");
    BOOST_TEST(mark->getValue<std::string>("consent") == "paper");
    // His own comment carries no mark.
    BOOST_REQUIRE_EQUAL(zhao.post(topic + "/comments", R"({"body":"谢谢居委会"})").status, 201);
    BOOST_TEST(anonymous.get(topic + "/comments").json()->getArray("items")->getObject(1)->isNull("assisted"));
    HttpResult own =
        qian.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":"加装座椅","submit":true})");
    BOOST_REQUIRE_EQUAL(own.status, 201);
    HttpResult supported = qian.post(
        "/api/v1/assisted-acts", R"({"kind":"support","proposal_id":)" + str(idOf(own)) + "," + for_zhao + in_first +
                                     R"(,"consent":"consent","consent_note":"12 月 1 日电话确认"})");
    BOOST_REQUIRE_EQUAL(supported.status, 201);
    BOOST_TEST(zhao.get("/api/v1/proposals/" + str(idOf(own)) + "/supports").json()->getValue<bool>("mine"));
    // Supported already: the service's own refusal, and no second mark.
    BOOST_TEST(qian.post("/api/v1/assisted-acts", R"({"kind":"support","proposal_id":)" + str(idOf(own)) + "," +
                                                      for_zhao + in_first + R"(,"consent":"present"})")
                   .status == 409);

    // 赵大爷's own history: every act made for him, by whom, and how he consented.
    HttpResult mine = zhao.get("/api/v1/me/assisted-acts");
    BOOST_REQUIRE_EQUAL(mine.status, 200);
    auto acts = mine.json()->getArray("items");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < acts->size(); ++i) {
        auto a = acts->getObject(static_cast<unsigned>(i));
        seen.insert(a->getValue<std::string>("action") + "/" +
                    a->getObject("by")->getValue<std::string>("display_name") + "/" +
                    a->getValue<std::string>("consent"));
    }
    BOOST_TEST(seen.count("proposal.created/钱阿姨/present") == 1u);
    BOOST_TEST(seen.count("comment.posted/李建国（友谊一村居委）/paper") == 1u);
    BOOST_TEST(seen.count("support.given/钱阿姨/consent") == 1u);
    BOOST_TEST(qian.get("/api/v1/me/assisted-acts").json()->getArray("items")->size() == 0u);
    BOOST_TEST(anonymous.get("/api/v1/me/assisted-acts").status == 401);

    // Whom a helper may act for: the community's verified residents, for helpers only.
    HttpResult people = qian.get("/api/v1/communities/1/assistable-residents");
    BOOST_REQUIRE_EQUAL(people.status, 200);
    bool lists_zhao = false;
    auto items = people.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        lists_zhao |= items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id") == zhao_id;
    }
    BOOST_TEST(lists_zhao);
    BOOST_TEST(zhao.get("/api/v1/communities/1/assistable-residents").errorCode() == "assist.forbidden");
    BOOST_TEST(qian.get("/api/v1/communities/2/assistable-residents").errorCode() == "assist.forbidden");
}

BOOST_AUTO_TEST_SUITE_END()
