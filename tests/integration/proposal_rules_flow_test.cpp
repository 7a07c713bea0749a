// Rules of the 议事 chain as residents meet them over HTTP: revising after a
// request for revision, offered actions that succeed, nobody deciding on
// their own proposal, and a consultation not cut short in silence.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <ctime>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::string pathOf(std::int64_t id) { return "/api/v1/proposals/" + std::to_string(id); }

HttpResult act(HttpClient& c, std::int64_t id, const std::string& json) {
    return c.post(pathOf(id) + "/actions", json);
}

std::int64_t raise(HttpClient& author, const std::string& json) {
    HttpResult r = author.post("/api/v1/communities/1/proposals", json);
    BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.json()->getValue<std::int64_t>("id");
}

std::vector<std::string> allowedActions(const HttpResult& r) {
    std::vector<std::string> out;
    Poco::JSON::Array::Ptr actions = r.json()->getArray("allowed_actions");
    for (std::size_t i = 0; i < actions->size(); ++i) out.push_back(actions->getElement<std::string>(i));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(proposal_rules_flow)

// Issue 9, item 6: after request_revision the author edits and resubmits;
// the request stays in the history, not as the current reason.
BOOST_AUTO_TEST_CASE(the_author_revises_after_a_request_for_revision) {
    ServerProcess server;
    HttpClient resident(server.port()), neighbour(server.port()), committee(server.port()), anonymous(server.port());
    resident.loginBrowser("resident1", server.password("resident1"));
    neighbour.loginBrowser("resident2", server.password("resident2"));
    committee.loginBrowser("committee1", server.password("committee1"));

    // A draft is edited by its author.
    const std::int64_t draft = raise(resident, R"({"kind":"wish","title":"草稿","submit":false})");
    HttpResult edited = resident.send("PATCH", pathOf(draft), R"({"title":"加装电梯","body":"六楼老人上下楼难"})");
    BOOST_REQUIRE_MESSAGE(edited.status == 200, edited.body);
    BOOST_TEST(edited.json()->getValue<std::string>("title") == "加装电梯");
    BOOST_TEST(edited.json()->getValue<std::string>("body") == "六楼老人上下楼难");

    const std::int64_t id = raise(resident, R"({"kind":"problem","title":"路灯","body":"坏了"})");
    BOOST_TEST(resident.send("PATCH", pathOf(id), R"({"title":"改"})").errorCode() == "proposal.not_editable");
    act(committee, id, R"({"action":"start_screening"})");
    HttpResult asked = act(committee, id, R"({"action":"request_revision","reason":"请写明哪一栋楼"})");
    BOOST_REQUIRE_EQUAL(asked.status, 200);
    BOOST_TEST(asked.json()->getValue<std::string>("reason") == "请写明哪一栋楼");

    // Only the author edits; bad values are refused.
    HttpResult not_yours = neighbour.send("PATCH", pathOf(id), R"({"title":"别人的"})");
    BOOST_TEST(not_yours.status == 403);
    BOOST_TEST(not_yours.errorCode() == "proposal.not_author");
    BOOST_TEST(committee.send("PATCH", pathOf(id), R"({"title":"居委改"})").errorCode() == "proposal.not_author");
    BOOST_TEST(resident.send("PATCH", pathOf(id), R"({"title":""})").errorCode() == "title.invalid");
    BOOST_TEST(resident.send("PATCH", pathOf(id), R"({"titel":"x"})").errorCode() == "body.unknown_field");

    HttpResult revised = resident.send("PATCH", pathOf(id), R"({"body":"12号楼门口的路灯坏了"})");
    BOOST_REQUIRE_EQUAL(revised.status, 200);
    BOOST_TEST(revised.json()->getValue<std::string>("title") == "路灯");
    BOOST_TEST(revised.json()->getValue<std::string>("body") == "12号楼门口的路灯坏了");

    // resubmit takes the title and body too.
    HttpResult resubmitted = act(resident, id, R"({"action":"resubmit","title":"12号楼路灯坏了"})");
    BOOST_REQUIRE_MESSAGE(resubmitted.status == 200, resubmitted.body);
    BOOST_TEST(resubmitted.json()->getValue<std::string>("state") == "submitted");
    BOOST_TEST(resubmitted.json()->getValue<std::string>("title") == "12号楼路灯坏了");
    BOOST_TEST(resubmitted.json()->getValue<std::string>("body") == "12号楼门口的路灯坏了");
    BOOST_TEST(resubmitted.json()->getValue<std::string>("reason") == "");  // answered: no longer current
    BOOST_TEST(act(committee, id, R"({"action":"start_screening","title":"x"})").errorCode() ==
               "proposal.edit_not_allowed");

    HttpResult history = anonymous.get(pathOf(id) + "/history");
    bool request_kept = false, edit_listed = false;
    Poco::JSON::Array::Ptr items = history.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        Poco::JSON::Object::Ptr e = items->getObject(static_cast<unsigned>(i));
        request_kept = request_kept || (e->getValue<std::string>("action") == "proposal.request_revision" &&
                                        e->getValue<std::string>("reason") == "请写明哪一栋楼");
        edit_listed = edit_listed || e->getValue<std::string>("action") == "proposal.edited";
    }
    BOOST_TEST(request_kept);
    BOOST_TEST(edit_listed);
}

// Issue 9, item 8: what allowed_actions offers succeeds.
BOOST_AUTO_TEST_CASE(an_adopted_problem_is_not_offered_form_convention) {
    ServerProcess server;
    HttpClient resident(server.port()), committee(server.port());
    resident.loginBrowser("resident1", server.password("resident1"));
    committee.loginBrowser("committee1", server.password("committee1"));
    const std::int64_t id = raise(resident, R"({"kind":"problem","title":"路面坑洼"})");
    const std::string ends = std::to_string(std::time(nullptr) + 3600);
    for (const std::string& step :
         {std::string(R"({"action":"start_screening"})"), std::string(R"({"action":"accept","reason":"受理"})"),
          R"({"action":"open_consultation","consultation_ends_at":)" + ends + "}",
          std::string(
              R"({"action":"send_to_vote","vote":"meeting","reason":"协商完毕","early_end_reason":"意见一致"})"),
          std::string(R"({"action":"adopt","reason":"通过"})")}) {
        BOOST_REQUIRE_MESSAGE(act(committee, id, step).status == 200, step);
    }
    const std::vector<std::string> offered = allowedActions(committee.get(pathOf(id)));
    BOOST_TEST(offered == std::vector<std::string>{"form_project"}, boost::test_tools::per_element());
}

// Issue 9, item 10: a committee member who raised a proposal does not
// decide on it.
BOOST_AUTO_TEST_CASE(nobody_decides_on_their_own_proposal) {
    ServerProcess server;
    HttpClient committee(server.port()), admin(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    admin.loginBrowser("admin", server.password("admin"));
    const std::int64_t id = raise(committee, R"({"kind":"wish","title":"居委自己的心愿"})");
    HttpResult view = committee.get(pathOf(id));
    BOOST_TEST(allowedActions(view) == std::vector<std::string>{"withdraw"}, boost::test_tools::per_element());
    HttpResult own = act(committee, id, R"({"action":"start_screening"})");
    BOOST_TEST(own.status == 403);
    BOOST_TEST(own.errorCode() == "proposal.own_proposal");
    // Another who manages the community decides.
    BOOST_TEST(act(admin, id, R"({"action":"start_screening"})").status == 200);
    HttpResult accept = act(committee, id, R"({"action":"accept","reason":"我同意我自己"})");
    BOOST_TEST(accept.status == 403);
    BOOST_TEST(accept.errorCode() == "proposal.own_proposal");
    BOOST_TEST(act(admin, id, R"({"action":"accept","reason":"居民关心"})").status == 200);
}

// Issue 9, item 30: the consultation is not cut short without a reason.
BOOST_AUTO_TEST_CASE(ending_a_consultation_early_needs_a_reason_in_the_history) {
    ServerProcess server;
    HttpClient resident(server.port()), committee(server.port()), anonymous(server.port());
    resident.loginBrowser("resident1", server.password("resident1"));
    committee.loginBrowser("committee1", server.password("committee1"));
    const std::int64_t id = raise(resident, R"({"kind":"wish","title":"增设座椅"})");
    const std::string ends = std::to_string(std::time(nullptr) + 5 * 24 * 3600);
    act(committee, id, R"({"action":"start_screening"})");
    act(committee, id, R"({"action":"accept","reason":"受理"})");
    act(committee, id, R"({"action":"open_consultation","consultation_ends_at":)" + ends + "}");
    HttpResult early = act(committee, id, R"({"action":"send_to_vote","vote":"meeting","reason":"协商充分"})");
    BOOST_TEST(early.status == 400);
    BOOST_TEST(early.errorCode() == "proposal.early_end_reason");
    BOOST_TEST(act(committee, id, R"({"action":"close_without_vote","reason":"不了了之"})").errorCode() ==
               "proposal.early_end_reason");
    HttpResult voted = act(
        committee, id,
        R"({"action":"send_to_vote","vote":"meeting","reason":"协商充分","early_end_reason":"居委会议已达成一致"})");
    BOOST_REQUIRE_EQUAL(voted.status, 200);
    BOOST_TEST(voted.json()->getValue<std::string>("state") == "voting");
    Poco::JSON::Array::Ptr items = anonymous.get(pathOf(id) + "/history").json()->getArray("items");
    const std::string last =
        items->getObject(static_cast<unsigned>(items->size() - 1))->getValue<std::string>("reason");
    BOOST_TEST(last.find("居委会议已达成一致") != std::string::npos, last);
    BOOST_TEST(last.find("协商充分") != std::string::npos, last);
}

// Issue 9, item 10: nobody logs volunteer service for themselves.
BOOST_AUTO_TEST_CASE(nobody_logs_their_own_volunteer_hours) {
    ServerProcess server;
    HttpClient admin(server.port()), resident(server.port());
    admin.loginBrowser("admin", server.password("admin"));
    resident.loginBrowser("resident1", server.password("resident1"));
    const std::int64_t me = userId(resident);
    // resident1 also joins the committee of 友谊一村.
    BOOST_REQUIRE_EQUAL(admin
                            .post("/api/v1/users/" + std::to_string(me) + "/roles",
                                  R"({"role":"committee","scope":{"kind":"community","id":1}})")
                            .status,
                        201);
    HttpClient member = server.signedIn("resident1");
    HttpResult self =
        member.post("/api/v1/communities/1/volunteer-hours",
                    R"({"user_id": )" + std::to_string(me) + R"(, "minutes": 60, "description": "自己"})");
    BOOST_TEST(self.status == 403);
    BOOST_TEST(self.errorCode() == "volunteer.self");
    HttpClient neighbour = server.signedIn("resident2");
    BOOST_TEST(
        member
            .post("/api/v1/communities/1/volunteer-hours",
                  R"({"user_id": )" + std::to_string(userId(neighbour)) + R"(, "minutes": 60, "description": "助老"})")
            .status == 201);
}

BOOST_AUTO_TEST_SUITE_END()
