#include <boost/test/unit_test.hpp>

#include <boost/test/data/test_case.hpp>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>

#include "yishi/common/json.h"

using yishi::JsonReadError;
using yishi::JsonReadOptions;
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
    BOOST_TEST(toJson(Value(-0.0)) == "-0.0");
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

BOOST_AUTO_TEST_CASE(doubles_are_written_shortest_and_read_back_the_same) {
    BOOST_TEST(toJson(Value(0.1)) == "0.1");
    BOOST_TEST(toJson(Value(1e20)) == "1e+20");
    BOOST_TEST(toJson(Value(123456.0)) == "123456.0");
    for (double d : {0.1, 1.0 / 3, 2.5e-300, 1.7976931348623157e308, -123.456}) {
        auto back = parseJson(toJson(Value(d)));
        BOOST_REQUIRE(back.isOk());
        BOOST_TEST(back->asDouble() == d);
    }
}

BOOST_AUTO_TEST_CASE(nan_and_infinity_are_never_bare_tokens) {
    BOOST_TEST(toJson(Value(std::nan(""))) == "null");
    BOOST_TEST(toJson(Value(-HUGE_VAL)) == "null");
    BOOST_TEST(!parseJson("NaN").isOk());
    BOOST_TEST(!parseJson("Infinity").isOk());
    BOOST_TEST(!parseJson("1e999").isOk());
}

BOOST_AUTO_TEST_CASE(depth_counts_the_arrays_and_objects_around_a_value) {
    const auto nested = [](int n) { return std::string(n, '[') + "1" + std::string(n, ']'); };
    BOOST_TEST(parseJson(nested(3), 3).isOk());
    auto deep = parseJson(nested(4), 3);
    BOOST_REQUIRE(!deep.isOk());
    // Refused where the fourth array opens, empty or not.
    BOOST_TEST(deep.status().message() == "nesting too deep at byte 3");
    BOOST_TEST(parseJson("[[[]]]", 3).isOk());
    BOOST_TEST(!parseJson("[[[[]]]]", 3).isOk());
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

BOOST_AUTO_TEST_CASE(integers_past_int64_are_never_wrapped) {
    // 2^64 + 1: a reader that wraps would give 1.
    auto v = parseJson("18446744073709551617");
    BOOST_REQUIRE(v.isOk());
    BOOST_TEST(!v->isInt());
    BOOST_TEST(v->asDouble() == 18446744073709551617.0);
}

namespace {

struct SyntaxCase {
    const char* text;
    bool ok;
    std::size_t offset;  // of the error
    JsonReadError::Kind kind = JsonReadError::Kind::kMalformed;
};

std::ostream& operator<<(std::ostream& out, const SyntaxCase& c) { return out << c.text; }

using Kind = JsonReadError::Kind;
const SyntaxCase kSyntaxCases[] = {
    {"{}", true, 0},
    {"{\"a\": [1, 2.5, -3e-2, true, false, null, \"x\\u00e9\\n\"]}", true, 0},
    {"  {\"\xE5\x90\x8D\": \"\xE8\xB5\xB5\"}  ", true, 0},
    {"[[[]]]", true, 0},
    {"", false, 0},
    {"{", false, 1},
    {"{\"a\" 1}", false, 5},
    {"{\"a\": 1,}", false, 8},
    {"[1,]", false, 3},
    {"{\"a\":\n  tru}", false, 8},
    {"{\"a\": 01}", false, 7},
    {"{\"a\": \"\x01\"}", false, 7},
    {"{\"a\": \"\\q\"}", false, 8},
    {"{\"a\": \"\\u12x4\"}", false, 11},
    {"{} {}", false, 3},
    {"{'a': 1}", false, 1},
    {"{\"\xE8\xB5\xB5\": x}", false, 8},
    {"[[[[1]]]]", false, 3, Kind::kTooDeep},
    {"{\"a\":{\"b\":{\"c\":{}}}}", false, 15, Kind::kTooDeep},
};

}  // namespace

BOOST_DATA_TEST_CASE(errors_carry_their_kind_and_byte_offset, boost::unit_test::data::make(kSyntaxCases), c) {
    JsonReadError error;
    auto v = parseJson(c.text, JsonReadOptions{3, false}, &error);
    BOOST_TEST(v.isOk() == c.ok);
    if (!c.ok) {
        BOOST_TEST(error.offset == c.offset);
        BOOST_TEST((error.kind == c.kind));
        BOOST_TEST(v.status().message() == error.what + " at byte " + std::to_string(c.offset));
    }
}

BOOST_AUTO_TEST_CASE(utf8_is_checked_only_when_asked) {
    const JsonReadOptions checked{64, true};
    for (const char* bad : {
             "[\"\xC3\"]",              // truncated sequence
             "[\"\xC0\xAF\"]",          // overlong '/'
             "[\"\xED\xA0\x80\"]",      // a surrogate
             "[\"\xF4\x90\x80\x80\"]",  // past U+10FFFF
             "[\"\xFF\"]",
             "{\"\x80\": 1}",  // in a member name
         }) {
        BOOST_TEST_INFO(bad);
        JsonReadError error;
        BOOST_TEST(!parseJson(bad, checked, &error).isOk());
        BOOST_TEST(error.offset == 2u);  // the first byte of the bad sequence
        BOOST_TEST(error.what == "invalid UTF-8 in string");
        BOOST_TEST(parseJson(bad).isOk());  // unchecked: kept as bytes
    }
    auto good = parseJson("[\"\xE8\xB5\xB5\xF0\x9F\x98\x80\xC3\xA9\"]", checked);
    BOOST_REQUIRE(good.isOk());
    BOOST_TEST(good->asArray()[0].asString() == "\xE8\xB5\xB5\xF0\x9F\x98\x80\xC3\xA9");
}

BOOST_AUTO_TEST_SUITE_END()
