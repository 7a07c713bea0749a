#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "yishi/common/json.h"

using yishi::parseJson;
using yishi::toJson;
using yishi::Value;

BOOST_AUTO_TEST_SUITE(json)

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

BOOST_AUTO_TEST_CASE(the_error_names_the_byte_where_the_text_goes_wrong) {
    BOOST_TEST(parseJson("[1,]").status().message() == "unexpected character at byte 3");
    BOOST_TEST(parseJson("{\"a\" 1}").status().message() == "expected ':' at byte 5");
    BOOST_TEST(parseJson("[1] x").status().message() == "unexpected text after the value at byte 4");
    // Bytes, not characters: the two-byte 'é' counts twice.
    BOOST_TEST(parseJson("[\"\xC3\xA9\",]").status().message() == "unexpected character at byte 6");
}

BOOST_AUTO_TEST_CASE(depth_counts_the_arrays_and_objects_around_a_value) {
    const auto nested = [](int n) { return std::string(n, '[') + "1" + std::string(n, ']'); };
    BOOST_TEST(parseJson(nested(3), 3).isOk());
    auto deep = parseJson(nested(4), 3);
    BOOST_REQUIRE(!deep.isOk());
    BOOST_TEST(deep.status().message() == "nesting too deep at byte 4");
    BOOST_TEST(!parseJson(R"({"a":{"b":{"c":{"d":1}}}})", 3).isOk());
    BOOST_TEST(parseJson(R"({"a":{"b":{"c":1}}})", 3).isOk());
    // A million brackets are refused at the limit, not by the stack.
    BOOST_TEST(!parseJson(std::string(1'000'000, '['), 64).isOk());
}

BOOST_AUTO_TEST_CASE(integers_are_exact_within_int64) {
    BOOST_TEST(parseJson("-9223372036854775808")->asInt() == INT64_MIN);
    BOOST_TEST(parseJson("9007199254740993")->asInt() == 9007199254740993);  // not a double: 2^53 + 1
    BOOST_TEST(parseJson("-0")->isInt());
    BOOST_TEST(parseJson("1e2")->isDouble());
    BOOST_TEST(parseJson("-9223372036854775809")->isDouble());
    BOOST_TEST(toJson(Value(std::int64_t{INT64_MIN})) == "-9223372036854775808");
}

BOOST_AUTO_TEST_CASE(a_repeated_key_keeps_its_last_value) {
    BOOST_TEST(toJson(*parseJson(R"({"a":1,"a":2})")) == R"({"a":2})");
}

BOOST_AUTO_TEST_SUITE_END()
