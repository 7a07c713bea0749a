#include <boost/test/unit_test.hpp>

#include "session_cookie.h"

using namespace yishi::http;

BOOST_AUTO_TEST_SUITE(session_cookie)

BOOST_AUTO_TEST_CASE(cookie_is_http_only_and_same_site_strict) {
    const std::string c = sessionCookie("tok", 3600, false);
    BOOST_TEST(c.find("yishi_session=tok;") == 0u);
    BOOST_TEST(c.find("HttpOnly") != std::string::npos);
    BOOST_TEST(c.find("SameSite=Strict") != std::string::npos);
    BOOST_TEST(c.find("Max-Age=3600") != std::string::npos);
    BOOST_TEST(c.find("Secure") == std::string::npos);
    BOOST_TEST(sessionCookie("tok", 1, true).find("; Secure") != std::string::npos);
    BOOST_TEST(expiredSessionCookie(false).find("Max-Age=0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reads_one_cookie_among_many) {
    BOOST_TEST(cookieValue("a=1; yishi_session=abc; b=2", "yishi_session") == "abc");
    BOOST_TEST(cookieValue("yishi_session=abc", "yishi_session") == "abc");
    BOOST_TEST(cookieValue("xyishi_session=abc", "yishi_session") == "");
    BOOST_TEST(cookieValue("yishi_sessionx=abc", "yishi_session") == "");
    BOOST_TEST(cookieValue("", "yishi_session") == "");
}

BOOST_AUTO_TEST_SUITE_END()
