// Suggestions made at a 议事会 meeting and the meeting in the inbox, over
// HTTP (docs/council.md, docs/notifications.md): 友谊一村's committee invites
// 赵 to a meeting on a topic, 赵 hears of it and, having answered "attend",
// is reminded two hours before it begins; once it began the committee
// records what was said there, by 赵 and by a neighbour who is not online,
// and marks each with a public reason. The marks count in the community's
// adoption rate with the thread's; 赵 hears of the mark. Others are refused.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "notification_helpers.h"
#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;
using namespace yishi::testing::notify;

namespace {

std::int64_t userId(HttpClient& client) {
    return client.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
}

std::string markBody(const std::string& decision, const std::string& reason) {
    return R"({"decision":")" + decision + R"(","reason":")" + reason + R"("})";
}

// How many of the caller's items have this detail.
int countDetail(HttpClient& c, const std::string& detail) {
    Poco::JSON::Array::Ptr items = c.get("/api/v1/me/notifications?limit=200").json()->getArray("items");
    int n = 0;
    for (std::size_t i = 0; i < items->size(); ++i)
        n += items->getObject(static_cast<unsigned>(i))->getValue<std::string>("detail") == detail;
    return n;
}

Poco::JSON::Object::Ptr total(HttpClient& client) {
    HttpResult r = client.get("/api/v1/communities/1/adoption-rate");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()->getObject("total");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(meeting_suggestions)

BOOST_AUTO_TEST_CASE(the_invited_hear_of_a_meeting_and_its_suggestions_are_marked_and_counted) {
    ServerProcess server({"--test-clock"});
    HttpClient committee(server.port());  // 友谊一村
    committee.loginBrowser("committee1", server.password("committee1"));
    HttpClient other_committee(server.port());  // 宝林八村
    other_committee.loginBrowser("committee2", server.password("committee2"));
    HttpClient zhao(server.port());
    zhao.loginBrowser("resident1", server.password("resident1"));
    HttpClient qian(server.port());
    qian.loginBrowser("resident2", server.password("resident2"));
    HttpClient stranger(server.port());  // 宝林八村
    stranger.loginBrowser("resident3", server.password("resident3"));
    HttpClient admin(server.port());
    admin.loginBrowser("admin", server.password("admin"));
    HttpClient anonymous(server.port());
    ServerClock clock(admin);
    const std::int64_t zhao_id = userId(zhao);
    const std::int64_t stranger_id = userId(stranger);

    // A topic with a meeting three hours from now; 赵 is invited by name.
    const std::int64_t topic = raise(qian, "小区停车难");
    BOOST_REQUIRE(topic > 0);
    const std::int64_t starts_at = clock.now() + 3 * 3600;
    HttpResult meeting =
        committee.post("/api/v1/proposals/" + std::to_string(topic) + "/meetings",
                       R"({"mode":"offline","starts_at":)" + std::to_string(starts_at) + R"(,"place":"居委会议室"})");
    BOOST_REQUIRE_EQUAL(meeting.status, 201);
    const std::string base = "/api/v1/meetings/" + std::to_string(idOf(meeting));
    BOOST_REQUIRE_EQUAL(
        committee.post(base + "/invitations", R"({"user_ids":[)" + std::to_string(zhao_id) + "]}").status, 200);

    // The invitation reaches 赵's inbox, naming the topic and the time.
    Poco::JSON::Object::Ptr invited = waitForItem(zhao, topic, "meeting.invited");
    BOOST_REQUIRE(invited);
    BOOST_TEST(invited->getValue<std::string>("kind") == "meeting");
    BOOST_TEST(invited->getValue<std::string>("title") == "小区停车难");
    BOOST_TEST(invited->getValue<std::int64_t>("event_at") == starts_at);
    BOOST_TEST(!findItem(qian, topic, "meeting.invited"));       // not invited
    BOOST_TEST(!findItem(committee, topic, "meeting.invited"));  // nobody hears of their own act

    // 赵 will attend: reminded once, two hours before, and not earlier.
    BOOST_REQUIRE_EQUAL(zhao.send("PUT", base + "/invitations/mine", R"({"answer":"attend"})").status, 200);
    BOOST_REQUIRE(clock.advance(1800));
    BOOST_REQUIRE(waitForItem(zhao, topic, "meeting.invited"));
    BOOST_TEST(!findItem(zhao, topic, "meeting.reminder"));
    BOOST_REQUIRE(clock.advance(starts_at - 2 * 3600 + 60 - clock.now()));
    Poco::JSON::Object::Ptr reminder = waitForItem(zhao, topic, "meeting.reminder");
    BOOST_REQUIRE(reminder);
    BOOST_TEST(reminder->getValue<std::int64_t>("event_at") == starts_at);
    BOOST_TEST(!reminder->getValue<bool>("urgent"));
    BOOST_REQUIRE(clock.advance(1800));
    BOOST_REQUIRE(clock.advance(1));
    BOOST_TEST(countDetail(zhao, "meeting.reminder") == 1);
    BOOST_TEST(!findItem(qian, topic, "meeting.reminder"));

    // Suggestions are recorded once the meeting began, by its community's committee.
    const std::string text = R"({"text":"建议晚上开放学校操场停车","author_id":)" + std::to_string(zhao_id) + "}";
    BOOST_TEST(committee.post(base + "/suggestions", text).status == 409);
    BOOST_TEST(committee.post(base + "/suggestions", text).errorCode() == "meeting.not_started");
    BOOST_REQUIRE(clock.advance(starts_at + 60 - clock.now()));
    HttpResult refused = zhao.post(base + "/suggestions", text);
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(refused.errorCode() == "adoption.forbidden");
    BOOST_TEST(other_committee.post(base + "/suggestions", text).errorCode() == "adoption.forbidden");
    BOOST_TEST(anonymous.post(base + "/suggestions", text).status == 401);
    HttpResult empty = committee.post(base + "/suggestions", R"({"text":""})");
    BOOST_TEST(empty.status == 400);
    BOOST_TEST(empty.errorCode() == "suggestion.text");
    BOOST_TEST(committee.post(base + "/suggestions", R"({"text":")" + std::string(1001, 'x') + R"("})").errorCode() ==
               "suggestion.text");
    BOOST_TEST(committee
                   .post(base + "/suggestions",
                         R"({"text":"x","author_name":"王阿姨","author_id":)" + std::to_string(zhao_id) + "}")
                   .errorCode() == "suggestion.author");
    BOOST_TEST(committee.post(base + "/suggestions", R"({"text":"x","author_id":)" + std::to_string(stranger_id) + "}")
                   .errorCode() == "suggestion.not_resident");
    HttpResult unknown = committee.post("/api/v1/meetings/999999/suggestions", text);
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.errorCode() == "meeting.not_found");

    HttpResult by_zhao = committee.post(base + "/suggestions", text);
    BOOST_REQUIRE_EQUAL(by_zhao.status, 201);
    BOOST_TEST(by_zhao.json()->getValue<std::int64_t>("author_id") == zhao_id);
    BOOST_TEST(!by_zhao.json()->getValue<std::string>("author_name").empty());
    BOOST_TEST(by_zhao.json()->isNull("decision"));
    HttpResult by_wang =
        committee.post(base + "/suggestions", R"({"text":"建议画出临时车位","author_name":"3号楼 王阿姨"})");
    BOOST_REQUIRE_EQUAL(by_wang.status, 201);
    BOOST_TEST(by_wang.json()->isNull("author_id"));
    const std::string mark_zhao = "/api/v1/meeting-suggestions/" + std::to_string(idOf(by_zhao)) + "/adoption";
    const std::string mark_wang = "/api/v1/meeting-suggestions/" + std::to_string(idOf(by_wang)) + "/adoption";

    // Marked by the committee alone, with a public reason.
    BOOST_TEST(zhao.send("PUT", mark_zhao, markBody("adopted", "好")).errorCode() == "adoption.forbidden");
    BOOST_TEST(other_committee.send("PUT", mark_zhao, markBody("adopted", "好")).status == 403);
    BOOST_TEST(committee.send("PUT", mark_zhao, markBody("adopted", "")).errorCode() == "adoption.reason_required");
    BOOST_TEST(committee.send("PUT", mark_zhao, markBody("maybe", "好")).errorCode() == "adoption.decision");
    HttpResult no_such =
        committee.send("PUT", "/api/v1/meeting-suggestions/999999/adoption", markBody("adopted", "好"));
    BOOST_TEST(no_such.status == 404);
    BOOST_TEST(no_such.errorCode() == "suggestion.not_found");

    BOOST_TEST(total(anonymous)->getValue<std::int64_t>("decided") == 0);
    HttpResult adopted = committee.send("PUT", mark_zhao, markBody("adopted", "已和学校谈妥，下周开放"));
    BOOST_REQUIRE_EQUAL(adopted.status, 200);
    BOOST_TEST(adopted.json()->getValue<std::string>("decision") == "adopted");
    BOOST_REQUIRE_EQUAL(committee.send("PUT", mark_wang, markBody("not_adopted", "消防通道不能占用")).status, 200);
    // A thread's suggestion counts with them.
    HttpResult c = zhao.post("/api/v1/proposals/" + std::to_string(topic) + "/comments",
                             R"({"body":"建议错峰停车","stance":"for"})");
    BOOST_REQUIRE_EQUAL(c.status, 201);
    BOOST_REQUIRE_EQUAL(committee
                            .send("PUT", "/api/v1/comments/" + std::to_string(idOf(c)) + "/adoption",
                                  markBody("partly_adopted", "先在夜间试行"))
                            .status,
                        200);
    Poco::JSON::Object::Ptr t = total(anonymous);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("partly_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("not_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("rate_permille") == 333);

    // 赵 hears of the mark on what 赵 said at the meeting.
    Poco::JSON::Object::Ptr heard = waitForItem(zhao, topic, "meeting_suggestion.marked");
    BOOST_REQUIRE(heard);
    BOOST_TEST(heard->getValue<std::string>("kind") == "reply");

    // Marked again, the latest mark stands and the rate follows.
    BOOST_REQUIRE_EQUAL(committee.send("PUT", mark_zhao, markBody("not_adopted", "学校后来不同意")).status, 200);
    t = total(anonymous);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 0);
    BOOST_TEST(t->getValue<std::int64_t>("not_adopted") == 2);
    BOOST_TEST(t->getValue<std::int64_t>("decided") == 3);

    // Anyone reads the meeting's suggestions with their marks.
    HttpResult listed = anonymous.get(base + "/suggestions");
    BOOST_REQUIRE_EQUAL(listed.status, 200);
    Poco::JSON::Array::Ptr items = listed.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 2u);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("text") == "建议晚上开放学校操场停车");
    BOOST_TEST(items->getObject(0)->getValue<std::string>("decision") == "not_adopted");
    BOOST_TEST(items->getObject(0)->getValue<std::string>("reason") == "学校后来不同意");
    BOOST_TEST(items->getObject(1)->getValue<std::string>("author_name") == "3号楼 王阿姨");
    BOOST_TEST(items->getObject(1)->getValue<std::string>("reason") == "消防通道不能占用");
    BOOST_TEST(anonymous.get("/api/v1/meetings/999999/suggestions").errorCode() == "meeting.not_found");

    // Every recording and every mark is in the audit log.
    HttpResult trace = admin.get("/api/v1/districts/1/audit?community=1&kind=meeting_suggestion");
    BOOST_REQUIRE_EQUAL(trace.status, 200);
    Poco::JSON::Array::Ptr entries = trace.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(entries->size(), 5u);  // two recorded, three marks
    BOOST_TEST(entries->getObject(0)->getValue<std::string>("action") == "meeting_suggestion.marked");
    BOOST_TEST(entries->getObject(0)->getValue<std::string>("reason") == "not_adopted: 学校后来不同意");
}

BOOST_AUTO_TEST_SUITE_END()
