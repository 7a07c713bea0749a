// 议事会 depth over HTTP (docs/council.md), as the people involved meet it:
// 友谊一村's committee calls for topics with a deadline, its verified
// residents raise topics in answer until the call closes (at the deadline on
// the server's clock, or earlier by the committee), and the committee marks
// suggestions in a topic's thread as adopted or not, with a public reason,
// from which the public adoption rate follows. Others are refused.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "notification_helpers.h"
#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t idOf(const HttpResult& r) { return r.json()->getValue<std::int64_t>("id"); }

void advance(HttpClient& admin, std::int64_t seconds) {
    BOOST_REQUIRE_EQUAL(
        admin.post("/api/v1/test/clock", R"({"advance_seconds": )" + std::to_string(seconds) + "}").status, 200);
}

std::int64_t raise(HttpClient& resident, int community, const std::string& title) {
    HttpResult r = resident.post("/api/v1/communities/" + std::to_string(community) + "/proposals",
                                 R"({"kind":"problem","title":")" + title + R"("})");
    BOOST_REQUIRE_EQUAL(r.status, 201);
    return idOf(r);
}

std::string answerBody(std::int64_t proposal) { return R"({"proposal_id":)" + std::to_string(proposal) + "}"; }

std::int64_t comment(HttpClient& resident, std::int64_t proposal, const std::string& body) {
    HttpResult r = resident.post("/api/v1/proposals/" + std::to_string(proposal) + "/comments",
                                 R"({"body":")" + body + R"(","stance":"for"})");
    BOOST_REQUIRE_EQUAL(r.status, 201);
    return idOf(r);
}

std::int64_t userId(HttpClient& client) {
    return client.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
}

std::string markBody(const std::string& decision, const std::string& reason) {
    return R"({"decision":")" + decision + R"(","reason":")" + reason + R"("})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(council_flow)

BOOST_AUTO_TEST_CASE(residents_answer_a_call_for_topics_until_it_closes) {
    ServerProcess server({"--test-clock"});
    HttpClient committee(server.port());  // 李建国, 友谊一村
    committee.loginBrowser("committee1", server.password("committee1"));
    HttpClient other_committee(server.port());  // 宝林八村
    other_committee.loginBrowser("committee2", server.password("committee2"));
    HttpClient zhao(server.port());
    zhao.loginBrowser("resident1", server.password("resident1"));
    HttpClient qian(server.port());
    qian.loginBrowser("resident2", server.password("resident2"));
    HttpClient pending(server.port());  // not verified yet
    pending.loginBrowser("pending1", server.password("pending1"));
    HttpClient stranger(server.port());  // 宝林八村
    stranger.loginBrowser("resident3", server.password("resident3"));
    HttpClient admin(server.port());
    admin.loginBrowser("admin", server.password("admin"));
    HttpClient anonymous(server.port());

    const std::int64_t t0 = committee.get("/api/v1/me").json()->getValue<std::int64_t>("session_expires_at") - 7 * kDay;
    const std::string body = R"({"title":"2027年小区微更新议题征集","description":"请大家提出想改的地方",)"
                             R"("theme":"微更新","deadline":)" +
                             std::to_string(t0 + 2 * kDay) + "}";

    BOOST_TEST(zhao.post("/api/v1/communities/1/topic-calls", body).errorCode() == "topic_call.forbidden");
    BOOST_TEST(other_committee.post("/api/v1/communities/1/topic-calls", body).errorCode() == "topic_call.forbidden");
    BOOST_TEST(anonymous.post("/api/v1/communities/1/topic-calls", body).status == 401);
    BOOST_TEST(
        committee
            .post("/api/v1/communities/1/topic-calls", R"({"title":"x","deadline":)" + std::to_string(t0 - 10) + "}")
            .errorCode() == "topic_call.deadline");
    BOOST_TEST(
        committee
            .post("/api/v1/communities/1/topic-calls", R"({"title":"","deadline":)" + std::to_string(t0 + kDay) + "}")
            .errorCode() == "title.invalid");

    HttpResult opened = committee.post("/api/v1/communities/1/topic-calls", body);
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    const std::string call = "/api/v1/topic-calls/" + std::to_string(idOf(opened));
    BOOST_TEST(opened.json()->getValue<bool>("closed") == false);
    BOOST_TEST(opened.json()->getValue<bool>("may_close") == true);
    BOOST_TEST(opened.json()->getValue<std::string>("theme") == "微更新");

    // Residents raise their topics in answer; only its author links a topic,
    // once, and only a verified resident of the community.
    const std::int64_t lift = raise(zhao, 1, "加装电梯");
    HttpResult answered = zhao.post(call + "/topics", answerBody(lift));
    BOOST_REQUIRE_EQUAL(answered.status, 201);
    BOOST_TEST(answered.json()->getArray("topics")->size() == 1u);
    BOOST_TEST(answered.json()->getArray("topics")->getObject(0)->getValue<std::int64_t>("id") == lift);
    BOOST_TEST(zhao.post(call + "/topics", answerBody(lift)).errorCode() == "topic_call.already_answered");
    BOOST_TEST(qian.post(call + "/topics", answerBody(lift)).errorCode() == "topic_call.not_your_topic");
    BOOST_TEST(qian.post(call + "/topics", answerBody(999999)).errorCode() == "proposal.not_found");
    BOOST_TEST(pending.post(call + "/topics", answerBody(lift)).errorCode() == "membership.pending");
    const std::int64_t elsewhere = raise(stranger, 2, "宝林八村的议题");
    BOOST_TEST(stranger.post(call + "/topics", answerBody(elsewhere)).errorCode() == "membership.none");
    BOOST_TEST(anonymous.post(call + "/topics", answerBody(lift)).status == 401);
    const std::int64_t bikes = raise(qian, 1, "非机动车棚");
    BOOST_TEST(qian.post(call + "/topics", answerBody(bikes)).status == 201);

    // The public sees the call with its topics, and the community's list.
    HttpResult seen = anonymous.get(call);
    BOOST_REQUIRE_EQUAL(seen.status, 200);
    BOOST_TEST(seen.json()->getArray("topics")->size() == 2u);
    BOOST_TEST(seen.json()->getValue<bool>("may_answer") == false);
    BOOST_TEST(zhao.get(call).json()->getValue<bool>("may_answer") == true);
    HttpResult listed = anonymous.get("/api/v1/communities/1/topic-calls");
    BOOST_REQUIRE_EQUAL(listed.status, 200);
    BOOST_TEST(listed.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("topic_count") == 2);
    BOOST_TEST(anonymous.get("/api/v1/topic-calls/999999").errorCode() == "topic_call.not_found");

    // At the deadline it closes by itself.
    advance(admin, 2 * kDay + 1);
    const std::int64_t late = raise(qian, 1, "晚到的议题");
    BOOST_TEST(qian.post(call + "/topics", answerBody(late)).errorCode() == "topic_call.closed");
    HttpResult after = anonymous.get(call);
    BOOST_TEST(after.json()->getValue<bool>("closed") == true);
    BOOST_TEST(after.json()->getArray("topics")->size() == 2u);
    BOOST_TEST(committee.post(call + "/close", "{}").errorCode() == "topic_call.closed");

    // The committee closes another call before its deadline.
    HttpResult second = committee.post("/api/v1/communities/1/topic-calls",
                                       R"({"title":"停车议题征集","deadline":)" + std::to_string(t0 + 30 * kDay) + "}");
    BOOST_REQUIRE_EQUAL(second.status, 201);
    const std::string second_call = "/api/v1/topic-calls/" + std::to_string(idOf(second));
    BOOST_TEST(other_committee.post(second_call + "/close", "{}").errorCode() == "topic_call.forbidden");
    BOOST_TEST(zhao.post(second_call + "/close", "{}").errorCode() == "topic_call.forbidden");
    HttpResult closed = committee.post(second_call + "/close", "{}");
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.json()->getValue<bool>("closed") == true);
    BOOST_TEST(!closed.json()->isNull("closed_at"));
    BOOST_TEST(qian.post(second_call + "/topics", answerBody(late)).errorCode() == "topic_call.closed");
    BOOST_TEST(committee.post(second_call + "/close", "{}").errorCode() == "topic_call.closed");
    BOOST_TEST(anonymous.get("/api/v1/communities/1/topic-calls").json()->getArray("items")->size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_committee_marks_suggestions_with_a_reason_and_the_rate_is_public) {
    ServerProcess server;
    HttpClient committee(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    HttpClient other_committee(server.port());
    other_committee.loginBrowser("committee2", server.password("committee2"));
    HttpClient zhao(server.port());
    zhao.loginBrowser("resident1", server.password("resident1"));
    HttpClient qian(server.port());
    qian.loginBrowser("resident2", server.password("resident2"));
    HttpClient anonymous(server.port());

    const std::int64_t topic = raise(zhao, 1, "楼道照明");
    const std::int64_t sensor = comment(qian, topic, "建议换成声控灯");
    const std::int64_t solar = comment(zhao, topic, "建议装太阳能灯");
    const std::int64_t timer = comment(qian, topic, "建议晚上十点后调暗");
    const std::string mark = "/api/v1/comments/" + std::to_string(sensor) + "/adoption";

    BOOST_TEST(qian.send("PUT", mark, markBody("adopted", "好")).errorCode() == "adoption.forbidden");
    BOOST_TEST(other_committee.send("PUT", mark, markBody("adopted", "好")).errorCode() == "adoption.forbidden");
    BOOST_TEST(anonymous.send("PUT", mark, markBody("adopted", "好")).status == 401);
    BOOST_TEST(committee.send("PUT", mark, markBody("adopted", "")).errorCode() == "adoption.reason_required");
    BOOST_TEST(committee.send("PUT", mark, R"({"decision":"adopted"})").errorCode() == "adoption.reason_required");
    BOOST_TEST(committee.send("PUT", mark, markBody("maybe", "好")).errorCode() == "adoption.decision");
    BOOST_TEST(committee.send("PUT", "/api/v1/comments/999999/adoption", markBody("adopted", "好")).errorCode() ==
               "comment.not_found");

    HttpResult adopted = committee.send("PUT", mark, markBody("adopted", "声控灯省电，下月安装"));
    BOOST_REQUIRE_EQUAL(adopted.status, 200);
    BOOST_TEST(adopted.json()->getValue<std::string>("decision") == "adopted");
    BOOST_REQUIRE_EQUAL(committee
                            .send("PUT", "/api/v1/comments/" + std::to_string(solar) + "/adoption",
                                  markBody("not_adopted", "楼道没有日照"))
                            .status,
                        200);
    BOOST_REQUIRE_EQUAL(committee
                            .send("PUT", "/api/v1/comments/" + std::to_string(timer) + "/adoption",
                                  markBody("partly_adopted", "先在两栋楼试行"))
                            .status,
                        200);

    // The author hears of it in their inbox (the processor runs on its own thread).
    BOOST_TEST(notify::waitForItem(qian, topic, "suggestion.marked") != nullptr);

    // The author and everyone see each mark with its reason.
    HttpResult marks = anonymous.get("/api/v1/proposals/" + std::to_string(topic) + "/adoptions");
    BOOST_REQUIRE_EQUAL(marks.status, 200);
    Poco::JSON::Array::Ptr items = marks.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 3u);
    BOOST_TEST(items->getObject(0)->getValue<std::int64_t>("comment_id") == sensor);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("reason") == "声控灯省电，下月安装");
    BOOST_TEST(items->getObject(1)->getValue<std::string>("decision") == "not_adopted");

    auto total = [&](HttpClient& client, int community) {
        HttpResult r = client.get("/api/v1/communities/" + std::to_string(community) + "/adoption-rate");
        BOOST_REQUIRE_EQUAL(r.status, 200);
        return r.json()->getObject("total");
    };
    Poco::JSON::Object::Ptr t = total(anonymous, 1);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("partly_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("not_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("decided") == 3);
    BOOST_TEST(t->getValue<std::int64_t>("rate_permille") == 333);

    // Marked again, the latest mark stands and the rate follows.
    BOOST_REQUIRE_EQUAL(committee.send("PUT", mark, markBody("not_adopted", "预算不够，明年再议")).status, 200);
    t = total(anonymous, 1);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 0);
    BOOST_TEST(t->getValue<std::int64_t>("decided") == 3);
    BOOST_TEST(t->getValue<std::int64_t>("rate_permille") == 0);

    // Another community has decided nothing: no rate, not a zero.
    Poco::JSON::Object::Ptr none = total(anonymous, 2);
    BOOST_TEST(none->getValue<std::int64_t>("decided") == 0);
    BOOST_TEST(none->isNull("rate_permille"));

    // A withdrawn suggestion is not marked.
    BOOST_REQUIRE_EQUAL(zhao.del("/api/v1/comments/" + std::to_string(solar)).status, 200);
    BOOST_TEST(
        committee.send("PUT", "/api/v1/comments/" + std::to_string(solar) + "/adoption", markBody("adopted", "x"))
            .errorCode() == "comment.withdrawn");
}

BOOST_AUTO_TEST_CASE(representatives_are_invited_answer_and_their_attendance_is_recorded) {
    ServerProcess server({"--test-clock"});
    HttpClient committee(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    HttpClient other_committee(server.port());
    other_committee.loginBrowser("committee2", server.password("committee2"));
    HttpClient zhao(server.port());
    zhao.loginBrowser("resident1", server.password("resident1"));
    HttpClient qian(server.port());
    qian.loginBrowser("resident2", server.password("resident2"));
    HttpClient pending(server.port());
    pending.loginBrowser("pending1", server.password("pending1"));
    HttpClient stranger(server.port());
    stranger.loginBrowser("resident3", server.password("resident3"));
    HttpClient admin(server.port());
    admin.loginBrowser("admin", server.password("admin"));
    HttpClient anonymous(server.port());
    const std::int64_t zhao_id = userId(zhao);
    const std::int64_t qian_id = userId(qian);
    const std::int64_t pending_id = userId(pending);
    const std::int64_t stranger_id = userId(stranger);
    auto user = [](std::int64_t id) { return R"({"user_id":)" + std::to_string(id) + "}"; };

    // The committee designates its representatives: verified residents of
    // the community, one term at a time.
    const std::string reps = "/api/v1/communities/1/representatives";
    BOOST_TEST(zhao.post(reps, user(zhao_id)).errorCode() == "representative.forbidden");
    BOOST_TEST(other_committee.post(reps, user(zhao_id)).errorCode() == "representative.forbidden");
    BOOST_TEST(committee.post(reps, user(pending_id)).errorCode() == "representative.not_resident");
    BOOST_TEST(committee.post(reps, user(stranger_id)).errorCode() == "representative.not_resident");
    HttpResult designated = committee.post(reps, user(zhao_id));
    BOOST_REQUIRE_EQUAL(designated.status, 201);
    BOOST_TEST(committee.post(reps, user(zhao_id)).errorCode() == "representative.exists");
    HttpResult qian_rep = committee.post(reps, user(qian_id));
    BOOST_REQUIRE_EQUAL(qian_rep.status, 201);
    const std::string end_qian = "/api/v1/representatives/" + std::to_string(idOf(qian_rep)) + "/end";
    BOOST_TEST(qian.post(end_qian, R"({"reason":"不想干了"})").errorCode() == "representative.forbidden");
    BOOST_TEST(committee.post(end_qian, R"({"reason":""})").errorCode() == "reason.invalid");
    BOOST_REQUIRE_EQUAL(committee.post(end_qian, R"({"reason":"搬离本社区"})").status, 200);
    BOOST_TEST(committee.post(end_qian, R"({"reason":"搬离本社区"})").errorCode() == "representative.ended");
    HttpResult listed = anonymous.get(reps);
    BOOST_REQUIRE_EQUAL(listed.status, 200);
    Poco::JSON::Array::Ptr items = listed.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 2u);
    BOOST_TEST(items->getObject(0)->getValue<std::int64_t>("user_id") == zhao_id);  // serving first
    BOOST_TEST(items->getObject(0)->isNull("ended_at"));
    BOOST_TEST(items->getObject(1)->getValue<std::string>("end_reason") == "搬离本社区");

    // A meeting on a topic; the committee invites the serving representatives
    // and qian by name, before the meeting begins.
    const std::int64_t topic = raise(qian, 1, "小区绿化");
    const std::int64_t t0 = committee.get("/api/v1/me").json()->getValue<std::int64_t>("session_expires_at") - 7 * kDay;
    HttpResult meeting =
        committee.post("/api/v1/proposals/" + std::to_string(topic) + "/meetings",
                       R"({"mode":"offline","starts_at":)" + std::to_string(t0 + kDay) + R"(,"place":"居委会议室"})");
    BOOST_REQUIRE_EQUAL(meeting.status, 201);
    const std::string base = "/api/v1/meetings/" + std::to_string(idOf(meeting));
    const std::string invite = R"({"representatives":true,"user_ids":[)" + std::to_string(qian_id) + "]}";
    BOOST_TEST(zhao.post(base + "/invitations", invite).errorCode() == "invitation.forbidden");
    BOOST_TEST(other_committee.post(base + "/invitations", invite).errorCode() == "invitation.forbidden");
    BOOST_TEST(
        committee.post(base + "/invitations", R"({"user_ids":[)" + std::to_string(stranger_id) + "]}").errorCode() ==
        "invitation.not_resident");
    HttpResult invited = committee.post(base + "/invitations", invite);
    BOOST_REQUIRE_EQUAL(invited.status, 200);
    items = invited.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 2u);
    BOOST_TEST(items->getObject(0)->getValue<std::int64_t>("user_id") == zhao_id);
    BOOST_TEST(items->getObject(0)->getValue<bool>("representative") == true);
    BOOST_TEST(items->getObject(1)->getValue<bool>("representative") == false);
    BOOST_TEST(items->getObject(1)->getValue<std::string>("answer") == "pending");
    // Inviting again leaves the invitations as they are.
    BOOST_TEST(committee.post(base + "/invitations", invite).json()->getArray("items")->size() == 2u);

    // Invitees answer, and may change their mind, until it begins.
    BOOST_TEST(zhao.send("PUT", base + "/invitations/mine", R"({"answer":"decline"})").status == 200);
    BOOST_TEST(zhao.send("PUT", base + "/invitations/mine", R"({"answer":"attend"})").status == 200);
    BOOST_TEST(qian.send("PUT", base + "/invitations/mine", R"({"answer":"decline"})").status == 200);
    BOOST_TEST(stranger.send("PUT", base + "/invitations/mine", R"({"answer":"attend"})").errorCode() ==
               "invitation.not_found");
    BOOST_TEST(zhao.send("PUT", base + "/invitations/mine", R"({"answer":"pending"})").errorCode() ==
               "invitation.answer");
    BOOST_TEST(committee.send("PUT", base + "/attendance", R"({"attended":[]})").errorCode() == "meeting.not_started");

    advance(admin, kDay + 60);
    BOOST_TEST(qian.send("PUT", base + "/invitations/mine", R"({"answer":"attend"})").errorCode() ==
               "invitation.too_late");
    BOOST_TEST(committee.post(base + "/invitations", invite).errorCode() == "invitation.too_late");
    const std::string came = R"({"attended":[)" + std::to_string(zhao_id) + "]}";
    BOOST_TEST(zhao.send("PUT", base + "/attendance", came).errorCode() == "invitation.forbidden");
    BOOST_TEST(committee.send("PUT", base + "/attendance", R"({"attended":[)" + std::to_string(stranger_id) + "]}")
                   .errorCode() == "invitation.not_invited");
    BOOST_REQUIRE_EQUAL(committee.send("PUT", base + "/attendance", came).status, 200);

    HttpResult seen = anonymous.get(base + "/invitations");
    BOOST_REQUIRE_EQUAL(seen.status, 200);
    BOOST_TEST(seen.json()->getValue<std::int64_t>("attended") == 1);
    items = seen.json()->getArray("items");
    BOOST_TEST(items->getObject(0)->getValue<std::string>("answer") == "attend");
    BOOST_TEST(items->getObject(0)->getValue<bool>("attended") == true);
    BOOST_TEST(items->getObject(1)->getValue<std::string>("answer") == "decline");
    BOOST_TEST(items->getObject(1)->getValue<bool>("attended") == false);
    BOOST_TEST(anonymous.get("/api/v1/meetings/999999/invitations").errorCode() == "meeting.not_found");
}

BOOST_AUTO_TEST_SUITE_END()
