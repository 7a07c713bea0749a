#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include "integration/shared_server.h"
#include "support/http_client.h"

using namespace yishi::testing;

namespace {

// Status code of a raw HTTP reply ("HTTP/1.1 400 Bad Request..." -> 400).
int statusOf(const std::string& reply) {
    if (reply.size() < 12) return 0;
    return std::stoi(reply.substr(9, 3));
}

bool hasContentLength(const std::string& reply) {
    const std::string head = reply.substr(0, reply.find("\r\n\r\n"));
    return head.find("Content-Length:") != std::string::npos;
}

void expectError(const HttpResult& r, int status, const std::string& code) {
    BOOST_TEST(r.status == status);
    BOOST_TEST(r.errorCode() == code);
    BOOST_TEST(r.has_content_length);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(oversized_bodies_are_refused_with_413) {
    ServerProcess& server = sharedServer();
    const std::string declared =
        "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 2000000\r\n\r\n{\"login\":";
    const std::string reply = rawExchange(server.port(), declared);
    BOOST_TEST(statusOf(reply) == 413);
    BOOST_TEST(hasContentLength(reply));
    BOOST_TEST(reply.find("request.too_large") != std::string::npos);

    // Chunked, so the size is only known while reading.
    std::string chunked =
        "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    const std::string chunk(64 * 1024, ' ');
    for (int i = 0; i < 20; ++i) chunked += "10000\r\n" + chunk + "\r\n";
    chunked += "0\r\n\r\n";
    const std::string chunked_reply = rawExchange(server.port(), chunked);
    BOOST_TEST(statusOf(chunked_reply) == 413);
}

BOOST_AUTO_TEST_CASE(malformed_and_deep_json_say_where) {
    HttpClient c(sharedServer().port());
    HttpResult malformed = c.post("/api/v1/sessions", "{\"login\": \"a\",\n \"password\" \"b\"}");
    expectError(malformed, 400, "json.malformed");
    BOOST_TEST(malformed.json()->getObject("error")->getValue<std::string>("message_en").find("line 2, column 13") !=
               std::string::npos);
    expectError(c.post("/api/v1/sessions", std::string(100, '[') + std::string(100, ']')), 400, "json.too_deep");
    expectError(c.post("/api/v1/sessions", "[1, 2]"), 400, "body.not_object");
    expectError(c.post("/api/v1/sessions", R"({"login": 5, "password": "x"})"), 400, "body.wrong_type");
    expectError(c.post("/api/v1/sessions", R"({"password": "x"})"), 400, "body.missing_field");
    expectError(c.post("/api/v1/communities/1/join", R"({"join_code": "X"})"), 400, "body.missing_field");
}

// Issue 9, item 22: errors are in the language Accept-Language asks for,
// zh-CN by default, with both texts always there.
BOOST_AUTO_TEST_CASE(errors_speak_the_asked_language_and_chinese_by_default) {
    HttpClient c(sharedServer().port());
    HttpResult plain = c.get("/api/v1/proposals/999999");
    BOOST_TEST(plain.errorCode() == "proposal.not_found");
    auto error = [](const HttpResult& r) { return r.json()->getObject("error"); };
    BOOST_TEST(error(plain)->getValue<std::string>("message") == "找不到这个议题。");
    BOOST_TEST(error(plain)->getValue<std::string>("message_en") == "There is no such proposal.");
    BOOST_TEST(plain.headers["Content-Language"] == "zh-CN");
    HttpResult english = c.send("GET", "/api/v1/proposals/999999", "", "application/json",
                                {{"Accept-Language", "en-US,en;q=0.9,zh;q=0.5"}});
    BOOST_TEST(error(english)->getValue<std::string>("message") == "There is no such proposal.");
    BOOST_TEST(error(english)->getValue<std::string>("message_zh") == "找不到这个议题。");
    BOOST_TEST(english.headers["Content-Language"] == "en");
    HttpResult hans =
        c.send("GET", "/api/v1/proposals/999999", "", "application/json", {{"Accept-Language", "en;q=0.3, zh-Hans"}});
    BOOST_TEST(error(hans)->getValue<std::string>("message") == "找不到这个议题。");
}

BOOST_AUTO_TEST_CASE(wrong_content_type_is_415) {
    HttpClient c(sharedServer().port());
    expectError(c.send("POST", "/api/v1/sessions", "login=a&password=b", "application/x-www-form-urlencoded"), 415,
                "request.content_type");
    expectError(c.send("POST", "/api/v1/sessions", R"({"login":"a"})", "text/plain"), 415, "request.content_type");
    // A charset parameter is fine.
    HttpResult with_charset = c.send("POST", "/api/v1/sessions", R"({"login":"a"})", "application/json; charset=utf-8");
    BOOST_TEST(with_charset.errorCode() == "body.missing_field");
}

BOOST_AUTO_TEST_CASE(unknown_routes_and_methods_are_json_404_and_405) {
    HttpClient c(sharedServer().port());
    expectError(c.get("/api/v1/no-such-thing"), 404, "route.not_found");
    expectError(c.get("/"), 404, "route.not_found");
    HttpResult wrong = c.send("PATCH", "/api/v1/communities/1", "");
    expectError(wrong, 405, "route.method_not_allowed");
    BOOST_TEST(wrong.headers["Allow"] == "GET");
    expectError(c.get("/api/v1/communities/not-a-number"), 404, "community.not_found");
    expectError(c.get("/api/v1/communities/99999999999999999999"), 404, "community.not_found");
}

BOOST_AUTO_TEST_CASE(no_session_is_401_and_a_bad_bearer_is_401) {
    HttpClient c(sharedServer().port());
    expectError(c.get("/api/v1/me"), 401, "session.required");
    c.bearer = "not-a-real-token";
    expectError(c.get("/api/v1/me"), 401, "session.invalid");
    expectError(c.get("/api/v1/communities/1"), 401, "session.invalid");
    // A stale cookie on a public page is just a visitor.
    HttpClient stale(sharedServer().port());
    stale.cookie = "stale-cookie";
    BOOST_TEST(stale.get("/api/v1/communities/1").status == 200);
}

BOOST_AUTO_TEST_CASE(oversized_request_lines_and_heads_are_json_414_and_431) {
    ServerProcess& server = sharedServer();
    const std::string long_line = "GET /api/v1/" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
    const std::string reply = rawExchange(server.port(), long_line);
    BOOST_TEST(statusOf(reply) == 414);
    BOOST_TEST(hasContentLength(reply));
    BOOST_TEST(reply.find("request.uri_too_long") != std::string::npos);

    std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 150; ++i) many += "X-Filler-" + std::to_string(i) + ": y\r\n";
    many += "\r\n";
    const std::string many_reply = rawExchange(server.port(), many);
    BOOST_TEST(statusOf(many_reply) == 431);
    BOOST_TEST(hasContentLength(many_reply));
    BOOST_TEST(many_reply.find("request.headers_too_large") != std::string::npos);

    const std::string huge_header =
        "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n";
    BOOST_TEST(statusOf(rawExchange(server.port(), huge_header)) == 431);

    BOOST_TEST(statusOf(rawExchange(server.port(), "NONSENSE\r\n\r\n")) == 400);
    // A request line without a method once made Poco take "Host:" for the
    // version, which a naive server echoes into its status line.
    const std::string no_method = rawExchange(server.port(), " /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(no_method.rfind("HTTP/1.1 400 ", 0) == 0u);
    BOOST_TEST(statusOf(rawExchange(server.port(), "GET /api/v1/health HTTP/9.9\r\nHost: x\r\n\r\n")) == 400);
}

// Issue 12, item 2: "Content-Length: -5" followed by a second request with
// someone's bearer token once answered that request with 200. Now the first
// is a 400 that ends the connection, and the second never runs.
BOOST_AUTO_TEST_CASE(a_request_smuggled_after_a_bad_length_never_runs) {
    ServerProcess server;
    HttpClient resident(server.port());
    BOOST_REQUIRE(resident.loginBearer("resident1", server.password("resident1")).status == 201);
    const std::string smuggled =
        "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + resident.bearer + "\r\n\r\n";
    for (const std::string& framing :
         {std::string("Content-Length: -5\r\n"), std::string("Content-Length: +18\r\n"),
          std::string("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
          std::string("Transfer-Encoding: chunked\r\nContent-Length: 0\r\n"),
          std::string("Content-Length: 0\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n")}) {
        BOOST_TEST_CONTEXT(framing) {
            const std::string reply = rawExchange(
                server.port(), "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
                                   framing + "\r\n" + smuggled);
            BOOST_TEST(statusOf(reply) == 400);
            BOOST_TEST(reply.find("HTTP/1.1 ", 1) == std::string::npos);  // one answer only
            BOOST_TEST(reply.find("resident1") == std::string::npos);
        }
    }
    // The token itself is fine: sent properly, it answers.
    BOOST_TEST(resident.get("/api/v1/me").status == 200);
}

BOOST_AUTO_TEST_CASE(the_server_is_still_healthy_afterwards) {
    ServerProcess& server = sharedServer();
    // Some of the worst of the above first, so that this holds in any order.
    rawExchange(server.port(), "NONSENSE\r\n\r\n");
    rawExchange(server.port(), "GET /api/v1/" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    rawExchange(server.port(),
                "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 2000000\r\n\r\n{\"login\":");
    HttpClient c(server.port());
    HttpResult health = c.get("/api/v1/health");
    BOOST_TEST(health.status == 200);
    BOOST_TEST(health.has_content_length);
    BOOST_TEST(!health.headers["X-Request-Id"].empty());
    // One log line per request, with its id (the log is written in batches).
    const std::string needle = "\"request_id\":\"" + health.headers["X-Request-Id"] + "\"";
    bool logged = false;
    for (int i = 0; i < 100 && !logged; ++i) {
        logged = server.stderrText().find(needle) != std::string::npos;
        if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    BOOST_TEST(logged);
}

BOOST_AUTO_TEST_SUITE_END()
