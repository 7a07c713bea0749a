// Request bodies as the HTTP layer reads them: the common reader's errors
// turned into json.malformed / json.too_deep with line and column, and typed
// access to the members. The syntax itself is tested with the reader
// (tests/unit/common/json_test.cpp).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "json_io.h"

using yishi::http::parseJsonObject;
namespace bdata = boost::unit_test::data;

namespace {

struct Case {
    const char* text;
    const char* code;   // "" when valid
    const char* where;  // expected "line L, column C" in the message
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.text; }

const Case kCases[] = {
    {"{}", "", ""},
    {"  {\"名字\": \"赵大爷\"}  ", "", ""},
    {"", "json.malformed", "line 1, column 1"},
    {"{\"a\" 1}", "json.malformed", "line 1, column 6"},
    {"{\"a\":\n  tru}", "json.malformed", "line 2, column 3"},
    {"{\"a\": 01}", "json.malformed", "line 1, column 8"},
    {"{\"a\": \"\\q\"}", "json.malformed", "line 1, column 9"},
    // Columns count characters: 赵 is one column, three bytes.
    {"{\"赵\": x}", "json.malformed", "line 1, column 7"},
    {"{\"a\":\n \"\xC0\xAF\"}", "json.malformed", "line 2, column 3"},
    {"{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", "json.too_deep",
     "line 1, column 38"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(json_io)

BOOST_DATA_TEST_CASE(errors_name_line_and_column, bdata::make(kCases), c) {
    auto body = parseJsonObject(c.text, 32);
    if (std::string(c.code).empty()) {
        BOOST_TEST(body.isOk(), body.status().toString());
    } else {
        BOOST_REQUIRE(!body.isOk());
        BOOST_TEST(body.status().code() == c.code);
        BOOST_TEST(body.status().message().find(c.where) != std::string::npos, body.status().message());
    }
}

BOOST_AUTO_TEST_CASE(depth_is_limited_without_recursion) {
    std::string ok = "{\"a\":" + std::string(31, '[') + std::string(31, ']') + "}";
    BOOST_TEST(parseJsonObject(ok, 32).isOk());
    std::string deep = "{\"a\":" + std::string(32, '[') + std::string(32, ']') + "}";
    BOOST_TEST(parseJsonObject(deep, 32).status().code() == "json.too_deep");
    // A million brackets: must neither crash nor take long.
    std::string bomb(1'000'000, '[');
    BOOST_TEST(parseJsonObject(bomb, 32).status().code() == "json.too_deep");
    std::string objects;
    for (int i = 0; i < 40; ++i) objects += "{\"a\":";
    objects += "1" + std::string(40, '}');
    BOOST_TEST(parseJsonObject(objects, 32).status().code() == "json.too_deep");
}

BOOST_AUTO_TEST_CASE(parse_requires_an_object_and_reads_fields) {
    BOOST_TEST(parseJsonObject("[1]", 32).status().code() == "body.not_object");
    auto body =
        parseJsonObject(R"({"login": "zhao", "n": 3, "flag": true, "f": 2.5, "none": null, "o": {"k": 1}})", 32);
    BOOST_REQUIRE(body.isOk());
    using namespace yishi::http;
    BOOST_TEST(requireString(*body, "login").value() == "zhao");
    BOOST_TEST(requireString(*body, "n").status().code() == "body.wrong_type");
    BOOST_TEST(requireString(*body, "missing").status().code() == "body.missing_field");
    BOOST_TEST(requireString(*body, "none").status().code() == "body.missing_field");
    BOOST_TEST(optionalString(*body, "none", "x").value() == "x");
    BOOST_TEST(requireInt(*body, "n").value() == 3);
    BOOST_TEST(requireInt(*body, "f").status().code() == "body.wrong_type");
    BOOST_TEST(requireInt(*body, "login").status().code() == "body.wrong_type");
    BOOST_TEST(!optionalInt(*body, "none").value().has_value());
    BOOST_TEST(optionalBool(*body, "flag", false).value());
    BOOST_TEST(optionalBool(*body, "other", true).value());
    BOOST_TEST(optionalBool(*body, "n", true).status().code() == "body.wrong_type");
    BOOST_TEST(requireInt(requireObject(*body, "o").value(), "k").value() == 1);
    BOOST_TEST(requireObject(*body, "n").status().code() == "body.wrong_type");
    BOOST_TEST(hasField(*body, "n"));
    BOOST_TEST(!hasField(*body, "none"));
    // No body at all: no members.
    BOOST_TEST(requireString(yishi::Value(), "login").status().code() == "body.missing_field");
}

BOOST_AUTO_TEST_CASE(integers_past_int64_are_refused_not_wrapped) {
    // 2^64 + 1, which a reader that wraps takes for 1.
    auto body = parseJsonObject(R"({"n": 18446744073709551617, "m": -9223372036854775809,
                                    "max": 9223372036854775807})",
                                32);
    BOOST_REQUIRE(body.isOk());
    auto n = yishi::http::requireInt(*body, "n");
    BOOST_REQUIRE(!n.isOk());
    BOOST_TEST(n.status().code() == "body.wrong_type");
    BOOST_TEST(n.status().message() == "The field \"n\" must be an integer in range.");
    BOOST_TEST(yishi::http::requireInt(*body, "m").status().code() == "body.wrong_type");
    BOOST_TEST(yishi::http::requireInt(*body, "max").value() == INT64_MAX);
}

// Times outside 2000..2099 are refused, never clamped (Instant saturates).
BOOST_AUTO_TEST_CASE(times_outside_2000_to_2099_are_refused_not_clamped) {
    using namespace yishi::http;
    auto body = [](const std::string& seconds) {
        return parseJsonObject("{\"starts_at\": " + seconds + "}", 32).value();
    };
    BOOST_TEST(requireTime(body("1796191462"), "starts_at").value().seconds() == 1796191462);
    BOOST_TEST(requireTime(body("946684800"), "starts_at").value().seconds() == 946684800);
    BOOST_TEST(requireTime(body("4102444799"), "starts_at").isOk());
    for (const char* bad : {"0", "946684799", "4102444800", "-1", "-99999999999", "253402300799", "9223372036854775807",
                            "10000000000000", "1796191462000", "true"}) {
        auto r = requireTime(body(bad), "starts_at");
        BOOST_TEST(!r.isOk(), bad);
    }
    BOOST_TEST(requireTime(body("0"), "starts_at").status().code() == "body.starts_at");
    BOOST_TEST(requireTime(body("true"), "starts_at").status().code() == "body.wrong_type");
}

// A misspelt field is refused by name rather than silently ignored.
BOOST_AUTO_TEST_CASE(fields_outside_the_known_ones_are_refused_by_name) {
    using namespace yishi::http;
    auto body = parseJsonObject(R"({"first_response_hours": 4, "auto_hide_report": 2})", 32).value();
    const yishi::Status refused = onlyFields(body, {"first_response_hours", "auto_hide_reports"});
    BOOST_TEST(refused.code() == "body.unknown_field");
    BOOST_TEST(refused.message().find("\"auto_hide_report\"") != std::string::npos, refused.message());
    BOOST_TEST(refused.message().find("auto_hide_reports") != std::string::npos, refused.message());
    BOOST_TEST(onlyFields(body, {"first_response_hours", "auto_hide_report"}).isOk());
    BOOST_TEST(onlyFields(yishi::Value(), {"x"}).isOk());  // no body: no fields
}

BOOST_AUTO_TEST_CASE(quoting_escapes_what_json_requires) {
    BOOST_TEST(yishi::http::jsonQuote("a\"b\\c\n\x01友") == "\"a\\\"b\\\\c\\n\\u0001友\"");
}

BOOST_AUTO_TEST_SUITE_END()
