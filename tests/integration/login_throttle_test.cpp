// Issue 12, item 5, over HTTP: failed logins slow the guesser without
// locking the owner out, forwarded headers count only from a trusted proxy,
// and cookies are Secure whenever the request came over HTTPS.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

HttpResult loginFrom(HttpClient& client, const std::string& login, const std::string& password,
                     const std::map<std::string, std::string>& headers) {
    return client.send("POST", "/api/v1/sessions", R"({"login":")" + login + R"(","password":")" + password + R"("})",
                       "application/json", headers);
}

std::map<std::string, std::string> via(const std::string& address) { return {{"X-Forwarded-For", address}}; }

// Wrong passwords for `login` (from the addresses `from(i)` gives) until the
// server asks for a wait of at least `seconds`: then the next try, made at
// once, is still inside it however slow the machine.
void guessUntilWait(HttpClient& client, const std::string& login, int seconds,
                    const std::function<std::map<std::string, std::string>(int)>& from) {
    for (int i = 1; i <= 60; ++i) {
        HttpResult r = loginFrom(client, login, "wrong", from(i));
        if (r.status == 429 && std::stoi(r.headers["Retry-After"]) >= seconds) return;
        if (r.status == 429) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    BOOST_FAIL("the server never asked " << login << "'s guesser to wait " << seconds << " s");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(login_throttle_http)

BOOST_AUTO_TEST_CASE(a_guesser_waits_the_owner_elsewhere_does_not) {
    ServerProcess server({"--trusted-proxies", "127.0.0.1"});
    const std::string password = server.password("resident1");
    HttpClient guesser(server.port());
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(loginFrom(guesser, "resident1", "wrong", via("203.0.113.5")).errorCode() ==
                   "session.bad_credentials");
    }
    guessUntilWait(guesser, "resident1", 2, [](int) { return via("203.0.113.5"); });
    HttpResult waiting = loginFrom(guesser, "resident1", password, via("203.0.113.5"));
    BOOST_TEST(waiting.status == 429);
    BOOST_TEST(waiting.errorCode() == "session.too_many_failures");
    BOOST_TEST(!waiting.headers["Retry-After"].empty());
    // The owner, at another address behind the same proxy, is let in (five
    // wrong passwords used to lock the account for 15 minutes).
    HttpClient owner(server.port());
    BOOST_TEST(loginFrom(owner, "resident1", password, via("198.51.100.7")).status == 201);
}

BOOST_AUTO_TEST_CASE(thirty_failures_from_one_address_block_nobody_else_there) {
    ServerProcess server;  // no trusted proxy: everyone is 127.0.0.1
    HttpClient c(server.port());
    for (int i = 0; i < 30; ++i) loginFrom(c, "nobody" + std::to_string(i), "x", {});
    for (int i = 0; i < 30; ++i) loginFrom(c, "resident1", "x", {});
    // Forwarded headers from an untrusted peer change nothing.
    BOOST_TEST(loginFrom(c, "resident1", server.password("resident1"), via("198.51.100.7")).status == 429);
    // Another person behind the same address logs in.
    BOOST_TEST(loginFrom(c, "resident2", server.password("resident2"), {}).status == 201);
}

BOOST_AUTO_TEST_CASE(a_device_that_logged_in_before_gets_in_while_the_account_is_attacked) {
    ServerProcess server({"--trusted-proxies", "127.0.0.1"});
    const std::string password = server.password("committee1");
    HttpClient owner(server.port());
    BOOST_REQUIRE_EQUAL(owner.loginBrowser("committee1", password).status, 201);
    BOOST_REQUIRE(!owner.device.empty());
    BOOST_REQUIRE_EQUAL(owner.del("/api/v1/sessions/current").status, 200);

    // Guesses from many addresses: each address stays under its own count,
    // the account's count for unknown devices does not.
    HttpClient botnet(server.port());
    guessUntilWait(botnet, "committee1", 2, [](int i) { return via("203.0.113." + std::to_string(i)); });
    HttpClient new_device(server.port());
    BOOST_TEST(loginFrom(new_device, "committee1", password, via("198.51.100.7")).status == 429);
    // The owner's browser presents its device cookie and is let in.
    HttpResult back = owner.loginBrowser("committee1", password);
    BOOST_TEST(back.status == 201, back.body);
    BOOST_TEST(owner.get("/api/v1/me").status == 200);
}

BOOST_AUTO_TEST_CASE(cookies_are_secure_when_the_request_came_over_https) {
    auto secureFlags = [](const HttpResult& r) {
        int secure = 0;
        for (const std::string& c : r.set_cookies) secure += c.find("; Secure") != std::string::npos ? 1 : 0;
        return secure;
    };
    ServerProcess trusting({"--trusted-proxies", "127.0.0.1"});
    HttpClient c(trusting.port());
    HttpResult plain = loginFrom(c, "resident1", trusting.password("resident1"), {});
    BOOST_REQUIRE_EQUAL(plain.status, 201);
    BOOST_TEST(plain.set_cookies.size() == 2u);
    BOOST_TEST(secureFlags(plain) == 0);
    HttpResult tls = loginFrom(c, "resident1", trusting.password("resident1"),
                               {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-For", "198.51.100.7"}});
    BOOST_REQUIRE_EQUAL(tls.status, 201);
    BOOST_TEST(secureFlags(tls) == 2);

    // From a peer that is no trusted proxy, the header is a client's claim: ignored.
    ServerProcess plain_server;
    HttpClient d(plain_server.port());
    HttpResult claimed =
        loginFrom(d, "resident1", plain_server.password("resident1"), {{"X-Forwarded-Proto", "https"}});
    BOOST_REQUIRE_EQUAL(claimed.status, 201);
    BOOST_TEST(secureFlags(claimed) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
