// Outbound delivery over HTTP (docs/notifications.md): the district admin
// points the district at a webhook and a mail server (here a local receiver
// of each); items go out signed, a failed attempt is tried again after its
// backoff, a message at night waits for the morning unless urgent, and only
// the district's admins set or see any of it. Time moves on the server's
// test clock, so no assertion waits on the wall clock.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Parser.h>

#include "integration/local_receivers.h"
#include "integration/notification_helpers.h"
#include "support/server_process.h"
#include "yishi/crypto/hmac.h"

using namespace yishi::testing;
using namespace yishi::testing::notify;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kShanghai = 8 * 3600;

// Seconds to add to `now` to reach the next `hour`:00 in Asia/Shanghai.
std::int64_t untilLocal(std::int64_t now, int hour) {
    const std::int64_t local = (now + kShanghai) % kDay;
    return ((hour * 3600 - local) % kDay + kDay) % kDay;
}

// The district's delivery of item `notification_id` on `channel`, or null.
Poco::JSON::Object::Ptr deliveryOf(HttpClient& admin, std::int64_t notification_id, const std::string& channel) {
    HttpResult r = admin.get("/api/v1/districts/1/notification-deliveries?limit=200");
    if (r.status != 200) return nullptr;
    Poco::JSON::Array::Ptr items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        Poco::JSON::Object::Ptr d = items->getObject(static_cast<unsigned>(i));
        if (d->getValue<std::int64_t>("notification_id") == notification_id &&
            d->getValue<std::string>("channel") == channel)
            return d;
    }
    return nullptr;
}

bool deliveryIs(HttpClient& admin, std::int64_t notification_id, const std::string& channel, const std::string& status,
                int attempts) {
    Poco::JSON::Object::Ptr d = deliveryOf(admin, notification_id, channel);
    return d && d->getValue<std::string>("status") == status && d->getValue<int>("attempts") == attempts;
}

// The webhook request whose body is item `notification_id`, or an empty request.
WebhookReceiver::Request requestFor(const WebhookReceiver& receiver, std::int64_t notification_id, bool last = true) {
    WebhookReceiver::Request found;
    for (const auto& r : receiver.requests()) {
        Poco::JSON::Object::Ptr body = Poco::JSON::Parser().parse(r.body).extract<Poco::JSON::Object::Ptr>();
        if (body->getValue<std::int64_t>("id") == notification_id) {
            found = r;
            if (!last) break;
        }
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notification_delivery)

BOOST_AUTO_TEST_CASE(only_district_admins_set_and_see_outbound_delivery) {
    ServerProcess server;
    HttpClient admin(server.port());
    admin.loginBrowser("admin", server.password("admin"));
    HttpClient committee(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    HttpClient anonymous(server.port());
    const std::string path = "/api/v1/districts/1/notification-delivery";
    const std::string body = R"({"webhook_url":"http://127.0.0.1:9/hook"})";

    BOOST_TEST(committee.send("PUT", path, body).errorCode() == "delivery.forbidden");
    BOOST_TEST(committee.get(path).errorCode() == "delivery.forbidden");
    BOOST_TEST(committee.get("/api/v1/districts/1/notification-deliveries").errorCode() == "delivery.forbidden");
    BOOST_TEST(anonymous.send("PUT", path, body).status == 401);
    BOOST_TEST(admin.send("PUT", "/api/v1/districts/99/notification-delivery", body).errorCode() ==
               "district.not_found");
    BOOST_TEST(admin.send("PUT", path, R"({"webhook_url":"ftp://example.cn/x"})").errorCode() ==
               "delivery.webhook_url");
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_port":70000})").errorCode() == "delivery.smtp_port");
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_host":"127.0.0.1"})").errorCode() == "delivery.smtp_from");

    HttpResult defaults = admin.get(path);
    BOOST_REQUIRE_EQUAL(defaults.status, 200);
    BOOST_TEST(defaults.json()->getObject("quiet")->getValue<int>("start") == 22 * 60);
    BOOST_TEST(defaults.json()->getObject("quiet")->getValue<int>("end") == 7 * 60);

    HttpResult saved = admin.send("PUT", path, body);
    BOOST_REQUIRE_EQUAL(saved.status, 200);
    const std::string secret = saved.json()->getValue<std::string>("webhook_secret");
    BOOST_TEST(secret.size() >= 32u);
    // Kept unless asked for a new one.
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_port":2525})").json()->getValue<std::string>("webhook_secret") ==
               secret);
    BOOST_TEST(admin.send("PUT", path, R"({"new_secret":true})").json()->getValue<std::string>("webhook_secret") !=
               secret);
    // The change is on the record.
    HttpResult audit = admin.get("/api/v1/districts/1/audit?kind=notification.delivery_changed");
    BOOST_REQUIRE_EQUAL(audit.status, 200);
    BOOST_TEST(audit.json()->getArray("items")->size() == 3u);
}

BOOST_AUTO_TEST_CASE(items_go_out_signed_retried_after_a_failure_and_held_at_night_unless_urgent) {
    ServerProcess server({"--test-clock"});
    WebhookReceiver hook(1);  // its first answer is a 500
    SmtpReceiver smtp;
    HttpClient admin(server.port());
    admin.loginBrowser("admin", server.password("admin"));
    HttpClient zhao(server.port());
    zhao.loginBrowser("resident1", server.password("resident1"));
    HttpClient committee(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    ServerClock clock(admin);

    HttpResult configured =
        admin.send("PUT", "/api/v1/districts/1/notification-delivery",
                   R"({"webhook_url":"http://127.0.0.1:)" + std::to_string(hook.port()) +
                       R"(/yishi","smtp_host":"127.0.0.1","smtp_port":)" + std::to_string(smtp.port()) +
                       R"(,"smtp_from":"notice@district.example.cn"})");
    BOOST_REQUIRE_EQUAL(configured.status, 200);
    const std::string secret = configured.json()->getValue<std::string>("webhook_secret");
    BOOST_REQUIRE_EQUAL(
        zhao.send("PUT", "/api/v1/me/notification-preferences", R"({"webhook":true,"email":"zhao@example.cn"})").status,
        200);

    // 10:00 in the district: 赵大爷 raises a problem, the committee screens it.
    BOOST_REQUIRE(clock.advance(untilLocal(clock.now(), 10)));
    const std::int64_t p = raise(zhao, "车棚漏雨");
    BOOST_REQUIRE(p > 0);
    BOOST_REQUIRE_EQUAL(act(committee, p, R"({"action":"start_screening"})"), 200);
    Poco::JSON::Object::Ptr screened = waitForItem(zhao, p, "proposal.start_screening");
    BOOST_REQUIRE(screened);
    const std::int64_t item = screened->getValue<std::int64_t>("id");

    // The mail arrives; the webhook's first attempt fails and waits its backoff.
    BOOST_TEST(eventually([&] { return deliveryIs(admin, item, "email", "sent", 1); }));
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, item, "webhook", "pending", 1); }));
    Poco::JSON::Object::Ptr waiting = deliveryOf(admin, item, "webhook");
    BOOST_TEST(waiting->getValue<std::string>("last_error") == "the webhook answered 500");
    BOOST_TEST(waiting->getValue<std::int64_t>("next_attempt_at") >= clock.now() + 29);
    const std::vector<SmtpReceiver::Mail> mails = smtp.mails();
    BOOST_REQUIRE_EQUAL(mails.size(), 1u);
    BOOST_TEST(mails[0].to.at(0).find("zhao@example.cn") != std::string::npos);
    BOOST_TEST(mails[0].from.find("notice@district.example.cn") != std::string::npos);

    // After the backoff the second attempt succeeds, signed with the district's secret.
    BOOST_REQUIRE(clock.advance(60));
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, item, "webhook", "sent", 2); }));
    const WebhookReceiver::Request got = requestFor(hook, item);
    BOOST_TEST(got.path == "/yishi");
    const std::string timestamp = got.headers.at("X-Yishi-Timestamp");
    BOOST_TEST(got.headers.at("X-Yishi-Signature") ==
               "sha256=" + yishi::crypto::hmacSha256Hex(secret, timestamp + "." + got.body));
    BOOST_TEST(got.headers.at("X-Yishi-Signature") !=
               "sha256=" + yishi::crypto::hmacSha256Hex("another secret", timestamp + "." + got.body));
    Poco::JSON::Object::Ptr sent = Poco::JSON::Parser().parse(got.body).extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(sent->getValue<std::string>("title") == "车棚漏雨");
    BOOST_TEST(sent->getValue<std::string>("login") == "resident1");
    BOOST_TEST(sent->getValue<std::string>("detail") == "proposal.start_screening");
    BOOST_TEST(hook.requests().size() == 2u);

    // 23:00: the acceptance is in the inbox at once, its delivery waits for 07:00.
    BOOST_REQUIRE(clock.advance(untilLocal(clock.now(), 23)));
    BOOST_REQUIRE_EQUAL(act(committee, p, R"({"action":"accept","reason":"安排维修"})"), 200);
    Poco::JSON::Object::Ptr night = waitForItem(zhao, p, "proposal.accept");
    BOOST_REQUIRE(night);
    const std::int64_t night_item = night->getValue<std::int64_t>("id");
    BOOST_REQUIRE(eventually([&] { return deliveryOf(admin, night_item, "webhook") != nullptr; }));
    const std::int64_t created = night->getValue<std::int64_t>("created_at");
    const std::int64_t morning = created + untilLocal(created, 7);
    BOOST_TEST(morning - created <= 8 * 3600);
    Poco::JSON::Object::Ptr held = deliveryOf(admin, night_item, "webhook");
    BOOST_TEST(held->getValue<std::string>("status") == "pending");
    BOOST_TEST(held->getValue<int>("attempts") == 0);
    BOOST_TEST(held->getValue<std::int64_t>("next_attempt_at") == morning);
    BOOST_REQUIRE(clock.advance(morning - clock.now() + 1));
    BOOST_TEST(eventually([&] { return deliveryIs(admin, night_item, "webhook", "sent", 1); }));
    BOOST_TEST(!requestFor(hook, night_item).body.empty());

    // A deadline that passes at night is urgent: the committee hears of it at once.
    BOOST_REQUIRE_EQUAL(committee.send("PUT", "/api/v1/me/notification-preferences", R"({"webhook":true})").status,
                        200);
    const std::int64_t late = raise(zhao, "路灯不亮");  // 07:00: a first response is due by 22:00
    BOOST_REQUIRE(late > 0);
    BOOST_REQUIRE(clock.advance(untilLocal(clock.now(), 23)));
    Poco::JSON::Object::Ptr due = waitForItem(committee, late, "proposal.first_response.passed");
    BOOST_REQUIRE(due);
    BOOST_TEST(due->getValue<std::string>("kind") == "due");
    BOOST_TEST(due->getValue<bool>("urgent"));
    BOOST_TEST(!findItem(committee, late, "proposal.first_response.reminder"));  // its moment went by unannounced
    BOOST_TEST(!findItem(zhao, late, "proposal.first_response.passed"));         // staff only
    const std::int64_t due_item = due->getValue<std::int64_t>("id");
    BOOST_TEST(eventually([&] { return deliveryIs(admin, due_item, "webhook", "sent", 1); }));
    BOOST_TEST(!requestFor(hook, due_item).body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
