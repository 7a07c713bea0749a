#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <ctime>
#include <map>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

BOOST_AUTO_TEST_SUITE(consultation_flow)

BOOST_AUTO_TEST_CASE(comments_supports_moderation_and_meetings_over_http) {
    ServerProcess server;
    HttpClient author = server.signedIn("resident1");
    HttpClient neighbour = server.signedIn("resident2");
    HttpClient committee = server.signedIn("committee1");
    HttpClient anonymous(server.port());

    HttpResult created = author.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"楼道堆物"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    const std::string base = "/api/v1/proposals/" + std::to_string(created.json()->getValue<std::int64_t>("id"));

    HttpResult comment = neighbour.post(base + "/comments", R"({"body":"确实影响消防通道","stance":"for"})");
    BOOST_REQUIRE_EQUAL(comment.status, 201);
    const std::string comment_path = "/api/v1/comments/" + std::to_string(comment.json()->getValue<std::int64_t>("id"));
    HttpResult reply =
        author.post(base + "/comments", R"({"body":"谢谢支持","parent_id":)" +
                                            std::to_string(comment.json()->getValue<std::int64_t>("id")) + "}");
    BOOST_TEST(reply.json()->getValue<int>("depth") == 2);
    BOOST_TEST(neighbour.post(base + "/comments", R"({"body":"x","stance":"maybe"})").errorCode() == "body.stance");
    BOOST_TEST(anonymous.post(base + "/comments", R"({"body":"x"})").status == 401);

    HttpResult edited = neighbour.send("PUT", comment_path, R"({"body":"确实堵住了消防通道","stance":"for"})");
    BOOST_TEST(edited.status == 200);
    BOOST_TEST(!edited.json()->isNull("edited_at"));
    // An edit that leaves the stance out keeps it (it used to reset it to neutral).
    HttpResult reworded = neighbour.send("PUT", comment_path, R"({"body":"消防通道被堵住了"})");
    BOOST_TEST(reworded.status == 200);
    BOOST_TEST(reworded.json()->getValue<std::string>("stance") == "for");
    BOOST_TEST(author.send("PUT", comment_path, R"({"body":"篡改"})").errorCode() == "comment.not_yours");

    BOOST_TEST(neighbour.post(base + "/supports", "").status == 201);
    BOOST_TEST(neighbour.post(base + "/supports", "").errorCode() == "support.exists");
    HttpResult count = anonymous.get(base + "/supports");
    BOOST_TEST(count.json()->getValue<int>("count") == 1);
    BOOST_TEST(neighbour.del(base + "/supports/mine").json()->getValue<int>("count") == 0);

    HttpResult report = author.post(comment_path + "/reports", R"({"reason":"测试举报"})");
    BOOST_TEST(report.status == 201);
    BOOST_TEST(committee.post(comment_path + "/moderation", R"({"action":"hide"})").errorCode() ==
               "moderation.reason_required");
    HttpResult hidden = committee.post(comment_path + "/moderation", R"({"action":"hide","reason":"含个人信息"})");
    BOOST_REQUIRE_EQUAL(hidden.status, 200);
    Poco::JSON::Object::Ptr seen = anonymous.get(base + "/comments").json()->getArray("items")->getObject(0);
    BOOST_TEST(seen->getValue<bool>("hidden"));
    BOOST_TEST(seen->isNull("body"));
    BOOST_TEST(seen->getValue<std::string>("hidden_reason") == "含个人信息");
    HttpResult log = anonymous.get("/api/v1/communities/1/moderation-log");
    BOOST_TEST(log.json()->getObject("counts")->getValue<int>("moderation.hidden") == 1);
    BOOST_TEST(log.body.find("resident1") == std::string::npos);  // reporters never named
    BOOST_TEST(log.body.find("赵大爷") == std::string::npos);

    HttpResult withdrawn = neighbour.del(comment_path);
    BOOST_TEST(withdrawn.json()->getValue<bool>("withdrawn"));

    const std::string when = std::to_string(std::time(nullptr) - 60);  // began a minute ago
    HttpResult meeting =
        committee.post(base + "/meetings", R"({"mode":"offline","starts_at":)" + when + R"(,"place":"居委会议室"})");
    BOOST_REQUIRE_EQUAL(meeting.status, 201);
    const std::string minutes_path =
        "/api/v1/meetings/" + std::to_string(meeting.json()->getValue<std::int64_t>("id")) + "/minutes";
    BOOST_TEST(author.post(minutes_path, R"({"minutes":"x","attendance":1})").status == 403);
    HttpResult recorded = committee.post(minutes_path, R"({"minutes":"决定限期清理","attendance":18})");
    BOOST_TEST(recorded.status == 200);
    BOOST_TEST(anonymous.get(base + "/meetings").json()->getArray("items")->getObject(0)->getValue<int>("attendance") ==
               18);

    // The history states the attendance as a fact, in the reader's language
    // (issue 9, item 22: it used to store the English "18 attended").
    auto meetingReason = [&](const std::map<std::string, std::string>& headers) {
        HttpResult history = anonymous.send("GET", base + "/history", "", "application/json", headers);
        Poco::JSON::Array::Ptr items = history.json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (items->getObject(i)->getValue<std::string>("action") == "meeting.recorded")
                return items->getObject(i)->getValue<std::string>("reason");
        }
        return std::string("(none)");
    };
    BOOST_TEST(meetingReason({}) == "18 人参会");
    BOOST_TEST(meetingReason({{"Accept-Language", "en-GB,en;q=0.9"}}) == "18 people attended");
    BOOST_TEST(meetingReason({{"Accept-Language", "zh-CN"}}) == "18 人参会");
}

// Issue 9 items 3 and 9: the author could edit a comment that moderation hid,
// and the reported text was lost with no copy anywhere; an edit without a
// field reset it. Hidden comments cannot be edited, every edit keeps the text
// it replaces for the committee, and fields left out keep their value.
BOOST_AUTO_TEST_CASE(edits_keep_what_they_replace_and_hidden_comments_stay_as_reported) {
    ServerProcess server;
    HttpClient author = server.signedIn("resident1");
    HttpClient neighbour = server.signedIn("resident2");
    HttpClient committee = server.signedIn("committee1");
    HttpClient anonymous(server.port());

    HttpResult created = author.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"噪音扰民"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    const std::string base = "/api/v1/proposals/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    HttpResult comment = neighbour.post(base + "/comments", R"({"body":"楼上每晚装修到十二点","stance":"for"})");
    BOOST_REQUIRE_EQUAL(comment.status, 201);
    const std::string path = "/api/v1/comments/" + std::to_string(comment.json()->getValue<std::int64_t>("id"));

    // A stance alone changes the stance and keeps the body.
    HttpResult restanced = neighbour.send("PUT", path, R"({"stance":"against"})");
    BOOST_REQUIRE_EQUAL(restanced.status, 200);
    BOOST_TEST(restanced.json()->getValue<std::string>("body") == "楼上每晚装修到十二点");
    BOOST_TEST(restanced.json()->getValue<std::string>("stance") == "against");
    BOOST_TEST(neighbour.send("PUT", path, "{}").errorCode() == "comment.nothing_to_change");
    BOOST_REQUIRE_EQUAL(neighbour.send("PUT", path, R"({"body":"楼上302每晚装修到十二点"})").status, 200);

    HttpResult hidden = committee.post(path + "/moderation", R"({"action":"hide","reason":"含门牌号"})");
    BOOST_REQUIRE_EQUAL(hidden.status, 200);
    HttpResult edit_hidden = neighbour.send("PUT", path, R"({"body":"我什么也没说"})");
    BOOST_TEST(edit_hidden.status == 409);
    BOOST_TEST(edit_hidden.errorCode() == "comment.hidden");
    BOOST_TEST(
        committee.get(base + "/comments").json()->getArray("items")->getObject(0)->getValue<std::string>("body") ==
        "楼上302每晚装修到十二点");

    // The committee reads every earlier text, oldest first; residents do not.
    HttpResult revisions = committee.get(path + "/revisions");
    BOOST_REQUIRE_EQUAL(revisions.status, 200);
    Poco::JSON::Array::Ptr items = revisions.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 2u);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("body") == "楼上每晚装修到十二点");
    BOOST_TEST(items->getObject(0)->getValue<std::string>("stance") == "for");
    BOOST_TEST(items->getObject(1)->getValue<std::string>("body") == "楼上每晚装修到十二点");
    BOOST_TEST(items->getObject(1)->getValue<std::string>("stance") == "against");
    BOOST_TEST(neighbour.get(path + "/revisions").status == 403);
    BOOST_TEST(author.get(path + "/revisions").status == 403);
    BOOST_TEST(anonymous.get(path + "/revisions").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
