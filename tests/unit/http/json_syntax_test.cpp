#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "json_io.h"
#include "json_syntax.h"

using yishi::http::checkJsonSyntax;
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
    {"{\"a\": [1, 2.5, -3e-2, true, false, null, \"x\\u00e9\\n\"]}", "", ""},
    {"  {\"名字\": \"赵大爷\"}  ", "", ""},
    {"[[[]]]", "", ""},
    {"", "json.malformed", "line 1, column 1"},
    {"{", "json.malformed", "line 1, column 2"},
    {"{\"a\" 1}", "json.malformed", "line 1, column 6"},
    {"{\"a\": 1,}", "json.malformed", "line 1, column 9"},
    {"[1,]", "json.malformed", "line 1, column 4"},
    {"{\"a\":\n  tru}", "json.malformed", "line 2, column 3"},
    {"{\"a\": 01}", "json.malformed", "line 1, column 8"},
    {"{\"a\": \"\x01\"}", "json.malformed", "line 1, column 8"},
    {"{\"a\": \"\\q\"}", "json.malformed", "line 1, column 9"},
    {"{} {}", "json.malformed", "line 1, column 4"},
    {"{'a': 1}", "json.malformed", "line 1, column 2"},
    {"{\"赵\": x}", "json.malformed", "line 1, column 7"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(json_syntax)

BOOST_DATA_TEST_CASE(cases, bdata::make(kCases), c) {
    yishi::Status s = checkJsonSyntax(c.text, 32);
    if (std::string(c.code).empty()) {
        BOOST_TEST(s.isOk(), s.toString());
    } else {
        BOOST_TEST(s.code() == c.code);
        BOOST_TEST(s.message().find(c.where) != std::string::npos, s.message());
    }
}

BOOST_AUTO_TEST_CASE(depth_is_limited_without_recursion) {
    std::string ok = std::string(32, '[') + std::string(32, ']');
    BOOST_TEST(checkJsonSyntax(ok, 32).isOk());
    std::string deep = std::string(33, '[') + std::string(33, ']');
    BOOST_TEST(checkJsonSyntax(deep, 32).code() == "json.too_deep");
    // A million brackets: must neither crash nor take long.
    std::string bomb(1'000'000, '[');
    BOOST_TEST(checkJsonSyntax(bomb, 32).code() == "json.too_deep");
    std::string objects;
    for (int i = 0; i < 40; ++i) objects += "{\"a\":";
    objects += "1" + std::string(40, '}');
    BOOST_TEST(checkJsonSyntax(objects, 32).code() == "json.too_deep");
}

BOOST_AUTO_TEST_CASE(parse_requires_an_object_and_reads_fields) {
    BOOST_TEST(yishi::http::parseJsonObject("[1]", 32).status().code() == "body.not_object");
    auto body = yishi::http::parseJsonObject("{\"login\": \"zhao\", \"n\": 3, \"flag\": true}", 32);
    BOOST_REQUIRE(body.isOk());
    BOOST_TEST(yishi::http::requireString(body.value(), "login").value() == "zhao");
    BOOST_TEST(yishi::http::requireString(body.value(), "n").status().code() == "body.wrong_type");
    BOOST_TEST(yishi::http::requireString(body.value(), "missing").status().code() == "body.missing_field");
    BOOST_TEST(yishi::http::requireInt(body.value(), "n").value() == 3);
    BOOST_TEST(yishi::http::optionalBool(body.value(), "flag", false).value());
    BOOST_TEST(yishi::http::optionalBool(body.value(), "other", true).value());
}

BOOST_AUTO_TEST_CASE(quoting_escapes_what_json_requires) {
    BOOST_TEST(yishi::http::jsonQuote("a\"b\\c\n\x01友") == "\"a\\\"b\\\\c\\n\\u0001友\"");
}

BOOST_AUTO_TEST_SUITE_END()
