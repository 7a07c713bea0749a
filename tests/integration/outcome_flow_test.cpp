// The two walks the 议事 chain must support end to end, over HTTP against
// the real server: a wish to a rated project, a rule to a convention with two
// versions.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <ctime>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

struct Walk {
    ServerProcess server;
    HttpClient resident{server.port()};
    HttpClient neighbour{server.port()};
    HttpClient committee{server.port()};
    HttpClient anonymous{server.port()};

    Walk() {
        resident.loginBrowser("resident1", server.password("resident1"));
        neighbour.loginBrowser("resident2", server.password("resident2"));
        committee.loginBrowser("committee1", server.password("committee1"));
    }

    // Raises a proposal in 友谊一村 and takes it to adoption; returns its path.
    std::string adopted(const std::string& body_json) {
        HttpResult r = resident.post("/api/v1/communities/1/proposals", body_json);
        BOOST_REQUIRE_EQUAL(r.status, 201);
        const std::string path = "/api/v1/proposals/" + std::to_string(r.json()->getValue<std::int64_t>("id"));
        const std::string ends = std::to_string(std::time(nullptr) + 3 * 24 * 3600);
        for (const std::string& step :
             {std::string(R"({"action":"start_screening"})"), std::string(R"({"action":"accept","reason":"受理"})"),
              R"({"action":"open_consultation","consultation_ends_at":)" + ends + "}",
              std::string(R"({"action":"send_to_vote","reason":"协商完毕","early_end_reason":"意见已一致"})"),
              std::string(R"({"action":"adopt","reason":"居民表决通过"})")}) {
            HttpResult s = committee.post(path + "/actions", step);
            BOOST_REQUIRE_MESSAGE(s.status == 200, step << " -> " << s.body);
        }
        return path;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(outcome_flow)

BOOST_AUTO_TEST_CASE(a_wish_becomes_a_project_with_progress_expenses_and_ratings) {
    Walk w;
    const std::string proposal = w.adopted(R"({"kind":"wish","title":"小区增设充电桩","body":"电动车充电难"})");
    HttpResult formed = w.committee.post(proposal + "/actions",
                                         R"({"action":"form_project","budget_fen":8000000,"responsible":"物业公司"})");
    BOOST_REQUIRE_EQUAL(formed.status, 200);
    const std::string project =
        "/api/v1/projects/" + std::to_string(formed.json()->getValue<std::int64_t>("project_id"));

    BOOST_TEST(w.neighbour.post(project + "/ratings", R"({"stars":5})").errorCode() == "project.not_completed");
    BOOST_TEST(w.resident.post(project + "/progress", R"({"percent":10,"text":"x"})").status == 403);
    BOOST_TEST(w.committee.post(project + "/progress", R"({"percent":50,"text":"设备进场"})").status == 201);
    BOOST_TEST(w.committee.post(project + "/expenses", R"({"amount_fen":4200000,"purpose":"充电桩设备"})").status ==
               201);
    BOOST_TEST(w.committee.post(project + "/expenses", R"({"amount_fen":-1,"purpose":"x"})").errorCode() ==
               "expense.amount");
    BOOST_TEST(w.committee.post(project + "/completion", R"({"note":"通电验收"})").status == 200);

    BOOST_TEST(w.resident.post(project + "/ratings", R"({"stars":5,"comment":"很方便"})").status == 201);
    BOOST_TEST(w.neighbour.post(project + "/ratings", R"({"stars":0})").errorCode() == "rating.stars");
    HttpResult rated = w.neighbour.post(project + "/ratings", R"({"stars":4})");
    BOOST_REQUIRE_EQUAL(rated.status, 201);
    BOOST_TEST(w.neighbour.post(project + "/ratings", R"({"stars":4})").errorCode() == "rating.exists");

    HttpResult shown = w.anonymous.get(project);
    BOOST_REQUIRE_EQUAL(shown.status, 200);
    BOOST_TEST(shown.json()->getValue<bool>("completed"));
    BOOST_TEST(shown.json()->getValue<std::int64_t>("spent_fen") == 4200000);
    BOOST_TEST(shown.json()->getArray("expenses")->size() == 1u);
    BOOST_TEST(shown.json()->getObject("ratings")->getValue<int>("count") == 2);
    BOOST_TEST(shown.json()->getObject("ratings")->getValue<double>("average") == 4.5);
    // What residents and the committee wrote is shown (issue 9, item 19).
    BOOST_TEST(shown.json()->getValue<std::string>("completion_note") == "通电验收");
    Poco::JSON::Array::Ptr ratings = shown.json()->getObject("ratings")->getArray("items");
    BOOST_REQUIRE_EQUAL(ratings->size(), 2u);
    BOOST_TEST(ratings->getObject(0)->getValue<int>("stars") == 5);
    BOOST_TEST(ratings->getObject(0)->getValue<std::string>("comment") == "很方便");
    BOOST_TEST(ratings->getObject(0)->getObject("author")->getValue<std::string>("display_name") == "赵大爷");
    BOOST_TEST(ratings->getObject(1)->getValue<std::string>("comment") == "");
    BOOST_TEST(w.anonymous.get("/api/v1/communities/1/projects").json()->getArray("items")->size() == 1u);
    BOOST_TEST(w.anonymous.get(proposal).json()->getValue<std::string>("state") == "project");
}

BOOST_AUTO_TEST_CASE(a_rule_becomes_a_convention_with_two_versions) {
    Walk w;
    const std::string first =
        w.adopted(R"({"kind":"rule","title":"文明养犬公约","body":"一、出门牵绳\n二、及时清理\n"})");
    HttpResult formed = w.committee.post(first + "/actions", R"({"action":"form_convention"})");
    BOOST_REQUIRE_EQUAL(formed.status, 200);
    const std::int64_t id = formed.json()->getValue<std::int64_t>("convention_id");
    const std::string convention = "/api/v1/conventions/" + std::to_string(id);
    BOOST_TEST(w.neighbour.post(convention + "/acknowledgements", "").status == 201);
    BOOST_TEST(w.neighbour.post(convention + "/acknowledgements", "").errorCode() == "acknowledgement.exists");

    const std::string second =
        w.adopted(R"({"kind":"rule","title":"文明养犬公约（修订）","amends_convention":)" + std::to_string(id) +
                  R"(,"body":"一、出门牵绳\n二、及时清理\n三、大型犬戴嘴套\n"})");
    BOOST_REQUIRE_EQUAL(w.committee.post(second + "/actions", R"({"action":"form_convention"})").status, 200);

    HttpResult shown = w.anonymous.get(convention);
    BOOST_REQUIRE_EQUAL(shown.status, 200);
    BOOST_TEST(shown.json()->getValue<int>("current_version") == 2);
    BOOST_TEST(shown.json()->getArray("versions")->size() == 2u);
    BOOST_TEST(shown.json()->getValue<int>("acknowledgements") == 0);
    BOOST_TEST(w.anonymous.get(convention + "/versions/1").json()->getValue<std::string>("text") ==
               "一、出门牵绳\n二、及时清理\n");
    BOOST_TEST(w.anonymous.get(convention + "/versions/9").status == 404);
    HttpResult diff = w.anonymous.get(convention + "/diff?from=1&to=2");
    BOOST_REQUIRE_EQUAL(diff.status, 200);
    Poco::JSON::Array::Ptr lines = diff.json()->getArray("lines");
    BOOST_REQUIRE(lines->size() == 3u);
    BOOST_TEST(lines->getObject(2)->getValue<std::string>("op") == "+");
    BOOST_TEST(lines->getObject(2)->getValue<std::string>("text") == "三、大型犬戴嘴套");
    BOOST_TEST(w.anonymous.get(convention + "/diff?from=1&to=x").errorCode() == "query.version");
    BOOST_TEST(w.neighbour.post(convention + "/acknowledgements", "").status == 201);
    BOOST_TEST(w.anonymous.get("/api/v1/communities/1/conventions").json()->getArray("items")->size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
