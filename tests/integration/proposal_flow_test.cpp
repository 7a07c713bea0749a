#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <ctime>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

HttpResult act(HttpClient& c, std::int64_t id, const std::string& json) {
    return c.post("/api/v1/proposals/" + std::to_string(id) + "/actions", json);
}

std::string stateOf(const HttpResult& r) { return r.json()->getValue<std::string>("state"); }

std::int64_t raise(HttpClient& resident, const std::string& kind, const std::string& title) {
    HttpResult r = resident.post("/api/v1/communities/1/proposals",
                                 R"({"kind":")" + kind + R"(","title":")" + title + R"(","body":"详细说明"})");
    BOOST_REQUIRE_EQUAL(r.status, 201);
    return r.json()->getValue<std::int64_t>("id");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(proposal_flow)

BOOST_AUTO_TEST_CASE(a_wish_becomes_a_project_and_a_rule_a_convention) {
    ServerProcess server;
    HttpClient resident = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    const std::string ends = std::to_string(std::time(nullptr) + 7 * 24 * 3600);

    const std::int64_t wish = raise(resident, "wish", "加装电梯");
    HttpResult view = resident.get("/api/v1/proposals/" + std::to_string(wish));
    BOOST_TEST(stateOf(view) == "submitted");
    BOOST_TEST(view.json()->getObject("author")->getValue<std::string>("display_name") == "赵大爷");
    BOOST_TEST(view.json()->getArray("allowed_actions")->getElement<std::string>(0) == "withdraw");

    BOOST_TEST(stateOf(act(committee, wish, R"({"action":"start_screening"})")) == "screening");
    BOOST_TEST(stateOf(act(committee, wish, R"({"action":"accept","reason":"居民普遍关心"})")) == "accepted");
    BOOST_TEST(stateOf(act(committee, wish, R"({"action":"open_consultation","consultation_ends_at":)" + ends + "}")) ==
               "consultation");
    BOOST_TEST(
        stateOf(act(
            committee, wish,
            R"({"action":"send_to_vote","vote":"meeting","reason":"协商充分","early_end_reason":"提前达成一致"})")) ==
        "voting");
    BOOST_TEST(stateOf(act(committee, wish, R"({"action":"adopt","reason":"表决通过"})")) == "adopted");
    BOOST_TEST(
        stateOf(act(committee, wish, R"({"action":"form_project","budget_fen":50000000,"responsible":"区建管委"})")) ==
        "project");

    HttpClient anonymous(server.port());
    HttpResult history = anonymous.get("/api/v1/proposals/" + std::to_string(wish) + "/history");
    BOOST_REQUIRE_EQUAL(history.status, 200);
    Poco::JSON::Array::Ptr items = history.json()->getArray("items");
    BOOST_TEST(items->size() == 8u);
    Poco::JSON::Object::Ptr accepted = items->getObject(3);
    BOOST_TEST(accepted->getValue<std::string>("action") == "proposal.accept");
    BOOST_TEST(accepted->getValue<std::string>("reason") == "居民普遍关心");
    BOOST_TEST(accepted->getObject("actor")->getValue<std::string>("role") == "committee");
    BOOST_TEST(items->getObject(0)->getObject("actor")->getValue<std::string>("role") == "resident");
    BOOST_TEST(history.body.find("resident1") == std::string::npos);  // display names only, never logins

    const std::int64_t rule = raise(resident, "rule", "垃圾分类公约");
    for (const char* step : {R"({"action":"start_screening"})", R"({"action":"accept","reason":"ok"})"}) {
        BOOST_REQUIRE_EQUAL(act(committee, rule, step).status, 200);
    }
    act(committee, rule, R"({"action":"open_consultation","consultation_ends_at":)" + ends + "}");
    act(committee, rule, R"({"action":"send_to_vote","vote":"meeting","reason":"ok","early_end_reason":"ok"})");
    act(committee, rule, R"({"action":"adopt","reason":"通过"})");
    HttpResult wrong_kind = act(committee, rule, R"({"action":"form_project"})");
    BOOST_TEST(wrong_kind.status == 409);
    BOOST_TEST(wrong_kind.errorCode() == "proposal.kind_mismatch");
    BOOST_TEST(stateOf(act(committee, rule, R"({"action":"form_convention"})")) == "convention");
}

BOOST_AUTO_TEST_CASE(refusals_say_why_and_what_is_possible) {
    ServerProcess server;
    HttpClient resident = server.signedIn("resident2");
    const std::int64_t id = raise(resident, "problem", "路灯坏了");

    HttpResult not_now = act(resident, id, R"({"action":"adopt","reason":"x"})");
    BOOST_TEST(not_now.status == 409);
    BOOST_TEST(not_now.errorCode() == "proposal.action_not_allowed");
    Poco::JSON::Object::Ptr error = not_now.json()->getObject("error");
    BOOST_TEST(error->getValue<std::string>("state") == "submitted");
    BOOST_TEST(error->getArray("allowed_actions")->size() == 1u);
    BOOST_TEST(error->getArray("allowed_actions")->getElement<std::string>(0) == "withdraw");

    HttpResult not_yours = act(resident, id, R"({"action":"start_screening"})");
    BOOST_TEST(not_yours.status == 403);
    BOOST_TEST(not_yours.errorCode() == "proposal.forbidden");

    HttpClient other_committee = server.signedIn("committee2");
    BOOST_TEST(act(other_committee, id, R"({"action":"start_screening"})").status == 403);

    HttpClient committee = server.signedIn("committee1");
    act(committee, id, R"({"action":"start_screening"})");
    HttpResult no_reason = act(committee, id, R"({"action":"reject"})");
    BOOST_TEST(no_reason.status == 400);
    BOOST_TEST(no_reason.errorCode() == "proposal.reason_required");
    HttpResult rejected = act(committee, id, R"({"action":"reject","reason":"已由物业处理"})");
    BOOST_TEST(stateOf(rejected) == "rejected");
    BOOST_TEST(resident.get("/api/v1/proposals/" + std::to_string(id)).json()->getValue<std::string>("reason") ==
               "已由物业处理");
    BOOST_TEST(act(resident, id, R"({"action":"fly"})").errorCode() == "body.action");
    BOOST_TEST(act(resident, 999999, R"({"action":"withdraw"})").status == 404);
}

BOOST_AUTO_TEST_CASE(who_may_raise_and_bad_input) {
    ServerProcess server;
    HttpClient anonymous(server.port());
    BOOST_TEST(anonymous.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":"x"})").status == 401);
    HttpClient pending = server.signedIn("pending1");
    HttpResult p = pending.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":"x"})");
    BOOST_TEST(p.status == 403);
    BOOST_TEST(p.errorCode() == "membership.pending");

    HttpClient resident = server.signedIn("resident4");  // of 罗店村, not 友谊一村
    BOOST_TEST(resident.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":"x"})").errorCode() ==
               "membership.none");
    BOOST_TEST(resident.post("/api/v1/communities/3/proposals", R"({"kind":"wish","title":""})").errorCode() ==
               "title.invalid");
    BOOST_TEST(
        resident
            .post("/api/v1/communities/3/proposals", R"({"kind":"wish","title":")" + std::string(300, 'x') + R"("})")
            .errorCode() == "title.invalid");
    BOOST_TEST(resident.post("/api/v1/communities/3/proposals", R"({"kind":"gift","title":"x"})").errorCode() ==
               "body.kind");
    const std::string megabyte(1 << 20, 'x');
    BOOST_TEST(
        resident.post("/api/v1/communities/3/proposals", R"({"kind":"wish","title":")" + megabyte + R"("})").status ==
        413);
    BOOST_TEST(resident.post("/api/v1/communities/999/proposals", R"({"kind":"wish","title":"x"})").status == 404);
}

BOOST_AUTO_TEST_CASE(lists_filter_page_and_count) {
    ServerProcess server;
    HttpClient resident(server.port());
    // 罗店村, community 3: the demo raised nothing there (its round takes wishes of 1 and 2).
    resident.loginBrowser("resident4", server.password("resident4"));
    for (int i = 0; i < 5; ++i) {
        BOOST_REQUIRE_EQUAL(resident
                                .post("/api/v1/communities/3/proposals",
                                      R"({"kind":"problem","title":"问题)" + std::to_string(i) + R"("})")
                                .status,
                            201);
    }
    resident.post("/api/v1/communities/3/proposals", R"({"kind":"wish","title":"草稿","submit":false})");
    HttpClient anonymous(server.port());
    HttpResult first = anonymous.get("/api/v1/communities/3/proposals?limit=3");
    BOOST_REQUIRE_EQUAL(first.status, 200);
    BOOST_TEST(first.json()->getArray("items")->size() == 3u);
    BOOST_TEST(first.json()->getObject("counts")->getValue<int>("submitted") == 5);
    BOOST_TEST(!first.json()->getObject("counts")->has("draft"));
    HttpResult rest = anonymous.get("/api/v1/communities/3/proposals?limit=3&cursor=" +
                                    first.json()->getValue<std::string>("next_cursor"));
    BOOST_TEST(rest.json()->getArray("items")->size() == 2u);
    BOOST_TEST(rest.json()->isNull("next_cursor"));
    BOOST_TEST(anonymous.get("/api/v1/communities/3/proposals?kind=wish").json()->getArray("items")->size() == 0u);
    BOOST_TEST(resident.get("/api/v1/communities/3/proposals?state=draft").json()->getArray("items")->size() == 1u);
    BOOST_TEST(anonymous.get("/api/v1/communities/3/proposals?state=lost").errorCode() == "query.state");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shared_public_pages)

// Anonymous readers share one rendering per page, but never an old one: a
// write shows at once, and signed-in readers get their own view.
BOOST_AUTO_TEST_CASE(anonymous_pages_are_shared_and_never_stale) {
    ServerProcess server;
    HttpClient anonymous(server.port()), resident(server.port());
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident1", server.password("resident1")).status, 201);
    const std::string list = "/api/v1/communities/1/proposals?limit=5";
    HttpResult first = anonymous.get(list);
    BOOST_REQUIRE_EQUAL(first.status, 200);
    BOOST_TEST(anonymous.get(list).body == first.body);

    HttpResult created =
        resident.post("/api/v1/communities/1/proposals",
                      R"({"kind": "problem", "title": "缓存之后的新议题", "body": "", "submit": true})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    HttpResult after = anonymous.get(list);
    BOOST_TEST(after.body != first.body);
    BOOST_TEST(after.body.find("缓存之后的新议题") != std::string::npos);

    // A draft is its author's alone: the author sees it, the shared page not.
    HttpResult draft = resident.post("/api/v1/communities/1/proposals",
                                     R"({"kind": "wish", "title": "我的草稿", "body": "", "submit": false})");
    BOOST_REQUIRE_EQUAL(draft.status, 201);
    BOOST_TEST(resident.get(list).body.find("我的草稿") != std::string::npos);
    BOOST_TEST(anonymous.get(list).body.find("我的草稿") == std::string::npos);

    // A long thread (over 32 KB) is served from its memory file: the same
    // bytes as a fresh rendering.
    const std::int64_t id = created.json()->getValue<std::int64_t>("id");
    const std::string comments = "/api/v1/proposals/" + std::to_string(id) + "/comments";
    std::string long_text;
    for (int i = 0; i < 600; ++i) long_text += "议";
    for (int i = 0; i < 25; ++i)
        BOOST_REQUIRE_EQUAL(resident.post(comments, R"({"body": ")" + long_text + R"(", "stance": "for"})").status,
                            201);
    HttpResult miss = anonymous.get(comments);
    HttpResult hit = anonymous.get(comments);
    HttpClient visitor(server.port());
    HttpResult fresh = visitor.send("GET", comments, "", "application/json", {{"Cookie", "unrelated=1"}});
    BOOST_REQUIRE_EQUAL(hit.status, 200);
    BOOST_TEST(miss.body.size() > 32u * 1024u);
    BOOST_TEST(hit.body == miss.body);
    BOOST_TEST(fresh.body == miss.body);
}

BOOST_AUTO_TEST_SUITE_END()
