// 议事会 depth over HTTP (docs/council.md), as the people involved meet it:
// 友谊一村's committee calls for topics with a deadline, its verified
// residents raise topics in answer until the call closes (at the deadline on
// the server's clock, or earlier by the committee), and the committee marks
// suggestions in a topic's thread and those made at a meeting as adopted or
// not, with a public reason, from which the public adoption rate follows;
// those invited to a meeting hear of it in their inbox. Others are refused.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "notification_helpers.h"
#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

constexpr std::int64_t kDay = 86400;

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

std::string markBody(const std::string& decision, const std::string& reason) {
    return R"({"decision":")" + decision + R"(","reason":")" + reason + R"("})";
}

// The community's adoption rate in all, as anyone reads it.
Poco::JSON::Object::Ptr rateTotal(HttpClient& client, int community) {
    HttpResult r = client.get("/api/v1/communities/" + std::to_string(community) + "/adoption-rate");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()->getObject("total");
}

// Everyone the tests meet, signed in, on a server of their own whose clock
// the district admin moves.
struct People {
    ServerProcess server{{"--test-clock"}};
    HttpClient committee{server.port()};        // 李建国, 友谊一村
    HttpClient other_committee{server.port()};  // 宝林八村
    HttpClient zhao{server.port()};
    HttpClient qian{server.port()};
    HttpClient pending{server.port()};   // not verified yet
    HttpClient stranger{server.port()};  // 宝林八村
    HttpClient admin{server.port()};
    HttpClient anonymous{server.port()};
    People() {
        committee.loginBrowser("committee1", server.password("committee1"));
        other_committee.loginBrowser("committee2", server.password("committee2"));
        zhao.loginBrowser("resident1", server.password("resident1"));
        qian.loginBrowser("resident2", server.password("resident2"));
        pending.loginBrowser("pending1", server.password("pending1"));
        stranger.loginBrowser("resident3", server.password("resident3"));
        admin.loginBrowser("admin", server.password("admin"));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(council_flow)

BOOST_FIXTURE_TEST_CASE(residents_answer_a_call_for_topics_until_it_closes, People) {
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

BOOST_FIXTURE_TEST_CASE(the_committee_marks_suggestions_with_a_reason_and_the_rate_is_public, People) {
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

    Poco::JSON::Object::Ptr t = rateTotal(anonymous, 1);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("partly_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("not_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("decided") == 3);
    BOOST_TEST(t->getValue<std::int64_t>("rate_permille") == 333);

    // Marked again, the latest mark stands and the rate follows.
    BOOST_REQUIRE_EQUAL(committee.send("PUT", mark, markBody("not_adopted", "预算不够，明年再议")).status, 200);
    t = rateTotal(anonymous, 1);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 0);
    BOOST_TEST(t->getValue<std::int64_t>("decided") == 3);
    BOOST_TEST(t->getValue<std::int64_t>("rate_permille") == 0);

    // Another community has decided nothing: no rate, not a zero.
    Poco::JSON::Object::Ptr none = rateTotal(anonymous, 2);
    BOOST_TEST(none->getValue<std::int64_t>("decided") == 0);
    BOOST_TEST(none->isNull("rate_permille"));

    // A withdrawn suggestion is not marked.
    BOOST_REQUIRE_EQUAL(zhao.del("/api/v1/comments/" + std::to_string(solar)).status, 200);
    BOOST_TEST(
        committee.send("PUT", "/api/v1/comments/" + std::to_string(solar) + "/adoption", markBody("adopted", "x"))
            .errorCode() == "comment.withdrawn");
}

BOOST_FIXTURE_TEST_CASE(representatives_are_invited_answer_and_their_attendance_is_recorded, People) {
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

// Suggestions made at a 议事会 meeting and the meeting in the inbox: the
// committee invites 赵 to a meeting on a topic, 赵 hears of it and, having
// answered "attend", is reminded two hours before it begins; once it began
// the committee records what was said there, by 赵 and by a neighbour who is
// not online, and marks each with a public reason. The marks count in the
// community's adoption rate with the thread's; 赵 hears of the mark. Others
// are refused.
BOOST_FIXTURE_TEST_CASE(the_invited_hear_of_a_meeting_and_its_suggestions_are_marked_and_counted, People) {
    notify::ServerClock clock(admin);
    const std::int64_t zhao_id = userId(zhao);
    const std::int64_t stranger_id = userId(stranger);

    // A topic with a meeting three hours from now; 赵 is invited by name.
    const std::int64_t topic = raise(qian, 1, "小区停车难");
    const std::int64_t starts_at = clock.now() + 3 * 3600;
    HttpResult meeting =
        committee.post("/api/v1/proposals/" + std::to_string(topic) + "/meetings",
                       R"({"mode":"offline","starts_at":)" + std::to_string(starts_at) + R"(,"place":"居委会议室"})");
    BOOST_REQUIRE_EQUAL(meeting.status, 201);
    const std::string base = "/api/v1/meetings/" + std::to_string(idOf(meeting));
    BOOST_REQUIRE_EQUAL(
        committee.post(base + "/invitations", R"({"user_ids":[)" + std::to_string(zhao_id) + "]}").status, 200);

    // The invitation reaches 赵's inbox, naming the topic and the time.
    Poco::JSON::Object::Ptr invited = notify::waitForItem(zhao, topic, "meeting.invited");
    BOOST_REQUIRE(invited);
    BOOST_TEST(invited->getValue<std::string>("kind") == "meeting");
    BOOST_TEST(invited->getValue<std::string>("title") == "小区停车难");
    BOOST_TEST(invited->getValue<std::int64_t>("event_at") == starts_at);
    BOOST_TEST(!notify::findItem(qian, topic, "meeting.invited"));       // not invited
    BOOST_TEST(!notify::findItem(committee, topic, "meeting.invited"));  // nobody hears of their own act

    // 赵 will attend: reminded once, two hours before, and not earlier.
    BOOST_REQUIRE_EQUAL(zhao.send("PUT", base + "/invitations/mine", R"({"answer":"attend"})").status, 200);
    BOOST_REQUIRE(clock.advance(1800));
    BOOST_REQUIRE(notify::waitForItem(zhao, topic, "meeting.invited"));
    BOOST_TEST(!notify::findItem(zhao, topic, "meeting.reminder"));
    BOOST_REQUIRE(clock.advance(starts_at - 2 * 3600 + 60 - clock.now()));
    Poco::JSON::Object::Ptr reminder = notify::waitForItem(zhao, topic, "meeting.reminder");
    BOOST_REQUIRE(reminder);
    BOOST_TEST(reminder->getValue<std::int64_t>("event_at") == starts_at);
    BOOST_TEST(!reminder->getValue<bool>("urgent"));
    BOOST_REQUIRE(clock.advance(1800));
    BOOST_REQUIRE(clock.advance(1));
    BOOST_TEST(notify::countDetail(zhao, "meeting.reminder") == 1);
    BOOST_TEST(!notify::findItem(qian, topic, "meeting.reminder"));

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

    BOOST_TEST(rateTotal(anonymous, 1)->getValue<std::int64_t>("decided") == 0);
    HttpResult adopted = committee.send("PUT", mark_zhao, markBody("adopted", "已和学校谈妥，下周开放"));
    BOOST_REQUIRE_EQUAL(adopted.status, 200);
    BOOST_TEST(adopted.json()->getValue<std::string>("decision") == "adopted");
    BOOST_REQUIRE_EQUAL(committee.send("PUT", mark_wang, markBody("not_adopted", "消防通道不能占用")).status, 200);
    // A thread's suggestion counts with them.
    const std::int64_t c = comment(zhao, topic, "建议错峰停车");
    BOOST_REQUIRE_EQUAL(committee
                            .send("PUT", "/api/v1/comments/" + std::to_string(c) + "/adoption",
                                  markBody("partly_adopted", "先在夜间试行"))
                            .status,
                        200);
    Poco::JSON::Object::Ptr t = rateTotal(anonymous, 1);
    BOOST_TEST(t->getValue<std::int64_t>("adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("partly_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("not_adopted") == 1);
    BOOST_TEST(t->getValue<std::int64_t>("rate_permille") == 333);

    // 赵 hears of the mark on what 赵 said at the meeting.
    Poco::JSON::Object::Ptr heard = notify::waitForItem(zhao, topic, "meeting_suggestion.marked");
    BOOST_REQUIRE(heard);
    BOOST_TEST(heard->getValue<std::string>("kind") == "reply");

    // Marked again, the latest mark stands and the rate follows.
    BOOST_REQUIRE_EQUAL(committee.send("PUT", mark_zhao, markBody("not_adopted", "学校后来不同意")).status, 200);
    t = rateTotal(anonymous, 1);
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
