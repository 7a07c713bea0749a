// The request parser on bytes alone (src/request_parser.h): what it accepts,
// and every framing it refuses, with the status the refusal is answered with.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "request_parser.h"

using namespace yishi::http;

namespace {

struct Parsed {
    bool done = false;
    ParseFailure failure = ParseFailure::kNone;
    std::string text;
    std::size_t used = 0;
    HttpRequest request;
};

Parsed parse(const std::string& bytes, ParseLimits limits = {}) {
    RequestParser parser(limits);
    Parsed out;
    out.used = parser.feed(bytes);
    out.done = parser.done();
    out.failure = parser.failure();
    out.text = parser.failureText();
    if (out.done) out.request = parser.take();
    return out;
}

// Byte by byte: the same result as all at once.
Parsed parseDribbled(const std::string& bytes, ParseLimits limits = {}) {
    RequestParser parser(limits);
    Parsed out;
    for (char c : bytes) {
        const std::size_t used = parser.feed(std::string_view(&c, 1));
        out.used += used;
        if (used == 0) break;
    }
    out.done = parser.done();
    out.failure = parser.failure();
    if (out.done) out.request = parser.take();
    return out;
}

std::string withHead(const std::string& fields, const std::string& body = "") {
    return "POST /api/v1/x HTTP/1.1\r\nHost: example.org\r\n" + fields + "\r\n" + body;
}

void expectRefused(const std::string& bytes, ParseFailure failure, const std::string& why) {
    BOOST_TEST_CONTEXT(why) {
        const Parsed p = parse(bytes);
        BOOST_TEST(!p.done);
        BOOST_TEST(static_cast<int>(p.failure) == static_cast<int>(failure));
        BOOST_TEST(!p.text.empty());
        const Parsed d = parseDribbled(bytes);
        BOOST_TEST(static_cast<int>(d.failure) == static_cast<int>(failure));
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_parser)

BOOST_AUTO_TEST_CASE(a_plain_get_with_fields) {
    const Parsed p = parse("GET /api/v1/health?x=1 HTTP/1.1\r\nHost: a\r\nAccept-Language:  en \r\nX-Empty:\r\n\r\n");
    BOOST_REQUIRE(p.done);
    BOOST_TEST(p.request.method == "GET");
    BOOST_TEST(p.request.target == "/api/v1/health?x=1");
    BOOST_TEST(p.request.minor_version == 1);
    BOOST_TEST(p.request.get("accept-language") == "en");  // names match in any case, values are trimmed
    BOOST_TEST(p.request.has("X-Empty"));
    BOOST_TEST(p.request.get("X-Empty", "fallback").empty());
    BOOST_TEST(p.request.get("Missing", "fallback") == "fallback");
    BOOST_TEST(p.request.keep_alive);
    BOOST_TEST(!p.request.hasBody());
}

BOOST_AUTO_TEST_CASE(bodies_by_content_length_and_chunked_are_read_whole) {
    const Parsed fixed = parse(withHead("Content-Length: 5\r\n", "hello"));
    BOOST_REQUIRE(fixed.done);
    BOOST_TEST(fixed.request.body == "hello");

    const std::string chunked = withHead("Transfer-Encoding: chunked\r\n",
                                         "5\r\nhello\r\n6;ext=\"x y\"\r\n world\r\n0\r\nTrailer-Field: t\r\n\r\n");
    for (const Parsed& p : {parse(chunked), parseDribbled(chunked)}) {
        BOOST_REQUIRE(p.done);
        BOOST_TEST(p.request.body == "hello world");
        BOOST_TEST(p.request.chunked);
        BOOST_TEST(!p.request.has("Trailer-Field"));  // trailers are checked and dropped
    }
    const Parsed upper = parse(withHead("Transfer-Encoding: CHUNKED\r\n", "A\r\n0123456789\r\n0\r\n\r\n"));
    BOOST_REQUIRE(upper.done);
    BOOST_TEST(upper.request.body == "0123456789");
}

BOOST_AUTO_TEST_CASE(pipelined_requests_are_taken_one_at_a_time) {
    const std::string two = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n";
    RequestParser parser({});
    const std::size_t used = parser.feed(two);
    BOOST_REQUIRE(parser.done());
    BOOST_TEST(used == two.size() / 2);
    BOOST_TEST(parser.feed("more") == 0u);  // nothing more until the request is taken
    BOOST_TEST(parser.take().target == "/a");
    BOOST_TEST(!parser.started());
    BOOST_TEST(parser.feed(std::string_view(two).substr(used)) == two.size() / 2);
    BOOST_REQUIRE(parser.done());
    BOOST_TEST(parser.take().target == "/b");
}

BOOST_AUTO_TEST_CASE(connection_and_version_decide_keep_alive_and_empty_lines_before_are_skipped) {
    BOOST_TEST(!parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").request.keep_alive);
    BOOST_TEST(!parse("GET / HTTP/1.0\r\n\r\n").request.keep_alive);
    BOOST_TEST(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").request.keep_alive);
    BOOST_TEST(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").done);
    BOOST_TEST(parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").done);
    BOOST_TEST(parse("GET http://h/api/v1/health HTTP/1.1\r\nHost: h\r\n\r\n").done);
    BOOST_TEST(parse("POST /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n").done == false);
    RequestParser parser({});
    parser.feed("POST /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n");
    BOOST_TEST(parser.headDone());
    BOOST_TEST(parser.request().expect_continue);
}

BOOST_AUTO_TEST_CASE(content_length_must_be_one_plain_decimal_number) {
    const auto bad = ParseFailure::kMalformed;
    expectRefused(withHead("Content-Length: -5\r\n"), bad, "negative");
    expectRefused(withHead("Content-Length: +18\r\n"), bad, "signed");
    expectRefused(withHead("Content-Length: 0x10\r\n"), bad, "hexadecimal");
    expectRefused(withHead("Content-Length: 1 0\r\n"), bad, "space inside");
    expectRefused(withHead("Content-Length: 5, 5\r\n"), bad, "a list");
    expectRefused(withHead("Content-Length: 5\r\nContent-Length: 5\r\n"), bad, "repeated, same value");
    expectRefused(withHead("Content-Length: 5\r\nContent-Length: 6\r\n"), bad, "repeated, differing");
    expectRefused(withHead("Content-Length: \r\n"), bad, "empty");
    expectRefused(withHead("Content-Length: \x0b"
                           "5\r\n"),
                  bad, "vertical tab");
    expectRefused(withHead("Content-Length : 5\r\n"), bad, "space before the colon");
    expectRefused(withHead("Content-Length: 5.0\r\n"), bad, "a fraction");
    // Whitespace around a field value is not part of it (RFC 9110 5.5).
    BOOST_TEST(parse(withHead("Content-Length:\t 5 \r\n", "hello")).done);
    BOOST_TEST(parse(withHead("Content-Length: 005\r\n", "hello")).request.body == "hello");
}

BOOST_AUTO_TEST_CASE(lengths_over_the_limit_are_413_however_many_digits) {
    expectRefused(withHead("Content-Length: 12345678901234567890123\r\n"), ParseFailure::kBodyTooLarge, "23 digits");
    expectRefused(withHead("Content-Length: 18446744073709551617\r\n"), ParseFailure::kBodyTooLarge, "2^64 + 1");
    expectRefused(withHead("Content-Length: 1048577\r\n"), ParseFailure::kBodyTooLarge, "one byte over");
    BOOST_TEST(parse(withHead("Content-Length: 00000000000000000000001\r\n", "x")).done);  // leading zeros are fine
    expectRefused(withHead("Transfer-Encoding: chunked\r\n", "fffffffffffffffffffff\r\n"), ParseFailure::kBodyTooLarge,
                  "a huge chunk");
    ParseLimits small;
    small.max_body_bytes = 10;
    RequestParser parser(small);
    parser.feed(withHead("Transfer-Encoding: chunked\r\n", "6\r\nabcdef\r\n6\r\n"));
    BOOST_TEST(static_cast<int>(parser.failure()) == static_cast<int>(ParseFailure::kBodyTooLarge));
}

BOOST_AUTO_TEST_CASE(transfer_encoding_is_chunked_alone_or_refused) {
    const auto bad = ParseFailure::kMalformed;
    expectRefused(withHead("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"), bad, "CL then TE");
    expectRefused(withHead("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"), bad, "TE then CL");
    expectRefused(withHead("Transfer-Encoding: gzip\r\n"), bad, "unknown coding");
    expectRefused(withHead("Transfer-Encoding: gzip, chunked\r\n"), bad, "a coding before chunked");
    expectRefused(withHead("Transfer-Encoding: chunked, gzip\r\n"), bad, "chunked not last");
    expectRefused(withHead("Transfer-Encoding: chunked, chunked\r\n"), bad, "chunked twice");
    expectRefused(withHead("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"), bad, "two fields");
    expectRefused(withHead("Transfer-Encoding: identity\r\n"), bad, "identity");
    expectRefused(withHead("Transfer-Encoding: \r\n"), bad, "empty");
    expectRefused(withHead("Transfer-Encoding: chunked;q=1\r\n"), bad, "a parameter");
    expectRefused(withHead("Transfer-Encoding: xchunked\r\n"), bad, "a lookalike");
    expectRefused(withHead("Transfer-Encoding : chunked\r\n"), bad, "space before the colon");
    expectRefused(withHead("Transfer-Encoding:\x0b"
                           "chunked\r\n"),
                  bad, "vertical tab");
    expectRefused("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", bad, "chunked in HTTP/1.0");
}

BOOST_AUTO_TEST_CASE(bad_chunks_are_refused) {
    const auto bad = ParseFailure::kMalformed;
    const std::string te = "Transfer-Encoding: chunked\r\n";
    expectRefused(withHead(te, "-5\r\n"), bad, "negative size");
    expectRefused(withHead(te, "+5\r\n"), bad, "signed size");
    expectRefused(withHead(te, "0x5\r\nhello\r\n0\r\n\r\n"), bad, "0x prefix");
    expectRefused(withHead(te, " 5\r\nhello\r\n0\r\n\r\n"), bad, "leading space");
    expectRefused(withHead(te, "5 \r\nhello\r\n0\r\n\r\n"), bad, "trailing space without extension");
    expectRefused(withHead(te, "\r\nhello\r\n0\r\n\r\n"), bad, "empty size");
    expectRefused(withHead(te, "g\r\n"), bad, "not hex");
    expectRefused(withHead(te, "5\r\nhelloXX0\r\n\r\n"), bad, "no CRLF after the data");
    expectRefused(withHead(te, "5\r\nhello\n0\r\n\r\n"), bad, "bare LF after the data");
    expectRefused(withHead(te, "5\nhello\r\n0\r\n\r\n"), bad, "bare LF after the size");
    expectRefused(withHead(te, "5;a\x01\r\nhello\r\n0\r\n\r\n"), bad, "control character in an extension");
    expectRefused(withHead(te, "0\r\n bad: trailer\r\n\r\n"), bad, "folded trailer");
    expectRefused(withHead(te, "0\r\nbad trailer\r\n\r\n"), bad, "trailer without a colon");
    BOOST_TEST(parse(withHead(te, "5 ;name=value\r\nhello\r\n0\r\n\r\n")).done);  // BWS before an extension
}

BOOST_AUTO_TEST_CASE(line_endings_folding_and_characters) {
    const auto bad = ParseFailure::kMalformed;
    expectRefused("GET / HTTP/1.1\nHost: h\r\n\r\n", bad, "bare LF after the request line");
    expectRefused("GET / HTTP/1.1\r\nHost: h\n\r\n", bad, "bare LF after a field");
    expectRefused("GET / HTTP/1.1\r\nHost: h\r\n\n", bad, "bare LF ending the head");
    expectRefused("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n", bad, "bare CR inside");
    expectRefused("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  folded\r\n\r\n", bad, "obs-fold");
    expectRefused("GET / HTTP/1.1\r\n Host: h\r\n\r\n", bad, "first field starts with a space");
    expectRefused(std::string("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\0b\r\n\r\n", 37), bad, "NUL in a value");
    expectRefused("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\x7f\r\n\r\n", bad, "DEL in a value");
    expectRefused("GET / HTTP/1.1\r\nHost: h\r\nX(A): 1\r\n\r\n", bad, "a name with parentheses");
    expectRefused("GET / HTTP/1.1\r\nHost: h\r\n: 1\r\n\r\n", bad, "an empty name");
    expectRefused("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", bad, "a method with parentheses");
    expectRefused(" / HTTP/1.1\r\nHost: h\r\n\r\n", bad, "no method");
    expectRefused("GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n", bad, "a control character in the target");
    expectRefused("GET /\xe4\xb8\xad HTTP/1.1\r\nHost: h\r\n\r\n", bad, "raw UTF-8 in the target");
    expectRefused("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", bad, "two spaces");
    expectRefused("GET / HTTP/1.1 \r\nHost: h\r\n\r\n", bad, "a space after the version");
    expectRefused("GET /\tx HTTP/1.1\r\nHost: h\r\n\r\n", bad, "a tab in the target");
    expectRefused("GET / HTTP/2.0\r\nHost: h\r\n\r\n", bad, "HTTP/2.0");
    expectRefused("GET / HTTP/1.1x\r\nHost: h\r\n\r\n", bad, "a version with more");
    expectRefused("GET / http/1.1\r\nHost: h\r\n\r\n", bad, "a lower-case version");
    expectRefused("GET * HTTP/1.1\r\nHost: h\r\n\r\n", bad, "* without OPTIONS");
    expectRefused("GET example.org:80 HTTP/1.1\r\nHost: h\r\n\r\n", bad, "authority form");
    expectRefused("NONSENSE\r\n\r\n", bad, "no target or version");
    // Bytes >= 0x80 are allowed in values (obs-text).
    BOOST_TEST(parse("GET / HTTP/1.1\r\nHost: h\r\nX-Name: \xe4\xb8\xad\r\n\r\n").done);
}

BOOST_AUTO_TEST_CASE(host_is_required_once_in_http_1_1) {
    const auto bad = ParseFailure::kMalformed;
    expectRefused("GET / HTTP/1.1\r\n\r\n", bad, "no Host");
    expectRefused("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", bad, "two Hosts");
    expectRefused("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", bad, "a space in Host");
    expectRefused("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", bad, "a slash in Host");
    BOOST_TEST(parse("GET / HTTP/1.0\r\n\r\n").done);  // 1.0 has no Host requirement
    BOOST_TEST(parse("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").done);
    BOOST_TEST(parse("GET / HTTP/1.1\r\nHost:\r\n\r\n").done);  // empty is allowed (RFC 9112 3.2)
}

BOOST_AUTO_TEST_CASE(oversized_heads_are_414_or_431) {
    expectRefused("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: h\r\n\r\n", ParseFailure::kUriTooLong,
                  "a long request line");
    expectRefused("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + std::string(9000, 'b') + "\r\n\r\n",
                  ParseFailure::kHeadersTooLarge, "a long field");
    std::string many = "GET / HTTP/1.1\r\nHost: h\r\n";
    for (int i = 0; i < 150; ++i) many += "X-" + std::to_string(i) + ": y\r\n";
    expectRefused(many + "\r\n", ParseFailure::kHeadersTooLarge, "too many fields");
    std::string big = "GET / HTTP/1.1\r\nHost: h\r\n";
    for (int i = 0; i < 8; ++i) big += "X-" + std::to_string(i) + ": " + std::string(5000, 'v') + "\r\n";
    expectRefused(big + "\r\n", ParseFailure::kHeadersTooLarge, "a head over 32 KiB");
    // Found before the line ends: no need to wait for a LF that never comes.
    RequestParser parser({});
    parser.feed("GET /" + std::string(10000, 'a'));
    BOOST_TEST(parser.failed());
    std::string trailers = "0\r\n";
    for (int i = 0; i < 150; ++i) trailers += "T-" + std::to_string(i) + ": y\r\n";
    expectRefused(withHead("Transfer-Encoding: chunked\r\n", trailers + "\r\n"), ParseFailure::kHeadersTooLarge,
                  "too many trailer fields");
}

BOOST_AUTO_TEST_CASE(a_failed_parser_takes_nothing_more) {
    RequestParser parser({});
    const std::string bytes = withHead("Content-Length: -5\r\n", "GET /api/v1/me HTTP/1.1\r\nHost: h\r\n\r\n");
    const std::size_t used = parser.feed(bytes);
    BOOST_TEST(parser.failed());
    BOOST_TEST(used < bytes.size());
    BOOST_TEST(parser.feed("GET / HTTP/1.1\r\n") == 0u);
    BOOST_TEST(parser.failureText().find("-5") == std::string::npos);  // never echoes the client's bytes
}

BOOST_AUTO_TEST_SUITE_END()
