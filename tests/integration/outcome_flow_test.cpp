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
              std::string(
                  R"({"action":"send_to_vote","vote":"meeting","reason":"协商完毕","early_end_reason":"意见已一致"})"),
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

BOOST_AUTO_TEST_CASE(spending_past_the_budget_is_flagged_and_a_wrong_expense_is_corrected_by_a_new_entry) {
    Walk w;
    const std::string proposal = w.adopted(R"({"kind":"wish","title":"楼道加装扶手","body":"老人上下楼不便"})");
    HttpResult formed = w.committee.post(proposal + "/actions",
                                         R"({"action":"form_project","budget_fen":100000,"responsible":"居委"})");
    BOOST_REQUIRE_EQUAL(formed.status, 200);
    const std::string project =
        "/api/v1/projects/" + std::to_string(formed.json()->getValue<std::int64_t>("project_id"));

    HttpResult first = w.committee.post(project + "/expenses", R"({"amount_fen":60000,"purpose":"扶手材料"})");
    BOOST_REQUIRE_EQUAL(first.status, 201);
    BOOST_TEST(!first.json()->getValue<bool>("over_budget"));
    BOOST_TEST(first.json()->getValue<std::int64_t>("over_budget_fen") == 0);
    // Typed 70,000 for 7,000: now over the budget, and flagged.
    HttpResult wrong = w.committee.post(project + "/expenses", R"({"amount_fen":70000,"purpose":"安装人工"})");
    BOOST_REQUIRE_EQUAL(wrong.status, 201);
    BOOST_TEST(wrong.json()->getValue<bool>("over_budget"));
    BOOST_TEST(wrong.json()->getValue<std::int64_t>("over_budget_fen") == 30000);
    BOOST_TEST(w.anonymous.get(project).json()->getValue<bool>("over_budget"));
    auto expenses = wrong.json()->getArray("expenses");
    const std::int64_t wrong_id = expenses->getObject(expenses->size() - 1)->getValue<std::int64_t>("id");

    // The correction is a new entry naming the one it corrects and why; the
    // wrong entry stays, the totals count the corrected amount.
    const std::string correction = R"({"amount_fen":7000,"purpose":"安装人工","corrects":)" + std::to_string(wrong_id) +
                                   R"(,"reason":"多录了一个零"})";
    BOOST_TEST(w.resident.post(project + "/expenses", correction).status == 403);
    BOOST_TEST(w.committee
                   .post(project + "/expenses",
                         R"({"amount_fen":7000,"purpose":"x","corrects":)" + std::to_string(wrong_id) + "}")
                   .errorCode() == "expense.reason_required");
    BOOST_TEST(
        w.committee.post(project + "/expenses", R"({"amount_fen":7000,"purpose":"x","corrects":999999,"reason":"r"})")
            .errorCode() == "expense.not_found");
    HttpResult corrected = w.committee.post(project + "/expenses", correction);
    BOOST_REQUIRE_EQUAL(corrected.status, 201);
    BOOST_TEST(corrected.json()->getValue<std::int64_t>("spent_fen") == 67000);
    BOOST_TEST(!corrected.json()->getValue<bool>("over_budget"));
    auto all = corrected.json()->getArray("expenses");
    BOOST_REQUIRE_EQUAL(all->size(), 3u);
    BOOST_TEST(all->getObject(1)->getValue<std::int64_t>("amount_fen") == 70000);
    BOOST_TEST(all->getObject(1)->getValue<std::int64_t>("corrected_by") ==
               all->getObject(2)->getValue<std::int64_t>("id"));
    BOOST_TEST(all->getObject(2)->getValue<std::int64_t>("corrects") == wrong_id);
    BOOST_TEST(all->getObject(2)->getValue<std::string>("reason") == "多录了一个零");

    // A correction to zero takes out an expense that never happened.
    HttpResult zero =
        w.committee.post(project + "/expenses", R"({"amount_fen":0,"purpose":"扶手材料","corrects":)" +
                                                    std::to_string(all->getObject(0)->getValue<std::int64_t>("id")) +
                                                    R"(,"reason":"重复录入"})");
    BOOST_REQUIRE_EQUAL(zero.status, 201);
    BOOST_TEST(zero.json()->getValue<std::int64_t>("spent_fen") == 7000);
    BOOST_TEST(w.committee.post(project + "/expenses", R"({"amount_fen":0,"purpose":"x"})").errorCode() ==
               "expense.amount");
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

// Issue 9 item 1: an expense of 2^63 - 1 fen was taken, and two of them made
// the public spent_fen read -2. Every amount is bounded and a total that would
// pass the bound is refused, never wrapped.
BOOST_AUTO_TEST_CASE(money_is_bounded_and_totals_never_wrap) {
    Walk w;
    const std::string proposal = w.adopted(R"({"kind":"wish","title":"道路修缮","body":"路面坑洼"})");
    BOOST_TEST(w.committee
                   .post(proposal + "/actions",
                         R"({"action":"form_project","budget_fen":1000000000001,"responsible":"物业公司"})")
                   .errorCode() == "project.budget");
    HttpResult formed = w.committee.post(
        proposal + "/actions", R"({"action":"form_project","budget_fen":1000000000000,"responsible":"物业公司"})");
    BOOST_REQUIRE_EQUAL(formed.status, 200);
    const std::string project =
        "/api/v1/projects/" + std::to_string(formed.json()->getValue<std::int64_t>("project_id"));

    HttpResult huge = w.committee.post(project + "/expenses", R"({"amount_fen":9223372036854775807,"purpose":"x"})");
    BOOST_TEST(huge.status == 400);
    BOOST_TEST(huge.errorCode() == "expense.amount");
    BOOST_TEST(w.committee.post(project + "/expenses", R"({"amount_fen":1000000000001,"purpose":"x"})").errorCode() ==
               "expense.amount");
    BOOST_TEST(w.committee.post(project + "/expenses", R"({"amount_fen":600000000000,"purpose":"一期"})").status ==
               201);
    BOOST_TEST(w.committee.post(project + "/expenses", R"({"amount_fen":400000000000,"purpose":"二期"})").status ==
               201);
    HttpResult over = w.committee.post(project + "/expenses", R"({"amount_fen":1,"purpose":"三期"})");
    BOOST_TEST(over.status == 409);
    BOOST_TEST(over.errorCode() == "expense.total");

    HttpResult shown = w.anonymous.get(project);
    BOOST_REQUIRE_EQUAL(shown.status, 200);
    BOOST_TEST(shown.json()->getValue<std::int64_t>("spent_fen") == 1000000000000);
    BOOST_TEST(shown.json()->getArray("expenses")->size() == 2u);
}

// Issue 9 item 2: two amendments written against the same version were both
// adopted, and the second silently dropped the first one's change. An
// amendment records the version it was written against; adopting it once
// that version is no longer current is refused until the committee rebases
// it, and the rebase is in the proposal's public history.
BOOST_AUTO_TEST_CASE(an_amendment_on_a_stale_base_waits_for_the_committee_to_rebase_it) {
    Walk w;
    const std::string rule = w.adopted(R"({"kind":"rule","title":"停车公约","body":"一、按位停车\n"})");
    HttpResult formed = w.committee.post(rule + "/actions", R"({"action":"form_convention"})");
    BOOST_REQUIRE_EQUAL(formed.status, 200);
    const std::string id = std::to_string(formed.json()->getValue<std::int64_t>("convention_id"));
    const std::string convention = "/api/v1/conventions/" + id;

    // Stating a base that is not the current version is refused at once.
    HttpResult stale_at_birth = w.resident.post(
        "/api/v1/communities/1/proposals", R"({"kind":"rule","title":"停车公约（修订）","amends_convention":)" + id +
                                               R"(,"amends_version":2,"body":"一、按位停车\n二、禁止占用消防通道\n"})");
    BOOST_TEST(stale_at_birth.errorCode() == "proposal.amends");

    const std::string first = w.adopted(R"({"kind":"rule","title":"停车公约（修订一）","amends_convention":)" + id +
                                        R"(,"amends_version":1,"body":"一、按位停车\n二、禁止占用消防通道\n"})");
    const std::string second = w.adopted(R"({"kind":"rule","title":"停车公约（修订二）","amends_convention":)" + id +
                                         R"(,"body":"一、按位停车\n三、夜间限速5公里\n"})");
    BOOST_TEST(w.anonymous.get(second).json()->getValue<int>("amends_version") == 1);
    BOOST_REQUIRE_EQUAL(w.committee.post(first + "/actions", R"({"action":"form_convention"})").status, 200);
    HttpResult late = w.resident.post("/api/v1/communities/1/proposals",
                                      R"({"kind":"rule","title":"停车公约（修订三）","amends_convention":)" + id +
                                          R"(,"amends_version":1,"body":"一、按位停车\n"})");
    BOOST_TEST(late.status == 409);
    BOOST_TEST(late.errorCode() == "convention.stale_base");

    HttpResult refused = w.committee.post(second + "/actions", R"({"action":"form_convention"})");
    BOOST_TEST(refused.status == 409);
    BOOST_TEST(refused.errorCode() == "convention.stale_base");
    HttpResult unchanged = w.anonymous.get(convention);
    BOOST_TEST(unchanged.json()->getValue<int>("current_version") == 2);
    BOOST_TEST(unchanged.json()->getValue<std::string>("text") == "一、按位停车\n二、禁止占用消防通道\n");

    // Only the committee rebases, onto the current version, with a public reason.
    const std::string rebases = second + "/rebases";
    BOOST_TEST(w.resident.post(rebases, R"({"onto_version":2,"reason":"x"})").status == 403);
    BOOST_TEST(w.committee.post(rebases, R"({"onto_version":2})").errorCode() == "rebase.reason_required");
    BOOST_TEST(w.committee.post(rebases, R"({"onto_version":3,"reason":"x"})").errorCode() == "rebase.version");
    HttpResult rebased = w.committee.post(rebases, R"({"onto_version":2,"reason":"经核对，修订二取代修订一的第二条"})");
    BOOST_REQUIRE_EQUAL(rebased.status, 201);
    BOOST_TEST(rebased.json()->getValue<int>("from_version") == 1);
    BOOST_TEST(rebased.json()->getValue<int>("onto_version") == 2);
    BOOST_TEST(w.anonymous.get(second).json()->getValue<int>("amends_version") == 2);
    BOOST_TEST(w.committee.post(rebases, R"({"onto_version":2,"reason":"再次"})").errorCode() == "rebase.not_needed");
    HttpResult history = w.anonymous.get(second + "/history");
    BOOST_TEST(history.body.find("convention.rebased") != std::string::npos);
    BOOST_TEST(history.body.find("经核对") != std::string::npos);

    BOOST_REQUIRE_EQUAL(w.committee.post(second + "/actions", R"({"action":"form_convention"})").status, 200);
    BOOST_TEST(w.anonymous.get(convention).json()->getValue<int>("current_version") == 3);
}

BOOST_AUTO_TEST_SUITE_END()
