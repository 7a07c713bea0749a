#include <boost/test/unit_test.hpp>

#include "yishi/http/router.h"

using namespace yishi::http;

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(matches_literals_and_parameters) {
    Router r;
    int which = 0;
    r.add("GET", "/api/v1/communities/{id}", Access::kPublic, [&](ApiCall&) {
        which = 1;
        return ApiResponse{};
    });
    r.add("POST", "/api/v1/communities/{id}/members/{user}/verification", Access::kSession, [&](ApiCall&) {
        which = 2;
        return ApiResponse{};
    });
    auto m = r.match("GET", "/api/v1/communities/42");
    BOOST_REQUIRE(m.route != nullptr);
    BOOST_TEST(m.params.at("id") == "42");
    auto v = r.match("POST", "/api/v1/communities/4/members/9/verification");
    BOOST_REQUIRE(v.route != nullptr);
    BOOST_TEST(v.params.at("id") == "4");
    BOOST_TEST(v.params.at("user") == "9");
}

BOOST_AUTO_TEST_CASE(reports_other_methods_and_misses) {
    Router r;
    r.add("GET", "/api/v1/health", Access::kPublic, [](ApiCall&) { return ApiResponse{}; });
    auto wrong_method = r.match("DELETE", "/api/v1/health");
    BOOST_TEST(wrong_method.route == nullptr);
    BOOST_REQUIRE(wrong_method.allowed_methods.size() == 1u);
    BOOST_TEST(wrong_method.allowed_methods[0] == "GET");
    auto miss = r.match("GET", "/api/v1/health/extra");
    BOOST_TEST(miss.route == nullptr);
    BOOST_TEST(miss.allowed_methods.empty());
    BOOST_TEST(r.match("GET", "/api/v1/health/").route == nullptr);
    BOOST_TEST(r.match("GET", "api/v1/health").route == nullptr);
}

BOOST_AUTO_TEST_CASE(an_empty_parameter_does_not_match) {
    Router r;
    r.add("GET", "/api/v1/communities/{id}", Access::kPublic, [](ApiCall&) { return ApiResponse{}; });
    BOOST_TEST(r.match("GET", "/api/v1/communities/").route == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
