// The closed loop on problems over HTTP (docs/cases.md), as the people
// involved meet it: a resident of 罗店村 raises problems, the committee accepts
// them, assigns, hands on, works and marks them done; the resident rates,
// reopens; staff call back; and the community's figures follow from the
// records. 罗店村 has no demo cases, so the figures are exactly this test's.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <set>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

constexpr std::int64_t kDay = 86400;

// A problem raised by `resident` and accepted by `committee`; returns the proposal id.
std::int64_t acceptedProblem(HttpClient& resident, HttpClient& committee, const std::string& title,
                             const std::string& kind = "problem") {
    HttpResult raised = resident.post("/api/v1/communities/3/proposals",
                                      R"({"kind":")" + kind + R"(","title":")" + title + R"(","submit":true})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    const std::string actions = "/api/v1/proposals/" + std::to_string(idOf(raised)) + "/actions";
    BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"start_screening"})").status, 200);
    BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"accept","reason":"属实，立即办理"})").status, 200);
    return idOf(raised);
}

std::set<std::string> strings(const Poco::JSON::Array::Ptr& array) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < array->size(); ++i)
        out.insert(array->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
}

void advance(HttpClient& admin, std::int64_t seconds) {
    BOOST_REQUIRE_EQUAL(
        admin.post("/api/v1/test/clock", R"({"advance_seconds": )" + std::to_string(seconds) + "}").status, 200);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_flow)

BOOST_AUTO_TEST_CASE(a_problem_is_handled_rated_reopened_and_counted) {
    ServerProcess server({"--test-clock"});
    HttpClient resident = server.signedIn("resident4");          // 周奶奶, 罗店村
    HttpClient committee = server.signedIn("committee3");        // 陈志强, 罗店村
    HttpClient other_committee = server.signedIn("committee2");  // 宝林八村's committee
    HttpClient stranger = server.signedIn("resident1");          // a resident of 友谊一村
    HttpClient helper = server.signedIn("committee1");  // 李建国, made a member of 罗店村's committee below
    HttpClient admin = server.signedIn("admin");
    HttpClient anonymous(server.port());

    const std::int64_t lamp = acceptedProblem(resident, committee, "村口路灯不亮");
    const std::int64_t drain = acceptedProblem(resident, committee, "下水道堵塞");
    const std::int64_t bins = acceptedProblem(resident, committee, "垃圾桶不够");
    const std::int64_t wish = acceptedProblem(resident, committee, "建一个健身角", "wish");

    // Accepting a problem opened its case; a wish has none.
    HttpResult opened = anonymous.get("/api/v1/proposals/" + std::to_string(lamp) + "/case");
    BOOST_REQUIRE_EQUAL(opened.status, 200);
    BOOST_TEST(opened.json()->getValue<std::string>("state") == "open");
    BOOST_TEST(opened.json()->getObject("raised_by")->getValue<std::string>("display_name") == "周奶奶");
    BOOST_TEST(opened.json()->isNull("assignee"));
    BOOST_TEST(opened.json()->getArray("allowed_actions")->size() == 0u);
    BOOST_TEST(anonymous.get("/api/v1/proposals/" + std::to_string(wish) + "/case").errorCode() == "case.not_found");
    const std::string lamp_case = "/api/v1/cases/" + std::to_string(idOf(opened));
    const std::string drain_case =
        "/api/v1/cases/" + std::to_string(idOf(anonymous.get("/api/v1/proposals/" + std::to_string(drain) + "/case")));
    const std::string bins_case =
        "/api/v1/cases/" + std::to_string(idOf(anonymous.get("/api/v1/proposals/" + std::to_string(bins) + "/case")));

    const std::int64_t chen = userId(committee);
    const std::int64_t li = userId(helper);
    const std::int64_t zhou = userId(resident);
    HttpResult as_committee = committee.get(lamp_case);
    BOOST_TEST((strings(as_committee.json()->getArray("allowed_actions")) == std::set<std::string>{"assign", "step"}));
    BOOST_TEST(as_committee.json()->getArray("assignable")->size() == 1u);
    BOOST_TEST(strings(resident.get(lamp_case).json()->getArray("allowed_actions")).empty());

    // Only those who run 罗店村 assign, and only to its committee.
    const std::string assign_chen = R"({"assignee_id": )" + std::to_string(chen) + "}";
    BOOST_TEST(resident.post(lamp_case + "/assignment", assign_chen).errorCode() == "case.forbidden");
    BOOST_TEST(other_committee.post(lamp_case + "/assignment", assign_chen).errorCode() == "case.forbidden");
    BOOST_TEST(stranger.post(lamp_case + "/completion", R"({"summary":"x"})").errorCode() == "case.forbidden");
    BOOST_TEST(anonymous.post(lamp_case + "/assignment", assign_chen).status == 401);
    HttpResult to_resident =
        committee.post(lamp_case + "/assignment", R"({"assignee_id": )" + std::to_string(zhou) + "}");
    BOOST_TEST(to_resident.status == 400);
    BOOST_TEST(to_resident.errorCode() == "case.assignee");
    BOOST_TEST(committee.post(lamp_case + "/assignment", "{}").errorCode() == "body.missing_field");

    HttpResult assigned = committee.post(lamp_case + "/assignment", assign_chen);
    BOOST_REQUIRE_EQUAL(assigned.status, 200);
    BOOST_TEST(assigned.json()->getValue<std::string>("state") == "in_progress");
    BOOST_TEST(assigned.json()->getObject("assignee")->getValue<std::int64_t>("id") == chen);

    // Wrong state: rating before 办结, 办结 before anyone is responsible.
    HttpResult early = resident.post(lamp_case + "/ratings", R"({"handling_stars":5,"result_stars":5})");
    BOOST_TEST(early.status == 409);
    BOOST_TEST(early.errorCode() == "case.not_done");
    BOOST_TEST(committee.post(bins_case + "/completion", R"({"summary":"x"})").errorCode() == "case.not_assigned");
    BOOST_TEST(committee.post(lamp_case + "/follow-ups", R"({"note":"x"})").errorCode() == "case.not_done");

    HttpResult step = committee.post(lamp_case + "/steps", R"({"text":"已联系供电所，明天来人"})");
    BOOST_REQUIRE_EQUAL(step.status, 201);
    BOOST_TEST(committee.post(lamp_case + "/steps", R"({"text":""})").errorCode() == "text.invalid");
    BOOST_TEST(resident.post(lamp_case + "/steps", R"({"text":"我来写"})").errorCode() == "case.forbidden");

    // 转办: to 李建国 once the district makes him a member of 罗店村's committee, with a reason.
    BOOST_REQUIRE_EQUAL(admin
                            .post("/api/v1/users/" + std::to_string(li) + "/roles",
                                  R"({"role":"committee","scope":{"kind":"community","id":3}})")
                            .status,
                        201);
    const std::string to_li = std::to_string(li);
    BOOST_TEST(committee.post(lamp_case + "/assignment", R"({"assignee_id": )" + to_li + "}").errorCode() ==
               "case.reason_required");
    BOOST_TEST(
        committee
            .post(lamp_case + "/assignment", assign_chen.substr(0, assign_chen.size() - 1) + R"(,"reason":"再给自己"})")
            .errorCode() == "case.same_assignee");
    HttpResult handed =
        committee.post(lamp_case + "/assignment", R"({"assignee_id": )" + to_li + R"(,"reason":"李主任熟悉供电线路"})");
    BOOST_REQUIRE_EQUAL(handed.status, 200);
    BOOST_TEST(handed.json()->getObject("assignee")->getValue<std::int64_t>("id") == li);

    // 办结 a day after opening; marking it done twice is refused.
    advance(admin, kDay);
    HttpResult done = helper.post(lamp_case + "/completion", R"({"summary":"已更换灯泡"})");
    BOOST_REQUIRE_EQUAL(done.status, 200);
    BOOST_TEST(done.json()->getValue<std::string>("state") == "done");
    BOOST_TEST(helper.post(lamp_case + "/completion", R"({"summary":"再办结一次"})").errorCode() == "case.finished");
    BOOST_TEST(committee.post(lamp_case + "/steps", R"({"text":"x"})").errorCode() == "case.finished");
    BOOST_TEST((strings(resident.get(lamp_case).json()->getArray("allowed_actions")) ==
                std::set<std::string>{"rate", "not_solved"}));

    // Only the resident who raised it judges it.
    BOOST_TEST(stranger.post(lamp_case + "/ratings", R"({"handling_stars":5,"result_stars":5})").errorCode() ==
               "case.not_raiser");
    BOOST_TEST(committee.post(lamp_case + "/ratings", R"({"handling_stars":5,"result_stars":5})").errorCode() ==
               "case.not_raiser");
    BOOST_TEST(resident.post(lamp_case + "/ratings", R"({"handling_stars":0,"result_stars":5})").errorCode() ==
               "case.stars");
    BOOST_TEST(resident.post(lamp_case + "/ratings", R"({"handling_stars":3,"result_stars":6})").errorCode() ==
               "case.stars");
    BOOST_TEST(resident.post(lamp_case + "/ratings", R"({"handling_stars":"3","result_stars":3})").status == 400);

    // A result of 2 stars reopens it, with the same person responsible and the record kept.
    HttpResult low =
        resident.post(lamp_case + "/ratings", R"({"handling_stars":3,"result_stars":2,"comment":"还是暗"})");
    BOOST_REQUIRE_EQUAL(low.status, 201);
    BOOST_TEST(low.json()->getValue<std::string>("state") == "in_progress");
    BOOST_TEST(low.json()->getValue<int>("reopened") == 1);
    BOOST_TEST(low.json()->isNull("done_at"));
    BOOST_TEST(low.json()->getObject("assignee")->getValue<std::int64_t>("id") == li);
    Poco::JSON::Array::Ptr entries = low.json()->getArray("entries");
    BOOST_REQUIRE_EQUAL(entries->size(), 6u);  // opened, assigned, step, reassigned, done, rated
    Poco::JSON::Object::Ptr rated = entries->getObject(5);
    BOOST_TEST(rated->getValue<std::string>("kind") == "rated");
    BOOST_TEST(rated->getValue<int>("result_stars") == 2);
    BOOST_TEST(rated->getValue<bool>("reopens"));
    BOOST_TEST(entries->getObject(4)->getValue<std::string>("text") == "已更换灯泡");
    BOOST_TEST(entries->getObject(3)->getValue<std::string>("text") == "李主任熟悉供电线路");
    // The community's topic list says where the handling stands, not only 已受理.
    auto caseInList = [&](std::int64_t proposal) -> Poco::JSON::Object::Ptr {
        Poco::JSON::Array::Ptr items =
            anonymous.get("/api/v1/communities/3/proposals?limit=100").json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
            if (item->getValue<std::int64_t>("id") != proposal) continue;
            BOOST_TEST(item->getValue<std::string>("state") == "accepted");
            return item->isNull("case") ? nullptr : item->getObject("case");
        }
        BOOST_FAIL("proposal not listed");
        return nullptr;
    };
    BOOST_REQUIRE(caseInList(lamp));
    BOOST_TEST(caseInList(lamp)->getValue<std::string>("state") == "in_progress");
    BOOST_TEST(caseInList(lamp)->getValue<std::int64_t>("reopened") == 1);
    BOOST_TEST(caseInList(bins)->getValue<std::string>("state") == "open");
    BOOST_TEST(!caseInList(wish));  // a wish has no case

    // Done again the next day, and rated well: closed.
    advance(admin, kDay);
    BOOST_REQUIRE_EQUAL(helper.post(lamp_case + "/completion", R"({"summary":"更换了整条线路"})").status, 200);
    HttpResult good =
        resident.post(lamp_case + "/ratings", R"({"handling_stars":5,"result_stars":5,"comment":"亮了"})");
    BOOST_REQUIRE_EQUAL(good.status, 201);
    BOOST_TEST(good.json()->getValue<std::string>("state") == "closed");
    BOOST_TEST(caseInList(lamp)->getValue<std::string>("state") == "closed");
    BOOST_TEST(resident.post(lamp_case + "/ratings", R"({"handling_stars":5,"result_stars":5})").errorCode() ==
               "case.closed");
    BOOST_TEST(resident.post(lamp_case + "/not-solved", R"({"reason":"x"})").errorCode() == "case.closed");

    // 回访, by staff only.
    BOOST_TEST(resident.post(lamp_case + "/follow-ups", R"({"note":"x"})").errorCode() == "case.forbidden");
    BOOST_REQUIRE_EQUAL(committee.post(lamp_case + "/follow-ups", R"({"note":"电话回访，路灯正常"})").status, 201);

    // The drain: assigned, done on day 3, then "not solved" reopens it; done again on day 4.
    BOOST_REQUIRE_EQUAL(committee.post(drain_case + "/assignment", assign_chen).status, 200);
    advance(admin, kDay);
    BOOST_REQUIRE_EQUAL(committee.post(drain_case + "/completion", R"({"summary":"已疏通"})").status, 200);
    BOOST_TEST(resident.post(drain_case + "/not-solved", "{}").errorCode() == "case.reason_required");
    BOOST_TEST(stranger.post(drain_case + "/not-solved", R"({"reason":"x"})").errorCode() == "case.not_raiser");

    HttpResult before = anonymous.get("/api/v1/communities/3/case-stats");
    BOOST_REQUIRE_EQUAL(before.status, 200);
    // The lamp closed 2 days after opening, the drain is done after 3: median 2.5 days.
    const auto median = [](const HttpResult& r) { return r.json()->getValue<std::int64_t>("median_seconds_to_close"); };
    BOOST_TEST(median(before) >= 5 * kDay / 2);
    BOOST_TEST(median(before) < 5 * kDay / 2 + 30);
    BOOST_TEST(before.json()->getValue<double>("closure_rate") == 2.0 / 3.0, boost::test_tools::tolerance(1e-9));

    HttpResult reopened = resident.post(drain_case + "/not-solved", R"({"reason":"一下雨又堵了"})");
    BOOST_REQUIRE_EQUAL(reopened.status, 200);
    BOOST_TEST(reopened.json()->getValue<std::string>("state") == "in_progress");
    HttpResult between = anonymous.get("/api/v1/communities/3/case-stats");
    BOOST_TEST(between.json()->getValue<double>("closure_rate") == 1.0 / 3.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(median(between) >= 2 * kDay);
    BOOST_TEST(median(between) < 2 * kDay + 30);
    advance(admin, kDay);
    BOOST_REQUIRE_EQUAL(committee.post(drain_case + "/completion", R"({"summary":"更换了排水管"})").status, 200);

    // The figures, from the records: the lamp closed after 2 days, the drain
    // done after 4 (its reopening counts), the bins still open.
    HttpResult stats = anonymous.get("/api/v1/communities/3/case-stats");
    BOOST_REQUIRE_EQUAL(stats.status, 200);
    Poco::JSON::Object::Ptr s = stats.json();
    BOOST_TEST(s->getValue<int>("cases") == 3);
    BOOST_TEST(s->getObject("by_state")->getValue<int>("open") == 1);
    BOOST_TEST(s->getObject("by_state")->getValue<int>("in_progress") == 0);
    BOOST_TEST(s->getObject("by_state")->getValue<int>("done") == 1);
    BOOST_TEST(s->getObject("by_state")->getValue<int>("closed") == 1);
    BOOST_TEST(s->getValue<double>("closure_rate") == 2.0 / 3.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(median(stats) >= 3 * kDay);
    BOOST_TEST(median(stats) < 3 * kDay + 30);
    BOOST_TEST(s->getValue<int>("reopened_cases") == 2);
    BOOST_TEST(s->getValue<int>("followed_up") == 1);
    BOOST_TEST(s->getValue<int>("ratings") == 2);
    BOOST_TEST(s->getValue<double>("handling_average") == 4.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(s->getValue<double>("result_average") == 3.5, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(s->getValue<int>("satisfied") == 1);
    BOOST_TEST(s->getValue<double>("satisfaction_rate") == 0.5, boost::test_tools::tolerance(1e-9));

    // Lists by state.
    HttpResult open_list = anonymous.get("/api/v1/communities/3/cases?state=open");
    BOOST_REQUIRE_EQUAL(open_list.status, 200);
    BOOST_REQUIRE_EQUAL(open_list.json()->getArray("items")->size(), 1u);
    BOOST_TEST(open_list.json()->getArray("items")->getObject(0)->getValue<std::string>("title") == "垃圾桶不够");
    BOOST_TEST(anonymous.get("/api/v1/communities/3/cases?state=lost").errorCode() == "query.case_state");
    BOOST_TEST(anonymous.get("/api/v1/communities/99/case-stats").errorCode() == "community.not_found");
    BOOST_TEST(anonymous.get("/api/v1/cases/999").errorCode() == "case.not_found");

    // Every step is in the proposal's public trace, the system's part in the reader's language.
    HttpResult history = anonymous.get("/api/v1/proposals/" + std::to_string(lamp) + "/history");
    BOOST_REQUIRE_EQUAL(history.status, 200);
    std::multiset<std::string> actions;
    std::string reassigned_reason;
    Poco::JSON::Array::Ptr items = history.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
        actions.insert(item->getValue<std::string>("action"));
        if (item->getValue<std::string>("action") == "case.reassigned")
            reassigned_reason = item->getValue<std::string>("reason");
    }
    for (const char* a : {"case.opened", "case.assigned", "case.reassigned", "case.step", "case.followed_up"}) {
        BOOST_TEST(actions.count(a) == 1u, a);
    }
    BOOST_TEST(actions.count("case.done") == 2u);
    BOOST_TEST(actions.count("case.rated") == 2u);
    BOOST_TEST(actions.count("case.reopened") == 1u);
    BOOST_TEST(reassigned_reason.find("李主任熟悉供电线路") != std::string::npos);
    BOOST_TEST(reassigned_reason.find("交由") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
