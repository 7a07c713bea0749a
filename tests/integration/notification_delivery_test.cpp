// Outbound delivery over HTTP (docs/notifications.md): the district admin
// points the district at a webhook and a mail server (here a local receiver
// of each); items go out signed, a failed attempt is tried again after its
// backoff, a message at night waits for the morning unless urgent, and only
// the district's admins set or see any of it. Over TLS: an https webhook and
// a mail server with STARTTLS and AUTH (certificates made at test time, the
// CA given to the district) receive verified and signed in; an untrusted
// certificate or a wrong password is a failed attempt, retried. Read items
// and finished deliveries past the retention are pruned, nothing else. Time
// moves on the server's test clock, so no assertion waits on the wall clock.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Parser.h>

#include <sstream>

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

// The district's delivery over TLS, as its admin sets it: an https webhook
// verified with the district's own CA, mail through STARTTLS with a user name.
std::string tlsSettings(const TestCertificates& certs, std::uint16_t hook, std::uint16_t smtp,
                        const std::string& password) {
    Poco::JSON::Object o;
    o.set("webhook_url", "https://127.0.0.1:" + std::to_string(hook) + "/sms");
    o.set("webhook_ca_pem", certs.ca_pem);
    o.set("smtp_host", "127.0.0.1");
    o.set("smtp_port", smtp);
    o.set("smtp_from", "notice@district.example.cn");
    o.set("smtp_starttls", true);
    o.set("smtp_user", "yishi-mailer");
    o.set("smtp_password", password);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

// 赵大爷 wants both channels; the committee screens a problem he raised:
// the id of the item that tells him.
std::int64_t screenedItem(HttpClient& zhao, HttpClient& committee, const std::string& title) {
    if (zhao.send("PUT", "/api/v1/me/notification-preferences", R"({"webhook":true,"email":"zhao@example.cn"})")
            .status != 200)
        return 0;
    const std::int64_t p = raise(zhao, title);
    if (p == 0 || act(committee, p, R"({"action":"start_screening"})") != 200) return 0;
    Poco::JSON::Object::Ptr item = waitForItem(zhao, p, "proposal.start_screening");
    return item ? item->getValue<std::int64_t>("id") : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notification_delivery)

BOOST_AUTO_TEST_CASE(only_district_admins_set_and_see_outbound_delivery) {
    ServerProcess server;
    HttpClient admin = server.signedIn("admin");
    HttpClient committee = server.signedIn("committee1");
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
    HttpClient admin = server.signedIn("admin");
    HttpClient zhao = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
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

BOOST_AUTO_TEST_CASE(https_webhook_and_starttls_mail_arrive_verified_and_signed_in) {
    TestCertificates certs;
    WebhookReceiver hook(0, certs.server_cert, certs.server_key);
    SmtpReceiver smtp({certs.server_cert, certs.server_key, "yishi-mailer", "邮件密码-1"});
    ServerProcess server({"--test-clock"});
    HttpClient admin = server.signedIn("admin");
    HttpClient zhao = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    ServerClock clock(admin);
    BOOST_REQUIRE(clock.advance(untilLocal(clock.now(), 10)));  // daytime: nothing held

    HttpResult configured = admin.send("PUT", "/api/v1/districts/1/notification-delivery",
                                       tlsSettings(certs, hook.port(), smtp.port(), "邮件密码-1"));
    BOOST_REQUIRE_EQUAL(configured.status, 200);
    // The password is write-only: whether there is one, never what it is.
    BOOST_TEST(!configured.json()->has("smtp_password"));
    BOOST_TEST(configured.json()->getValue<bool>("smtp_password_set"));
    BOOST_TEST(configured.json()->getValue<std::string>("smtp_user") == "yishi-mailer");
    BOOST_TEST(configured.json()->getValue<bool>("smtp_starttls"));
    BOOST_TEST(configured.json()->getValue<std::string>("webhook_ca_pem") == certs.ca_pem);
    HttpResult shown = admin.get("/api/v1/districts/1/notification-delivery");
    BOOST_TEST(shown.body.find("邮件密码-1") == std::string::npos);
    BOOST_TEST(shown.json()->getValue<bool>("smtp_password_set"));
    const std::string secret = configured.json()->getValue<std::string>("webhook_secret");

    const std::int64_t item = screenedItem(zhao, committee, "楼道灯坏了");
    BOOST_REQUIRE(item > 0);
    BOOST_TEST(eventually([&] { return deliveryIs(admin, item, "webhook", "sent", 1); }));
    BOOST_TEST(eventually([&] { return deliveryIs(admin, item, "email", "sent", 1); }));

    // The gateway got it over TLS, signed with the district's secret.
    const WebhookReceiver::Request got = requestFor(hook, item);
    BOOST_TEST(got.path == "/sms");
    BOOST_REQUIRE(got.headers.count("X-Yishi-Timestamp") == 1u);
    BOOST_TEST(got.headers.at("X-Yishi-Signature") ==
               "sha256=" + yishi::crypto::hmacSha256Hex(secret, got.headers.at("X-Yishi-Timestamp") + "." + got.body));
    // The mail server got it after STARTTLS, from the district's user.
    const std::vector<SmtpReceiver::Mail> mails = smtp.mails();
    BOOST_REQUIRE_EQUAL(mails.size(), 1u);
    BOOST_TEST(mails[0].tls);
    BOOST_TEST(mails[0].user == "yishi-mailer");
    BOOST_TEST(mails[0].to.at(0).find("zhao@example.cn") != std::string::npos);
    BOOST_TEST(smtp.refusedLogins() == 0);
    // Saving other fields keeps the password: the mail still goes through.
    BOOST_REQUIRE_EQUAL(admin
                            .send("PUT", "/api/v1/districts/1/notification-delivery",
                                  R"({"smtp_port":)" + std::to_string(smtp.port()) + "}")
                            .status,
                        200);
    const std::int64_t again = screenedItem(zhao, committee, "垃圾桶满了");
    BOOST_REQUIRE(again > 0);
    BOOST_TEST(eventually([&] { return deliveryIs(admin, again, "email", "sent", 1); }));
    BOOST_TEST(smtp.mails().size() == 2u);

    // The saved password is not handed to another mail server: a new host
    // without the password again is refused, and nothing changes.
    HttpResult moved =
        admin.send("PUT", "/api/v1/districts/1/notification-delivery", R"({"smtp_host":"mail.example.cn"})");
    BOOST_TEST(moved.errorCode() == "delivery.smtp_password");
    HttpResult kept = admin.get("/api/v1/districts/1/notification-delivery");
    BOOST_TEST(kept.json()->getValue<std::string>("smtp_host") == "127.0.0.1");
    BOOST_TEST(kept.json()->getValue<bool>("smtp_password_set"));

    // STARTTLS without signing in: the client greets again after TLS, as a
    // server that forgot the first EHLO (RFC 3207) demands before MAIL.
    SmtpReceiver relay({certs.server_cert, certs.server_key, "", ""});
    BOOST_REQUIRE_EQUAL(admin
                            .send("PUT", "/api/v1/districts/1/notification-delivery",
                                  R"({"smtp_user":"","smtp_port":)" + std::to_string(relay.port()) + "}")
                            .status,
                        200);
    const std::int64_t third = screenedItem(zhao, committee, "路灯不亮");
    BOOST_REQUIRE(third > 0);
    BOOST_TEST(eventually([&] { return deliveryIs(admin, third, "email", "sent", 1); }));
    BOOST_REQUIRE_EQUAL(relay.mails().size(), 1u);
    BOOST_TEST(relay.mails()[0].tls);
    BOOST_TEST(relay.mails()[0].user.empty());
}

BOOST_AUTO_TEST_CASE(an_untrusted_certificate_or_a_wrong_password_is_a_failed_attempt_retried) {
    TestCertificates certs;
    WebhookReceiver rogue(0, certs.rogue_cert, certs.rogue_key);  // self-signed: the district trusts it not
    SmtpReceiver smtp({certs.server_cert, certs.server_key, "yishi-mailer", "the right one"});
    ServerProcess server({"--test-clock"});
    HttpClient admin = server.signedIn("admin");
    HttpClient zhao = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    ServerClock clock(admin);
    BOOST_REQUIRE(clock.advance(untilLocal(clock.now(), 10)));

    BOOST_REQUIRE_EQUAL(admin
                            .send("PUT", "/api/v1/districts/1/notification-delivery",
                                  tlsSettings(certs, rogue.port(), smtp.port(), "a wrong one"))
                            .status,
                        200);
    const std::int64_t item = screenedItem(zhao, committee, "电梯异响");
    BOOST_REQUIRE(item > 0);

    // Both first attempts fail, each with its reason, and wait their backoff.
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, item, "webhook", "pending", 1); }));
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, item, "email", "pending", 1); }));
    Poco::JSON::Object::Ptr hook = deliveryOf(admin, item, "webhook");
    BOOST_TEST(hook->getValue<std::string>("last_error").find("certificate is not trusted") != std::string::npos,
               hook->getValue<std::string>("last_error"));
    BOOST_TEST(hook->getValue<std::int64_t>("next_attempt_at") >= clock.now() + 29);
    BOOST_TEST(rogue.requests().empty());  // nothing was sent to it
    Poco::JSON::Object::Ptr mail = deliveryOf(admin, item, "email");
    BOOST_TEST(mail->getValue<std::string>("last_error").find("refused the user name or password") != std::string::npos,
               mail->getValue<std::string>("last_error"));
    BOOST_TEST(smtp.mails().empty());
    BOOST_TEST(smtp.refusedLogins() == 1);

    // After the backoff: tried again, failed again, still waiting (not given up).
    BOOST_REQUIRE(clock.advance(60));
    BOOST_TEST(eventually([&] { return deliveryIs(admin, item, "webhook", "pending", 2); }));
    BOOST_TEST(eventually([&] { return deliveryIs(admin, item, "email", "pending", 2); }));
    BOOST_TEST(smtp.refusedLogins() == 2);

    // The admin corrects the password: the next attempt goes through.
    BOOST_REQUIRE_EQUAL(
        admin.send("PUT", "/api/v1/districts/1/notification-delivery", R"({"smtp_password":"the right one"})").status,
        200);
    BOOST_REQUIRE(clock.advance(120));
    BOOST_TEST(eventually([&] { return deliveryIs(admin, item, "email", "sent", 3); }));
    BOOST_REQUIRE_EQUAL(smtp.mails().size(), 1u);
    BOOST_TEST(smtp.mails()[0].user == "yishi-mailer");
}

BOOST_AUTO_TEST_CASE(tls_and_mail_sign_in_settings_are_refused_when_unclear) {
    ServerProcess server;
    HttpClient admin = server.signedIn("admin");
    HttpClient committee = server.signedIn("committee1");
    const std::string path = "/api/v1/districts/1/notification-delivery";

    BOOST_TEST(
        committee.send("PUT", path, R"({"smtp_user":"x","smtp_password":"y","smtp_starttls":true})").errorCode() ==
        "delivery.forbidden");
    BOOST_TEST(admin.send("PUT", path, R"({"webhook_url":"https://"})").errorCode() == "delivery.webhook_url");
    BOOST_TEST(admin.send("PUT", path, R"({"webhook_ca_pem":"not a certificate"})").errorCode() ==
               "delivery.webhook_ca");
    // The markers alone are not a certificate: the body is base64 of DER.
    BOOST_TEST(
        admin
            .send("PUT", path,
                  R"({"webhook_ca_pem":"-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"})")
            .errorCode() == "delivery.webhook_ca");
    BOOST_TEST(admin
                   .send("PUT", path,
                         R"({"webhook_ca_pem":"-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n"})")
                   .errorCode() == "delivery.webhook_ca");  // "hello": base64, but not DER
    // A mail server is a host name or an address, its port apart.
    for (const char* host : {"bad host name!", "smtp.example.cn:587", "-smtp.example.cn", "smtp..example.cn"}) {
        const HttpResult refused =
            admin.send("PUT", path, std::string(R"({"smtp_host":")") + host + R"(","smtp_from":"a@example.cn"})");
        BOOST_TEST(refused.errorCode() == "delivery.smtp_host", host);
    }
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_host":"smtp-1.example.cn","smtp_from":"a@example.cn"})").status ==
               200);
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_host":"","smtp_from":""})").status == 200);
    const HttpResult clear = admin.send("PUT", path,
                                        R"({"smtp_host":"mail.example.cn","smtp_from":"a@example.cn",)"
                                        R"("smtp_user":"mailer","smtp_password":"pw"})");
    BOOST_TEST(clear.errorCode() == "delivery.smtp_starttls");  // a password never goes in the clear
    BOOST_TEST(clear.status == 400);
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_starttls":true,"smtp_user":"mailer"})").errorCode() ==
               "delivery.smtp_password");
    BOOST_TEST(
        admin.send("PUT", path, R"({"smtp_starttls":true,"smtp_user":"a\nb","smtp_password":"pw"})").errorCode() ==
        "delivery.smtp_user");
    BOOST_TEST(
        admin.send("PUT", path, R"({"smtp_starttls":true,"smtp_user":"m","smtp_password":"p\r\nw"})").errorCode() ==
        "delivery.smtp_password");
    BOOST_TEST(admin.send("PUT", path, R"({"smtp_starttls":"yes"})").status == 400);
    // In Chinese for a Chinese browser.
    HttpClient zh = server.signedIn("admin");
    HttpResult zh_refusal = zh.send("PUT", path, R"({"smtp_user":"mailer","smtp_password":"pw"})", "application/json",
                                    {{"Accept-Language", "zh-CN"}});
    BOOST_TEST(zh_refusal.errorCode() == "delivery.smtp_starttls");
    BOOST_TEST(zh_refusal.body.find("明文") != std::string::npos);
    // Nothing refused was saved; a user name cleared drops its password.
    HttpResult saved = admin.send("PUT", path, R"({"smtp_starttls":true,"smtp_user":"m","smtp_password":"p"})");
    BOOST_REQUIRE_EQUAL(saved.status, 200);
    BOOST_TEST(saved.json()->getValue<bool>("smtp_password_set"));
    HttpResult cleared = admin.send("PUT", path, R"({"smtp_user":""})");
    BOOST_REQUIRE_EQUAL(cleared.status, 200);
    BOOST_TEST(!cleared.json()->getValue<bool>("smtp_password_set"));
}

BOOST_AUTO_TEST_CASE(retention_prunes_read_items_and_finished_deliveries_only) {
    WebhookReceiver hook;
    ServerProcess server({"--test-clock"});
    HttpClient admin = server.signedIn("admin");
    HttpClient zhao = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    ServerClock clock(admin);
    BOOST_REQUIRE(clock.advance(untilLocal(clock.now(), 10)));
    const std::string path = "/api/v1/districts/1/notification-delivery";
    BOOST_REQUIRE_EQUAL(
        admin.send("PUT", path, R"({"webhook_url":"http://127.0.0.1:)" + std::to_string(hook.port()) + R"(/h"})")
            .status,
        200);
    BOOST_REQUIRE_EQUAL(zhao.send("PUT", "/api/v1/me/notification-preferences", R"({"webhook":true})").status, 200);
    const auto screened = [&](const std::string& title) {
        const std::int64_t p = raise(zhao, title);
        if (p == 0 || act(committee, p, R"({"action":"start_screening"})") != 200) return std::int64_t{0};
        Poco::JSON::Object::Ptr item = waitForItem(zhao, p, "proposal.start_screening");
        return item ? item->getValue<std::int64_t>("id") : 0;
    };
    const auto inInbox = [&](std::int64_t id) {
        Poco::JSON::Array::Ptr items = zhao.get("/api/v1/me/notifications?limit=200").json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i)
            if (items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id") == id) return true;
        return false;
    };
    const auto readItem = [&](std::int64_t id) {
        return zhao.post("/api/v1/me/notifications/" + std::to_string(id) + "/read", "").status == 200;
    };

    // Day 0: one item read (its delivery sent), one left unread (its delivery sent).
    const std::int64_t read_old = screened("旧的已读");
    const std::int64_t unread_old = screened("旧的未读");
    BOOST_REQUIRE(read_old > 0 && unread_old > 0);
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, read_old, "webhook", "sent", 1); }));
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, unread_old, "webhook", "sent", 1); }));
    BOOST_REQUIRE(readItem(read_old));
    // One read whose delivery still waits: the webhook is gone.
    BOOST_REQUIRE_EQUAL(admin.send("PUT", path, R"({"webhook_url":"http://127.0.0.1:9/gone"})").status, 200);
    const std::int64_t pending_old = screened("旧的待发");
    BOOST_REQUIRE(pending_old > 0);
    BOOST_REQUIRE(eventually([&] { return deliveryIs(admin, pending_old, "webhook", "pending", 1); }));
    BOOST_REQUIRE(readItem(pending_old));

    // Sessions do not last months: everyone signs in again after a jump.
    const auto signInAgain = [&] {
        admin.loginBrowser("admin", server.password("admin"));
        zhao.loginBrowser("resident1", server.password("resident1"));
        committee.loginBrowser("committee1", server.password("committee1"));
    };

    // Day 100: a read item, younger than the retention when day 181 comes.
    BOOST_REQUIRE(clock.advance(100 * kDay));
    signInAgain();
    const std::int64_t read_young = screened("新的已读");
    BOOST_REQUIRE(read_young > 0);
    BOOST_REQUIRE(readItem(read_young));

    // Day 181 (the retention is 180 days): what is read and done with goes.
    BOOST_REQUIRE(clock.advance(81 * kDay));
    signInAgain();
    BOOST_TEST(eventually([&] { return !inInbox(read_old); }));
    BOOST_TEST(eventually([&] { return deliveryOf(admin, unread_old, "webhook") == nullptr; }));
    BOOST_TEST(inInbox(unread_old));   // unread: kept
    BOOST_TEST(inInbox(pending_old));  // its delivery still waits: kept
    Poco::JSON::Object::Ptr waiting = deliveryOf(admin, pending_old, "webhook");
    BOOST_REQUIRE(waiting);
    BOOST_TEST(waiting->getValue<std::string>("status") == "pending");
    BOOST_TEST(inInbox(read_young));  // younger than the retention
    BOOST_TEST(deliveryOf(admin, read_young, "webhook") != nullptr);
    BOOST_TEST(deliveryOf(admin, read_old, "webhook") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
