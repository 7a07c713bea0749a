#include <boost/test/unit_test.hpp>

#include <cctype>
#include <string>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

// Join codes as people type them, and guessing them.
namespace {

std::string signUpBody(const std::string& code, const std::string& login) {
    return R"({"join_code":")" + code + R"(","login":")" + login +
           R"(","display_name":"新居民","password":"a-long-password"})";
}

std::string joinBody(const std::string& code) { return R"({"join_code":")" + code + R"("})"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(join_codes)

BOOST_AUTO_TEST_CASE(codes_ignore_case_spaces_and_dashes) {
    ServerProcess server;
    const std::string code = server.joinCode("友谊一村");
    BOOST_REQUIRE_EQUAL(code.size(), 8u);
    std::string lower;
    for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    HttpClient anonymous(server.port());
    BOOST_TEST(anonymous.post("/api/v1/communities/1/join", signUpBody(lower, "lower.case")).status == 201);
    const std::string grouped = lower.substr(0, 4) + "-" + code.substr(4, 2) + " " + lower.substr(6);
    BOOST_TEST(anonymous.post("/api/v1/communities/1/join", signUpBody(grouped, "grouped")).status == 201);
    // The ideographic space a Chinese input method types.
    const std::string wide = code.substr(0, 4) + "\xE3\x80\x80" + code.substr(4);
    BOOST_TEST(anonymous.post("/api/v1/communities/1/join", signUpBody(wide, "wide.space")).status == 201);

    HttpClient resident = server.signedIn("resident3");  // of another community
    BOOST_TEST(resident.post("/api/v1/communities/1/join", joinBody(lower)).status == 201);
}

BOOST_AUTO_TEST_CASE(wrong_codes_are_throttled_per_account) {
    ServerProcess server;
    const std::string code = server.joinCode("友谊一村");
    HttpClient guesser = server.signedIn("resident3");
    for (int i = 0; i < 10; ++i) {
        HttpResult wrong = guesser.post("/api/v1/communities/1/join", joinBody("WRONG" + std::to_string(100 + i)));
        BOOST_REQUIRE_EQUAL(wrong.status, 403);
        BOOST_TEST(wrong.errorCode() == "community.bad_join_code");
    }
    HttpResult throttled = guesser.post("/api/v1/communities/1/join", joinBody("WRONG999"));
    BOOST_TEST(throttled.status == 429);
    BOOST_TEST(throttled.errorCode() == "community.too_many_wrong_codes");
    BOOST_REQUIRE(throttled.headers.count("Retry-After") == 1u);
    BOOST_TEST(std::stoi(throttled.headers.at("Retry-After")) > 0);
    // Even the right code waits: while throttled, no code is tried.
    BOOST_TEST(guesser.post("/api/v1/communities/1/join", joinBody(code)).status == 429);

    // Another account is not held back by this one's guesses.
    HttpClient other = server.signedIn("resident4");
    BOOST_TEST(other.post("/api/v1/communities/1/join", joinBody(code)).status == 201);
}

BOOST_AUTO_TEST_CASE(wrong_codes_in_sign_ups_are_throttled_per_address) {
    ServerProcess server;
    HttpClient anonymous(server.port());
    for (int i = 0; i < 10; ++i) {
        BOOST_REQUIRE_EQUAL(anonymous
                                .post("/api/v1/communities/1/join",
                                      signUpBody("WRONG" + std::to_string(i), "guess" + std::to_string(i)))
                                .status,
                            403);
    }
    HttpResult throttled = anonymous.post("/api/v1/communities/1/join", signUpBody("WRONG", "guess.more"));
    BOOST_TEST(throttled.status == 429);
    BOOST_TEST(throttled.errorCode() == "community.too_many_wrong_codes");
}

BOOST_AUTO_TEST_SUITE_END()
