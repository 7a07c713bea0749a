// Polls (问卷) and service ratings over HTTP (docs/polls.md), as the people
// involved meet them: 友谊一村's committee asks, its verified residents
// answer and rate, others are refused, and the counts and averages follow
// from the answers. The test's polls, services and periods are its own (the
// demo's are in the same community, so the test looks only at its own).
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

constexpr std::int64_t kDay = 86400;

void advance(HttpClient& admin, std::int64_t seconds) {
    BOOST_REQUIRE_EQUAL(
        admin.post("/api/v1/test/clock", R"({"advance_seconds": )" + std::to_string(seconds) + "}").status, 200);
}

std::int64_t optionId(const Poco::JSON::Object::Ptr& poll, unsigned question, unsigned option) {
    return poll->getArray("questions")
        ->getObject(question)
        ->getArray("options")
        ->getObject(option)
        ->getValue<std::int64_t>("id");
}

std::string answer(std::initializer_list<std::int64_t> ids) {
    std::string out = R"({"option_ids":[)";
    for (std::int64_t id : ids) out += (out.back() == '[' ? "" : ",") + std::to_string(id);
    return out + "]}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(polls_flow)

BOOST_AUTO_TEST_CASE(a_poll_is_answered_once_per_resident_and_counted_after_closing) {
    ServerProcess server({"--test-clock"});
    HttpClient committee = server.signedIn("committee1");        // 李建国, 友谊一村
    HttpClient other_committee = server.signedIn("committee2");  // 宝林八村
    HttpClient zhao = server.signedIn("resident1");
    HttpClient qian = server.signedIn("resident2");
    HttpClient pending = server.signedIn("pending1");    // 吴先生: not verified yet
    HttpClient stranger = server.signedIn("resident3");  // 孙小明, 宝林八村
    HttpClient admin = server.signedIn("admin");
    HttpClient anonymous(server.port());

    // The server's now, from what it records.
    const std::int64_t t0 = committee.get("/api/v1/me").json()->getValue<std::int64_t>("session_expires_at") - 7 * kDay;
    const std::string closes = std::to_string(t0 + kDay);
    const std::string body =
        R"({"title":"小区停车方案意见征集","closes_at":)" + closes +
        R"(,"questions":[{"text":"您家有几辆车？","options":["没有","一辆","两辆以上"]},)"
        R"({"text":"您支持哪些方案？","multiple":true,"options":["划线车位","错时停车","立体车库"]}]})";

    BOOST_TEST(zhao.post("/api/v1/communities/1/polls", body).errorCode() == "poll.forbidden");
    BOOST_TEST(other_committee.post("/api/v1/communities/1/polls", body).errorCode() == "poll.forbidden");
    BOOST_TEST(anonymous.post("/api/v1/communities/1/polls", body).status == 401);
    BOOST_TEST(committee
                   .post("/api/v1/communities/1/polls", R"({"title":"x","closes_at":)" + std::to_string(t0 - 10) +
                                                            R"(,"questions":[{"text":"q","options":["a","b"]}]})")
                   .errorCode() == "poll.closes_at");
    BOOST_TEST(committee
                   .post("/api/v1/communities/1/polls",
                         R"({"title":"x","closes_at":)" + closes + R"(,"questions":[{"text":"q","options":["a"]}]})")
                   .errorCode() == "poll.options");
    BOOST_TEST(
        committee.post("/api/v1/communities/1/polls", R"({"title":"x","closes_at":)" + closes + R"(,"questions":[]})")
            .errorCode() == "poll.questions");

    // The same answer twice (after trimming) is refused, in both languages; nothing is published.
    const std::string twice_body =
        R"({"title":"楼道灯","closes_at":)" + closes +
        R"(,"questions":[{"text":"换哪种开关？","options":["声控","人体感应","手动开关"," 声控　"]}]})";
    HttpResult duplicate = committee.post("/api/v1/communities/1/polls", twice_body);
    BOOST_TEST(duplicate.status == 400);
    BOOST_TEST(duplicate.errorCode() == "poll.duplicate_option");
    BOOST_TEST(duplicate.body.find("重复") != std::string::npos, duplicate.body);
    HttpResult duplicate_en = committee.send("POST", "/api/v1/communities/1/polls", twice_body, "application/json",
                                             {{"Accept-Language", "en"}});
    BOOST_TEST(duplicate_en.body.find("given twice") != std::string::npos, duplicate_en.body);
    BOOST_TEST(committee.get("/api/v1/communities/1/polls").body.find("楼道灯") == std::string::npos);

    HttpResult created = committee.post("/api/v1/communities/1/polls", body);
    BOOST_REQUIRE_EQUAL(created.status, 201);
    Poco::JSON::Object::Ptr poll = created.json();
    const std::string path = "/api/v1/polls/" + std::to_string(idOf(created));
    const std::int64_t none = optionId(poll, 0, 0), one = optionId(poll, 0, 1), two = optionId(poll, 0, 2);
    const std::int64_t lines = optionId(poll, 1, 0), shifts = optionId(poll, 1, 1), garage = optionId(poll, 1, 2);
    BOOST_TEST(!committee.get(path).json()->getValue<bool>("may_answer"));  // not a resident of 友谊一村
    BOOST_TEST(zhao.get(path).json()->getValue<bool>("may_answer"));

    // Refusals: not a verified resident here, a malformed answer.
    BOOST_TEST(stranger.post(path + "/answers", answer({one, lines})).errorCode() == "membership.none");
    BOOST_TEST(pending.post(path + "/answers", answer({one, lines})).errorCode() == "membership.pending");
    BOOST_TEST(anonymous.post(path + "/answers", answer({one, lines})).status == 401);
    BOOST_TEST(zhao.post(path + "/answers", answer({one, two, lines})).errorCode() ==
               "poll.choice");                                                             // two for a single
    BOOST_TEST(zhao.post(path + "/answers", answer({one})).errorCode() == "poll.choice");  // second unanswered
    BOOST_TEST(zhao.post(path + "/answers", answer({one, lines, lines})).errorCode() == "poll.choice");
    BOOST_TEST(zhao.post(path + "/answers", answer({one, 99999})).errorCode() == "poll.choice");

    // 赵大爷 answers; a second answer is refused and the first stands.
    HttpResult answered = zhao.post(path + "/answers", answer({one, lines, shifts}));
    BOOST_REQUIRE_EQUAL(answered.status, 201);
    BOOST_TEST(answered.json()->getValue<int>("answers") == 1);
    BOOST_TEST(answered.json()->getArray("mine")->size() == 3u);
    BOOST_TEST(!answered.json()->getValue<bool>("may_answer"));
    HttpResult twice = zhao.post(path + "/answers", answer({none, garage}));
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(twice.errorCode() == "poll.answered");
    BOOST_REQUIRE_EQUAL(qian.post(path + "/answers", answer({two, shifts, garage})).status, 201);

    // Before closing, only the number of answers is public.
    HttpResult open = anonymous.get(path);
    BOOST_TEST(open.json()->getValue<int>("answers") == 2);
    BOOST_TEST(!open.json()->getValue<bool>("closed"));
    BOOST_TEST(open.json()->getArray("questions")->getObject(0)->getArray("options")->getObject(1)->isNull("count"));
    BOOST_TEST(open.json()->getArray("questions")->getObject(0)->isNull("respondents"));

    // After closing: no more answers, and the counts.
    advance(admin, kDay);
    BOOST_TEST(pending.post(path + "/answers", answer({one, lines})).errorCode() == "membership.pending");
    HttpResult late = zhao.post(path + "/answers", answer({one, lines}));
    BOOST_TEST(late.errorCode() == "poll.closed");
    HttpResult closed = zhao.get(path);  // signed in: not a reading cached before the close
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    Poco::JSON::Object::Ptr result = closed.json();
    BOOST_TEST(result->getValue<bool>("closed"));
    const auto count = [&](unsigned q, unsigned o) {
        return result->getArray("questions")->getObject(q)->getArray("options")->getObject(o)->getValue<int>("count");
    };
    BOOST_TEST(count(0, 0) == 0);
    BOOST_TEST(count(0, 1) == 1);
    BOOST_TEST(count(0, 2) == 1);
    BOOST_TEST(count(1, 0) == 1);
    BOOST_TEST(count(1, 1) == 2);
    BOOST_TEST(count(1, 2) == 1);
    BOOST_TEST(result->getArray("questions")->getObject(1)->getValue<int>("respondents") == 2);

    HttpResult list = anonymous.get("/api/v1/communities/1/polls");
    BOOST_REQUIRE_EQUAL(list.status, 200);
    BOOST_TEST(list.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("id") == idOf(created));
    BOOST_TEST(anonymous.get("/api/v1/polls/999").errorCode() == "poll.not_found");

    // Traced: who answered, never what.
    HttpResult audit = admin.get("/api/v1/districts/1/audit?community=1&kind=poll.answered");
    BOOST_REQUIRE_EQUAL(audit.status, 200);
    Poco::JSON::Array::Ptr log = audit.json()->getArray("items");
    int ours = 0;
    for (std::size_t i = 0; i < log->size(); ++i) {
        Poco::JSON::Object::Ptr row = log->getObject(static_cast<unsigned>(i));
        if (row->getValue<std::int64_t>("subject_id") != idOf(created)) continue;
        ++ours;
        BOOST_TEST(row->getValue<std::string>("reason").empty());
    }
    BOOST_TEST(ours == 2);
}

BOOST_AUTO_TEST_CASE(services_are_rated_once_a_period_and_averaged_over_time) {
    ServerProcess server({"--test-clock"});
    HttpClient committee(server.port());
    HttpClient zhao(server.port());
    HttpClient qian(server.port());
    HttpClient pending(server.port());
    HttpClient stranger(server.port());
    HttpClient other_committee(server.port());
    HttpClient admin(server.port());
    HttpClient anonymous(server.port());
    // Sessions last 7 days and the periods run for weeks: sign in again after each jump.
    const auto signIn = [&] {
        committee.loginBrowser("committee1", server.password("committee1"));
        zhao.loginBrowser("resident1", server.password("resident1"));
        qian.loginBrowser("resident2", server.password("resident2"));
        pending.loginBrowser("pending1", server.password("pending1"));
        stranger.loginBrowser("resident3", server.password("resident3"));
        other_committee.loginBrowser("committee2", server.password("committee2"));
        admin.loginBrowser("admin", server.password("admin"));
    };
    signIn();
    const std::int64_t t0 = committee.get("/api/v1/me").json()->getValue<std::int64_t>("session_expires_at") - 7 * kDay;

    const std::string services = "/api/v1/communities/1/services";
    BOOST_TEST(zhao.post(services, R"({"kind":"property","name":"x"})").errorCode() == "service.forbidden");
    BOOST_TEST(other_committee.post(services, R"({"kind":"property","name":"x"})").errorCode() == "service.forbidden");
    BOOST_TEST(committee.post(services, R"({"kind":"bank","name":"x"})").errorCode() == "service.kind");
    HttpResult property = committee.post(services, R"({"kind":"property","name":"测试物业公司"})");
    BOOST_REQUIRE_EQUAL(property.status, 201);
    HttpResult owners = committee.post(services, R"({"kind":"owners_committee","name":"测试业委会"})");
    BOOST_REQUIRE_EQUAL(owners.status, 201);
    const std::int64_t p_id = idOf(property), o_id = idOf(owners);

    // Two periods after the demo's, one after the other; an overlapping one is refused.
    const std::string periods = "/api/v1/communities/1/rating-periods";
    const auto period = [&](const std::string& label, std::int64_t opens, std::int64_t closes) {
        return R"({"label":")" + label + R"(","opens_at":)" + std::to_string(opens) + R"(,"closes_at":)" +
               std::to_string(closes) + "}";
    };
    const std::int64_t a_opens = t0 + 60 * kDay, a_closes = t0 + 65 * kDay, b_closes = t0 + 70 * kDay;
    BOOST_TEST(zhao.post(periods, period("x", a_opens, a_closes)).errorCode() == "service.forbidden");
    BOOST_TEST(committee.post(periods, period("x", a_closes, a_opens)).errorCode() == "rating_period.dates");
    HttpResult first = committee.post(periods, period("第一期", a_opens, a_closes));
    BOOST_REQUIRE_EQUAL(first.status, 201);
    BOOST_TEST(first.json()->getValue<std::string>("state") == "upcoming");
    BOOST_TEST(committee.post(periods, period("重叠", a_closes - kDay, b_closes)).errorCode() ==
               "rating_period.overlap");
    HttpResult second = committee.post(periods, period("第二期", a_closes, b_closes));
    BOOST_REQUIRE_EQUAL(second.status, 201);
    const std::string rate_first = "/api/v1/rating-periods/" + std::to_string(idOf(first)) + "/ratings";
    const std::string rate_second = "/api/v1/rating-periods/" + std::to_string(idOf(second)) + "/ratings";
    const auto stars = [](std::int64_t service, int n, const std::string& comment = "") {
        return R"({"service_id":)" + std::to_string(service) + R"(,"stars":)" + std::to_string(n) + R"(,"comment":")" +
               comment + R"("})";
    };

    BOOST_TEST(zhao.post(rate_first, stars(p_id, 4)).errorCode() == "rating_period.not_open");
    advance(admin, 60 * kDay);
    signIn();

    // The first period: 赵大爷 4 and 钱阿姨 1 for the 物业, 赵大爷 5 for the 业委会.
    BOOST_TEST(stranger.post(rate_first, stars(p_id, 4)).errorCode() == "membership.none");
    BOOST_TEST(pending.post(rate_first, stars(p_id, 4)).errorCode() == "membership.pending");
    BOOST_TEST(zhao.post(rate_first, stars(p_id, 6)).errorCode() == "service_rating.stars");
    BOOST_TEST(zhao.post(rate_first, stars(999, 4)).errorCode() == "service.not_found");
    HttpResult rated = zhao.post(rate_first, stars(p_id, 4, "保洁还不错"));
    BOOST_REQUIRE_EQUAL(rated.status, 201);
    HttpResult twice = zhao.post(rate_first, stars(p_id, 5));
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(twice.errorCode() == "service_rating.exists");
    BOOST_REQUIRE_EQUAL(qian.post(rate_first, stars(p_id, 1, "电梯坏了三天没人修")).status, 201);
    BOOST_REQUIRE_EQUAL(zhao.post(rate_first, stars(o_id, 5)).status, 201);

    // While open: the count, no average, no comments.
    HttpResult during = qian.get("/api/v1/rating-periods/" + std::to_string(idOf(first)));
    BOOST_REQUIRE_EQUAL(during.status, 200);
    BOOST_TEST(during.json()->getValue<std::string>("state") == "open");
    Poco::JSON::Array::Ptr during_services = during.json()->getArray("services");
    for (std::size_t i = 0; i < during_services->size(); ++i) {
        Poco::JSON::Object::Ptr s = during_services->getObject(static_cast<unsigned>(i));
        if (s->getValue<std::int64_t>("id") != p_id) continue;
        BOOST_TEST(s->getValue<int>("ratings") == 2);
        BOOST_TEST(s->isNull("average"));
        BOOST_TEST(s->getArray("comments")->size() == 0u);
        BOOST_TEST(s->getValue<bool>("rated_by_me"));
    }

    // The second period: 赵大爷 5 and 钱阿姨 4 for the 物业.
    advance(admin, 5 * kDay);
    signIn();
    BOOST_TEST(zhao.post(rate_first, stars(o_id, 3)).errorCode() == "rating_period.not_open");
    BOOST_REQUIRE_EQUAL(zhao.post(rate_second, stars(p_id, 5)).status, 201);
    BOOST_REQUIRE_EQUAL(qian.post(rate_second, stars(p_id, 4)).status, 201);

    // The first is closed: its averages and comments are public, without names.
    HttpResult after = anonymous.get("/api/v1/rating-periods/" + std::to_string(idOf(first)));
    BOOST_REQUIRE_EQUAL(after.status, 200);
    Poco::JSON::Array::Ptr after_services = after.json()->getArray("services");
    for (std::size_t i = 0; i < after_services->size(); ++i) {
        Poco::JSON::Object::Ptr s = after_services->getObject(static_cast<unsigned>(i));
        if (s->getValue<std::int64_t>("id") != p_id) continue;
        BOOST_TEST(s->getValue<double>("average") == 2.5, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(s->getArray("stars")->getElement<int>(0) == 1);
        BOOST_TEST(s->getArray("stars")->getElement<int>(3) == 1);
        BOOST_TEST(s->getArray("comments")->size() == 2u);
        BOOST_TEST(s->getArray("comments")->getObject(1)->getValue<std::string>("text") == "电梯坏了三天没人修");
        BOOST_TEST(!s->getArray("comments")->getObject(1)->has("display_name"));
    }

    // The series: the first period's averages; the second, still open, only counts.
    advance(admin, 5 * kDay);
    HttpResult overview = anonymous.get("/api/v1/communities/1/service-ratings");
    BOOST_REQUIRE_EQUAL(overview.status, 200);
    Poco::JSON::Array::Ptr list = overview.json()->getArray("services");
    bool seen = false;
    for (std::size_t i = 0; i < list->size(); ++i) {
        Poco::JSON::Object::Ptr s = list->getObject(static_cast<unsigned>(i));
        if (s->getValue<std::int64_t>("id") != p_id) continue;
        seen = true;
        Poco::JSON::Array::Ptr series = s->getArray("series");
        BOOST_REQUIRE(series->size() >= 2u);
        Poco::JSON::Object::Ptr a = series->getObject(static_cast<unsigned>(series->size() - 2));
        Poco::JSON::Object::Ptr b = series->getObject(static_cast<unsigned>(series->size() - 1));
        BOOST_TEST(a->getValue<std::string>("label") == "第一期");
        BOOST_TEST(a->getValue<double>("average") == 2.5, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(b->getValue<std::string>("label") == "第二期");
        BOOST_TEST(b->getValue<int>("ratings") == 2);
        BOOST_TEST(b->getValue<double>("average") == 4.5, boost::test_tools::tolerance(1e-9));
    }
    BOOST_TEST(seen);
    BOOST_TEST(anonymous.get("/api/v1/rating-periods/999").errorCode() == "rating_period.not_found");
}

BOOST_AUTO_TEST_SUITE_END()
