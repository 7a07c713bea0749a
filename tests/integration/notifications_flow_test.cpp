// The inbox over HTTP (docs/notifications.md), as 友谊一村's people meet it:
// 赵大爷 raises a problem, 钱阿姨 comments (and so follows it), 孙小明 of
// another community follows it by hand, the committee screens and accepts
// it. Each hears what concerns them and nobody hears of their own acts;
// a muted kind is not delivered; nobody reads or marks another's inbox.
#include <boost/test/unit_test.hpp>

#include <ctime>
#include <vector>

#include "integration/notification_helpers.h"
#include "support/server_process.h"

using namespace yishi::testing;
using namespace yishi::testing::notify;

BOOST_AUTO_TEST_SUITE(notifications_flow)

BOOST_AUTO_TEST_CASE(an_inbox_hears_of_replies_follows_and_state_changes_but_never_of_ones_own_acts) {
    ServerProcess server;
    HttpClient zhao = server.signedIn("resident1");
    HttpClient qian = server.signedIn("resident2");
    HttpClient sun = server.signedIn("resident3");  // 宝林八村
    HttpClient committee = server.signedIn("committee1");
    HttpClient anonymous(server.port());

    const std::int64_t p = raise(zhao, "三号楼门禁坏了");
    BOOST_REQUIRE(p > 0);
    const std::string base = "/api/v1/proposals/" + std::to_string(p);

    // 钱阿姨 comments: 赵大爷 hears of it, and she now follows the topic.
    HttpResult comment = qian.post(base + "/comments", R"({"body":"我家也进不去","stance":"for"})");
    BOOST_REQUIRE_EQUAL(comment.status, 201);
    Poco::JSON::Object::Ptr reply = waitForItem(zhao, p, "comment.posted");
    BOOST_REQUIRE(reply);
    BOOST_TEST(reply->getValue<std::string>("kind") == "reply");
    BOOST_TEST(reply->getValue<std::string>("title") == "三号楼门禁坏了");
    BOOST_TEST(!reply->getValue<bool>("read"));
    BOOST_TEST(eventually([&] { return qian.get(base + "/follow").json()->getValue<bool>("following"); }));
    BOOST_TEST(zhao.get(base + "/follow").json()->getValue<bool>("following"));  // raising it follows it

    // 赵大爷 answers her: she hears of it; he hears nothing of his own reply.
    BOOST_REQUIRE_EQUAL(
        zhao.post(base + "/comments", R"({"body":"已经报修了","parent_id":)" + std::to_string(idOf(comment)) + "}")
            .status,
        201);
    BOOST_REQUIRE(waitForItem(qian, p, "comment.posted"));

    // 孙小明 follows by hand (a public topic of another community).
    BOOST_TEST(sun.post(base + "/follow", "").json()->getValue<bool>("following"));
    // 钱阿姨 wants no more state changes.
    HttpResult muted = qian.send("PUT", "/api/v1/me/notification-preferences", R"({"muted":["state"]})");
    BOOST_REQUIRE_EQUAL(muted.status, 200);
    BOOST_TEST(muted.json()->getArray("muted")->size() == 1u);

    BOOST_REQUIRE_EQUAL(act(committee, p, R"({"action":"start_screening"})"), 200);
    BOOST_REQUIRE_EQUAL(act(committee, p, R"({"action":"accept","reason":"属实，马上修"})"), 200);
    Poco::JSON::Object::Ptr accepted = waitForItem(sun, p, "proposal.accept");
    BOOST_REQUIRE(accepted);
    BOOST_TEST(accepted->getValue<std::string>("kind") == "state");
    BOOST_REQUIRE(waitForItem(zhao, p, "proposal.start_screening"));
    BOOST_REQUIRE(findItem(zhao, p, "proposal.accept"));
    BOOST_TEST(findItem(zhao, p, "case.opened"));  // the problem's case opened with the acceptance
    // The batch that told 孙小明 is handled whole: 钱阿姨 muted it; 赵大爷
    // heard of no act of his own; the committee of none of theirs.
    BOOST_TEST(!findItem(qian, p, "proposal.accept"));
    BOOST_TEST(!findItem(qian, p, "proposal.start_screening"));
    BOOST_TEST(countItems(zhao, p) == 4);  // 钱阿姨's comment, start_screening, accept, case.opened
    BOOST_TEST(countItems(committee, p) == 0);

    // Unread, read, all read.
    HttpResult inbox = zhao.get("/api/v1/me/notifications");
    BOOST_REQUIRE_EQUAL(inbox.status, 200);
    const std::int64_t unread = inbox.json()->getValue<std::int64_t>("unread");
    BOOST_TEST(unread >= 4);
    BOOST_TEST(zhao.get("/api/v1/me/notifications/unread").json()->getValue<std::int64_t>("unread") == unread);
    const std::string reply_path = "/api/v1/me/notifications/" + std::to_string(reply->getValue<std::int64_t>("id"));
    HttpResult read = zhao.post(reply_path + "/read", "");
    BOOST_REQUIRE_EQUAL(read.status, 200);
    BOOST_TEST(read.json()->getValue<bool>("read"));
    BOOST_TEST(zhao.get("/api/v1/me/notifications/unread").json()->getValue<std::int64_t>("unread") == unread - 1);
    HttpResult only_unread = zhao.get("/api/v1/me/notifications?unread=1&limit=200");
    BOOST_TEST(only_unread.json()->getArray("items")->size() == static_cast<std::size_t>(unread - 1));
    // Paged by cursor, newest first.
    HttpResult first = zhao.get("/api/v1/me/notifications?limit=2");
    BOOST_REQUIRE_EQUAL(first.json()->getArray("items")->size(), 2u);
    const std::string cursor = first.json()->getValue<std::string>("next_cursor");
    HttpResult second = zhao.get("/api/v1/me/notifications?limit=2&cursor=" + cursor);
    BOOST_REQUIRE_EQUAL(second.status, 200);
    BOOST_TEST(second.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("id") <
               first.json()->getArray("items")->getObject(1)->getValue<std::int64_t>("id"));

    // Nobody marks or reads another's items; the anonymous have no inbox.
    HttpResult foreign = qian.post(reply_path + "/read", "");
    BOOST_TEST(foreign.status == 404);
    BOOST_TEST(foreign.errorCode() == "notification.not_found");
    BOOST_TEST(anonymous.get("/api/v1/me/notifications").status == 401);
    BOOST_TEST(anonymous.post(base + "/follow", "").status == 401);
    BOOST_TEST(zhao.get("/api/v1/me/notifications?unread=yes").errorCode() == "query.unread");

    HttpResult all = zhao.post("/api/v1/me/notifications/read-all", "");
    BOOST_REQUIRE_EQUAL(all.status, 200);
    BOOST_TEST(all.json()->getValue<std::int64_t>("marked") == unread - 1);
    BOOST_TEST(zhao.get("/api/v1/me/notifications/unread").json()->getValue<std::int64_t>("unread") == 0);
    BOOST_TEST(qian.get("/api/v1/me/notifications/unread").json()->getValue<std::int64_t>("unread") >= 1);

    // Unfollowing; a draft is its author's alone, to follow as to read.
    BOOST_TEST(!sun.del(base + "/follow").json()->getValue<bool>("following"));
    BOOST_TEST(!sun.get(base + "/follow").json()->getValue<bool>("following"));
    HttpResult draft = zhao.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":"草稿","submit":false})");
    BOOST_REQUIRE_EQUAL(draft.status, 201);
    HttpResult hidden = qian.post("/api/v1/proposals/" + std::to_string(idOf(draft)) + "/follow", "");
    BOOST_TEST(hidden.status == 404);
    BOOST_TEST(hidden.errorCode() == "proposal.not_found");
}

// The staff side of a case (docs/cases.md): a case nobody holds reaches
// the community's committee; whoever holds one hears of being given it and
// of what the resident says of it, "not solved" and the rating.
BOOST_AUTO_TEST_CASE(whoever_holds_a_case_hears_the_residents_word_and_the_committee_one_nobody_holds) {
    ServerProcess server;
    HttpClient zhou = server.signedIn("resident4");    // 周奶奶, 罗店村
    HttpClient chen = server.signedIn("committee3");   // 罗店村's committee
    HttpClient li = server.signedIn("committee1");     // made a member of 罗店村's committee below
    HttpClient other = server.signedIn("committee2");  // 宝林八村's committee
    HttpClient admin = server.signedIn("admin");
    const std::int64_t li_id = li.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
    BOOST_REQUIRE_EQUAL(admin
                            .post("/api/v1/users/" + std::to_string(li_id) + "/roles",
                                  R"({"role":"committee","scope":{"kind":"community","id":3}})")
                            .status,
                        201);

    HttpResult raised =
        zhou.post("/api/v1/communities/3/proposals", R"({"kind":"problem","title":"村口路灯不亮","submit":true})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    const std::int64_t p = idOf(raised);
    BOOST_REQUIRE_EQUAL(act(chen, p, R"({"action":"start_screening"})"), 200);
    BOOST_REQUIRE_EQUAL(act(chen, p, R"({"action":"accept","reason":"属实"})"), 200);

    // Nobody holds it yet: the committee hears that it waits (not the one
    // who accepted it, not another community's, not the resident).
    Poco::JSON::Object::Ptr waiting = waitForItem(li, p, "case.waiting");
    BOOST_REQUIRE(waiting);
    BOOST_TEST(waiting->getValue<std::string>("kind") == "case");
    BOOST_TEST(!findItem(chen, p, "case.waiting"));
    BOOST_TEST(!findItem(other, p, "case.waiting"));
    BOOST_TEST(!findItem(zhou, p, "case.waiting"));

    // 陈 gives it to 李, who hears that it is his; he marks it done.
    const std::string kase =
        "/api/v1/cases/" + std::to_string(idOf(zhou.get("/api/v1/proposals/" + std::to_string(p) + "/case")));
    BOOST_REQUIRE_EQUAL(chen.post(kase + "/assignment", R"({"assignee_id": )" + std::to_string(li_id) + "}").status,
                        200);
    BOOST_REQUIRE(waitForItem(li, p, "case.yours"));
    BOOST_REQUIRE_EQUAL(li.post(kase + "/completion", R"({"summary":"已更换灯泡"})").status, 200);

    // 周奶奶 says it is not solved: 李, who holds it, hears; so he does of her rating.
    BOOST_REQUIRE_EQUAL(zhou.post(kase + "/not-solved", R"({"reason":"还是不亮"})").status, 200);
    Poco::JSON::Object::Ptr reopened = waitForItem(li, p, "case.not_solved");
    BOOST_REQUIRE(reopened);
    BOOST_TEST(reopened->getValue<std::string>("kind") == "case");
    BOOST_TEST(reopened->getValue<std::string>("title") == "村口路灯不亮");
    BOOST_REQUIRE_EQUAL(li.post(kase + "/completion", R"({"summary":"更换了整条线路"})").status, 200);
    BOOST_REQUIRE_EQUAL(zhou.post(kase + "/ratings", R"({"handling_stars":4,"result_stars":5})").status, 201);
    BOOST_REQUIRE(waitForItem(li, p, "case.rating"));
    // 陈 no longer holds it: what the resident said went to 李 alone.
    BOOST_TEST(!findItem(chen, p, "case.not_solved"));
    BOOST_TEST(!findItem(chen, p, "case.rating"));
    BOOST_TEST(!findItem(other, p, "case.rating"));
}

BOOST_AUTO_TEST_CASE(preferences_refuse_what_they_cannot_mean) {
    ServerProcess server;
    HttpClient zhao = server.signedIn("resident1");
    const std::string path = "/api/v1/me/notification-preferences";
    HttpResult initial = zhao.get(path);
    BOOST_REQUIRE_EQUAL(initial.status, 200);
    BOOST_TEST(initial.json()->getArray("kinds")->size() == 7u);
    BOOST_TEST(initial.json()->isNull("quiet"));  // the district's
    BOOST_TEST(zhao.send("PUT", path, R"({"muted":["spam"]})").errorCode() == "notification.kind");
    BOOST_TEST(zhao.send("PUT", path, R"({"email":"not an address"})").errorCode() == "notification.email");
    BOOST_TEST(zhao.send("PUT", path, R"({"quiet":{"start":1500,"end":60}})").errorCode() ==
               "notification.quiet_hours");
    BOOST_TEST(zhao.send("PUT", path, R"({"mute":["vote"]})").errorCode() == "body.unknown_field");
    HttpResult saved = zhao.send("PUT", path, R"({"email":"zhao@example.cn","quiet":{"start":1260,"end":480}})");
    BOOST_REQUIRE_EQUAL(saved.status, 200);
    HttpResult again = zhao.get(path);
    BOOST_TEST(again.json()->getValue<std::string>("email") == "zhao@example.cn");
    BOOST_TEST(again.json()->getObject("quiet")->getValue<int>("start") == 1260);
    BOOST_TEST(!again.json()->getValue<bool>("webhook"));
}

// The demo's two votes opened when it was made; time alone closes them. Every
// verified resident within a vote's scope hears of both, and only they.
BOOST_AUTO_TEST_CASE(residents_hear_when_a_vote_opens_and_when_it_closes) {
    ServerProcess server({"--test-clock"});
    HttpClient admin = server.signedIn("admin");
    HttpClient zhao = server.signedIn("resident1");
    HttpClient pending = server.signedIn("pending1");  // 吴先生: not verified
    ServerClock clock(admin);

    // The votes zhao hears of opening.
    const auto opened = [&] {
        std::vector<std::int64_t> ids;
        Poco::JSON::Array::Ptr items = zhao.get("/api/v1/me/notifications?limit=200").json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
            if (item->getValue<std::string>("detail") == "vote.opened") {
                BOOST_TEST(item->getValue<std::string>("kind") == "vote");
                BOOST_TEST(item->getValue<std::string>("subject_kind") == "election");
                BOOST_TEST(item->isNull("actor_id"));
                ids.push_back(item->getValue<std::int64_t>("subject_id"));
            }
        }
        return ids;
    };
    std::vector<std::int64_t> votes;
    BOOST_REQUIRE(eventually([&] { return (votes = opened()).size() == 2u; }));
    for (std::int64_t v : votes) BOOST_TEST(!findItem(zhao, v, "vote.closed"));
    BOOST_TEST(countItems(pending, votes[0]) == 0);

    // A fortnight on, both closed (sessions last a week: sign in again).
    BOOST_REQUIRE(clock.advance(15 * 86400));
    zhao.loginBrowser("resident1", server.password("resident1"));
    pending.loginBrowser("pending1", server.password("pending1"));
    for (std::int64_t v : votes) BOOST_TEST(waitForItem(zhao, v, "vote.closed"));
    BOOST_TEST(countItems(pending, votes[0]) == 0);
    BOOST_TEST(countItems(pending, votes[1]) == 0);
    BOOST_TEST(opened().size() == 2u);  // each announced once
}

// What falls due tells the staff it waits on: the committee of its
// proposal's deadlines, the street's staff of an escalation's, each a
// reminder two hours before (not urgent) and the passing (urgent); the
// resident who raised it hears of neither.
BOOST_AUTO_TEST_CASE(staff_hear_of_deadlines_before_and_when_they_pass) {
    ServerProcess server({"--test-clock"});
    HttpClient admin = server.signedIn("admin");
    HttpClient zhao = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    HttpClient street = server.signedIn("street1");
    ServerClock clock(admin);

    const std::int64_t p = raise(zhao, "下水道堵塞");
    BOOST_REQUIRE(p > 0);
    HttpResult escalated =
        committee.post("/api/v1/proposals/" + std::to_string(p) + "/escalations", R"({"reason":"需要市政部门处理"})");
    BOOST_REQUIRE_EQUAL(escalated.status, 201);
    const std::int64_t due = escalated.json()->getValue<std::int64_t>("due_at");

    // An hour before the escalation's deadline: a reminder to the street.
    BOOST_REQUIRE(clock.advance(due - 3600 - clock.now()));
    Poco::JSON::Object::Ptr reminder = waitForItem(street, p, "escalation.street.reminder");
    BOOST_REQUIRE(reminder);
    BOOST_TEST(reminder->getValue<std::string>("kind") == "due");
    BOOST_TEST(!reminder->getValue<bool>("urgent"));
    BOOST_TEST(!findItem(street, p, "escalation.street.passed"));
    // The screening decision was due long before: the committee heard it pass.
    Poco::JSON::Object::Ptr decision = waitForItem(committee, p, "proposal.decision.passed");
    BOOST_REQUIRE(decision);
    BOOST_TEST(decision->getValue<bool>("urgent"));
    // Escalating was the committee's first response: that deadline ended.
    BOOST_TEST(!findItem(committee, p, "proposal.first_response.passed"));

    // Past it: urgent, once.
    BOOST_REQUIRE(clock.advance(2 * 3600));
    Poco::JSON::Object::Ptr passed = waitForItem(street, p, "escalation.street.passed");
    BOOST_REQUIRE(passed);
    BOOST_TEST(passed->getValue<bool>("urgent"));
    BOOST_TEST(passed->getValue<std::string>("title") == "下水道堵塞");
    BOOST_TEST(!findItem(committee, p, "escalation.street.passed"));
    BOOST_TEST(!findItem(zhao, p, "escalation.street.passed"));
    BOOST_TEST(!findItem(zhao, p, "proposal.decision.passed"));
    BOOST_REQUIRE(clock.advance(3600));
    BOOST_TEST(countItems(street, p) == 2);
}

// Each change is told once, and a killed server loses nothing it accepted:
// the items and the processor's cursor commit together. A meeting is told
// to who raised the topic and who follows it.
BOOST_AUTO_TEST_CASE(a_change_is_told_once_across_a_killed_server_and_meetings_are_told) {
    ServerProcess server;
    HttpClient zhao = server.signedIn("resident1");
    HttpClient qian = server.signedIn("resident2");
    HttpClient committee = server.signedIn("committee1");

    const std::int64_t p = raise(zhao, "楼道灯常亮");
    BOOST_REQUIRE(p > 0);
    const std::string base = "/api/v1/proposals/" + std::to_string(p);
    BOOST_REQUIRE_EQUAL(qian.post(base + "/comments", R"({"body":"白天也亮着"})").status, 201);
    BOOST_REQUIRE(waitForItem(zhao, p, "comment.posted"));

    server.restart();  // SIGKILL, then the same data
    HttpClient zhao_again = server.signedIn("resident1");
    HttpClient qian_again = server.signedIn("resident2");
    HttpClient committee_again = server.signedIn("committee1");

    const std::string when = std::to_string(std::time(nullptr) + 86400);
    BOOST_REQUIRE_EQUAL(
        committee_again
            .post(base + "/meetings", R"({"mode":"offline","starts_at":)" + when + R"(,"place":"居委会议室"})")
            .status,
        201);
    Poco::JSON::Object::Ptr meeting = waitForItem(zhao_again, p, "meeting.scheduled");
    BOOST_REQUIRE(meeting);
    BOOST_TEST(meeting->getValue<std::string>("kind") == "meeting");
    BOOST_REQUIRE(waitForItem(qian_again, p, "meeting.scheduled"));  // she follows it, having commented
    // Handled in order, so the comment before it was handled, and once.
    BOOST_TEST(countItems(zhao_again, p) == 2);
    BOOST_TEST(!findItem(committee_again, p, "meeting.scheduled"));
}

// What the community posts reaches every verified resident of it, and
// only them: a notice (its correction is not news again), a poll, a call
// for topics. A resident who muted the kind hears of none of it.
BOOST_AUTO_TEST_CASE(the_communitys_notices_polls_and_calls_reach_its_residents_only) {
    ServerProcess server;
    HttpClient zhao = server.signedIn("resident1");
    HttpClient qian = server.signedIn("resident2");
    HttpClient sun = server.signedIn("resident3");  // 宝林八村
    HttpClient committee = server.signedIn("committee1");
    const std::int64_t now = std::time(nullptr);

    HttpResult muted = qian.send("PUT", "/api/v1/me/notification-preferences", R"({"muted":["community"]})");
    BOOST_REQUIRE_EQUAL(muted.status, 200);

    HttpResult notice = committee.post("/api/v1/communities/1/notices",
                                       R"({"kind":"outage","title":"周三停水通知","body":"周三 9:00-12:00 停水。"})");
    BOOST_REQUIRE_EQUAL(notice.status, 201);
    const std::int64_t notice_id = idOf(notice);
    Poco::JSON::Object::Ptr item = waitForItem(zhao, notice_id, "notice.published");
    BOOST_REQUIRE(item);
    BOOST_TEST(item->getValue<std::string>("kind") == "community");
    BOOST_TEST(item->getValue<std::string>("subject_kind") == "notice");
    BOOST_TEST(item->getValue<std::string>("title") == "周三停水通知");

    HttpResult corrected =
        committee.post("/api/v1/notices/" + std::to_string(notice_id) + "/corrections",
                       R"({"kind":"outage","title":"周四停水通知","body":"改到周四。","reason":"日期写错了"})");
    BOOST_REQUIRE_EQUAL(corrected.status, 201);

    HttpResult poll = committee.post("/api/v1/communities/1/polls",
                                     R"({"title":"楼道灯怎么改","closes_at":)" + std::to_string(now + 86400) +
                                         R"(,"questions":[{"text":"选哪种开关","options":["声控","感应"]}]})");
    BOOST_REQUIRE_EQUAL(poll.status, 201);
    BOOST_REQUIRE(waitForItem(zhao, idOf(poll), "poll.created"));

    HttpResult call =
        committee.post("/api/v1/communities/1/topic-calls",
                       R"({"title":"明年微更新议题征集","deadline":)" + std::to_string(now + 86400) + "}");
    BOOST_REQUIRE_EQUAL(call.status, 201);
    Poco::JSON::Object::Ptr called = waitForItem(zhao, idOf(call), "topic_call.opened");
    BOOST_REQUIRE(called);
    BOOST_TEST(called->getValue<std::string>("subject_kind") == "topic_call");

    // Handled in order: by now the correction was handled too, and told nobody.
    const std::int64_t poll_id = idOf(poll), call_id = idOf(call);
    auto itemsOn = [](HttpClient& c, const std::string& subject_kind, std::int64_t id) {
        Poco::JSON::Array::Ptr items = c.get("/api/v1/me/notifications?limit=200").json()->getArray("items");
        int n = 0;
        for (std::size_t i = 0; i < items->size(); ++i) {
            Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
            n += item->getValue<std::string>("subject_kind") == subject_kind &&
                 item->getValue<std::int64_t>("subject_id") == id;
        }
        return n;
    };
    BOOST_TEST(itemsOn(zhao, "notice", notice_id) == 1);
    // Not another community's resident, not one who muted it, not the committee that posted.
    for (HttpClient* other : {&sun, &qian, &committee}) {
        BOOST_TEST(itemsOn(*other, "notice", notice_id) == 0);
        BOOST_TEST(itemsOn(*other, "poll", poll_id) == 0);
        BOOST_TEST(itemsOn(*other, "topic_call", call_id) == 0);
    }
}

BOOST_AUTO_TEST_SUITE_END()
