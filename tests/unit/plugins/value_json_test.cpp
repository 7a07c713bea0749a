#include <boost/test/unit_test.hpp>

#include "yishi/plugins/value.h"

using yishi::plugins::parseJson;
using yishi::plugins::toJson;
using yishi::plugins::Value;

BOOST_AUTO_TEST_SUITE(value_json)

BOOST_AUTO_TEST_CASE(round_trips_with_sorted_keys) {
    auto v = parseJson(R"({"b": [1, -2, 3.5, true, null], "a": "x\"\\\n\u00e9\ud83d\ude00", "c": {}})");
    BOOST_REQUIRE(v.isOk());
    BOOST_TEST(toJson(*v) == "{\"a\":\"x\\\"\\\\\\n\xC3\xA9\xF0\x9F\x98\x80\",\"b\":[1,-2,3.5,true,null],\"c\":{}}");
    auto again = parseJson(toJson(*v));
    BOOST_REQUIRE(again.isOk());
    BOOST_TEST((*again == *v));
}

BOOST_AUTO_TEST_CASE(doubles_stay_doubles) {
    BOOST_TEST(toJson(Value(2.0)) == "2.0");
    BOOST_TEST(parseJson("2.0")->isDouble());
    BOOST_TEST(parseJson("9223372036854775807")->asInt() == INT64_MAX);
    BOOST_TEST(parseJson("9223372036854775808")->isDouble());
}

BOOST_AUTO_TEST_CASE(malformed_text_is_refused_with_the_offset) {
    for (const char* text : {"", "{", "[1,]", "{\"a\" 1}", "01", "\"\\ud800\"", "[1] x", "tru", "\"a\nb\""}) {
        auto v = parseJson(text);
        BOOST_TEST_INFO(text);
        BOOST_REQUIRE(!v.isOk());
        BOOST_TEST(v.status().code() == "json.syntax");
        BOOST_TEST(v.status().message().find("at byte") != std::string::npos);
    }
    BOOST_TEST(!parseJson(std::string(100, '[') + std::string(100, ']'), 64).isOk());
}

BOOST_AUTO_TEST_SUITE_END()
