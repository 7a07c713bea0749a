// Request smuggling (RFC 9112 6.3, 11.2): every framing a front end and this
// server could read differently is answered once, with 400 (413 for a body
// too large), and the connection is closed; the request hidden after it
// never runs. The hidden request is a GET of a probe route whose calls the
// server counts, so a request that ran cannot go unseen.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "unit/http/raw_connection.h"
#include "unit/http/test_server.h"

using yishi::testing::RawConnection;
using yishi::testing::TestServer;

namespace {

const std::string kSmuggled = "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\n\r\n";

struct Case {
    const char* name;
    std::string bytes;
    int status;
};

std::string post(const std::string& fields, const std::string& body) {
    return "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + fields + "\r\n" + body;
}

std::vector<Case> corpus() {
    const std::string s = kSmuggled;
    const std::string n = std::to_string(s.size());
    return {
        {"negative Content-Length", post("Content-Length: -5\r\n", s), 400},
        {"signed Content-Length", post("Content-Length: +18\r\n", "{}" + s), 400},
        {"hexadecimal Content-Length", post("Content-Length: 0x10\r\n", s), 400},
        {"Content-Length with a space inside", post("Content-Length: 1 0\r\n", s), 400},
        {"Content-Length list", post("Content-Length: 0, " + n + "\r\n", s), 400},
        {"two differing Content-Lengths", post("Content-Length: 0\r\nContent-Length: " + n + "\r\n", s), 400},
        {"two equal Content-Lengths", post("Content-Length: 2\r\nContent-Length: 2\r\n", "{}" + s), 400},
        {"Content-Length with a vertical tab", post(std::string("Content-Length:\x0b") + "2\r\n", "{}" + s), 400},
        {"space before the colon", post("Content-Length : 2\r\n", "{}" + s), 400},
        {"CL.TE", post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + s), 400},
        {"TE.CL", post("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n", "2\r\n{}\r\n0\r\n\r\n" + s), 400},
        {"unknown coding", post("Transfer-Encoding: gzip\r\n", s), 400},
        {"chunked not last", post("Transfer-Encoding: chunked, identity\r\n", "0\r\n\r\n" + s), 400},
        {"chunked twice", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + s), 400},
        {"a chunked lookalike", post("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n" + s), 400},
        {"Transfer-Encoding folded", post("Transfer-Encoding:\r\n chunked\r\n", "0\r\n\r\n" + s), 400},
        {"Transfer-Encoding with a space before the colon", post("Transfer-Encoding : chunked\r\n", "0\r\n\r\n" + s),
         400},
        {"chunked in HTTP/1.0",
         "POST /api/v1/echo HTTP/1.0\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" +
             s,
         400},
        {"negative chunk size", post("Transfer-Encoding: chunked\r\n", "-1\r\n" + s), 400},
        {"0x chunk size", post("Transfer-Encoding: chunked\r\n", "0x0\r\n\r\n" + s), 400},
        {"chunk size with a leading space", post("Transfer-Encoding: chunked\r\n", " 0\r\n\r\n" + s), 400},
        {"chunk data not followed by CRLF", post("Transfer-Encoding: chunked\r\n", "2\r\n{}XX0\r\n\r\n" + s), 400},
        {"chunk size ended by a bare LF", post("Transfer-Encoding: chunked\r\n", "2\n{}\r\n0\r\n\r\n" + s), 400},
        {"folded trailer", post("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\nX: a\r\n b\r\n\r\n" + s), 400},
        {"a head ended by bare LFs", "GET /api/v1/probe HTTP/1.1\nHost: x\n\n" + s, 400},
        {"bare LF inside the head", post("Content-Length: 2\n", "{}" + s), 400},
        {"bare CR inside a field", post("X-A: a\rContent-Length: 2\r\n", "{}" + s), 400},
        {"NUL in a field", post(std::string("X-A: a\0b\r\n", 10), s), 400},
        {"obs-fold", post("X-A: a\r\n b\r\nContent-Length: 2\r\n", "{}" + s), 400},
        {"HTTP/1.1 without Host", "POST /api/v1/echo HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}" + s, 400},
        {"two Hosts", "GET /api/v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + s, 400},
        {"invalid character in the method", "GE(T /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n" + s, 400},
        {"space in the target", "GET /api/v1/health x HTTP/1.1\r\nHost: x\r\n\r\n" + s, 400},
        {"invalid character in a field name", post("X[A]: 1\r\nContent-Length: 2\r\n", "{}" + s), 400},
        {"23-digit Content-Length", post("Content-Length: 12345678901234567890123\r\n", s), 413},
        {"2^64 + 1 Content-Length", post("Content-Length: 18446744073709551617\r\n", s), 413},
        {"a chunk over the limit", post("Transfer-Encoding: chunked\r\n", "ffffffff\r\n" + s), 413},
    };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(smuggling)

BOOST_AUTO_TEST_CASE(the_probe_counts_requests_that_do_run) {
    // The control: two honest pipelined probes both run, so a smuggled one
    // would be seen.
    TestServer server;
    RawConnection c(server.port());
    c.send(kSmuggled + kSmuggled);
    BOOST_TEST(c.next().status == 200);
    BOOST_TEST(c.next().status == 200);
    BOOST_TEST(server.probes.load() == 2);
}

BOOST_AUTO_TEST_CASE(every_ambiguous_framing_is_answered_once_and_closed) {
    TestServer server;
    for (const Case& attack : corpus()) {
        BOOST_TEST_CONTEXT(attack.name) {
            RawConnection c(server.port());
            c.send(attack.bytes);
            const std::vector<RawConnection::Response> responses = c.all(3000);
            BOOST_TEST(c.closed());
            BOOST_REQUIRE(responses.size() == 1u);
            BOOST_TEST(responses[0].status == attack.status);
            BOOST_TEST(responses[0].field("Connection") == "close");
            BOOST_TEST(responses[0].body.find("\"error\"") != std::string::npos);
            BOOST_TEST(server.probes.load() == 0);
        }
    }
    // Nothing was left behind: the server still answers.
    RawConnection c(server.port());
    c.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(c.next().status == 200);
}

BOOST_AUTO_TEST_CASE(refusals_carry_the_codes_of_their_status) {
    TestServer server;
    auto first = [&](const std::string& bytes) {
        RawConnection c(server.port());
        c.send(bytes);
        return c.next();
    };
    BOOST_TEST(first(post("Content-Length: -5\r\n", "")).body.find("request.malformed") != std::string::npos);
    BOOST_TEST(first(post("Content-Length: 99999999999999999999999\r\n", "")).body.find("request.too_large") !=
               std::string::npos);
    const auto long_line = first("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(long_line.status == 414);
    BOOST_TEST(long_line.body.find("request.uri_too_long") != std::string::npos);
    const auto big_head = first("GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(9000, 'b') + "\r\n\r\n");
    BOOST_TEST(big_head.status == 431);
    BOOST_TEST(big_head.body.find("request.headers_too_large") != std::string::npos);
    // In the language asked for, when the head got that far.
    const auto english = first(post("Accept-Language: en\r\nContent-Length: 99999999999\r\n", ""));
    BOOST_TEST(english.field("Content-Language") == "en");
}

BOOST_AUTO_TEST_CASE(a_body_over_the_limit_is_answered_413_even_while_it_is_being_sent) {
    TestServer server;
    RawConnection c(server.port());
    c.send(post("Content-Length: 2000000\r\n", std::string(100000, ' ')));
    const auto r = c.next();
    BOOST_TEST(r.status == 413);
    // The client may go on sending: the server reads and drops it until it
    // closes, instead of resetting the connection under the answer.
    c.send(std::string(200000, ' '));
    BOOST_TEST(c.closedWithin(3000));
}

BOOST_AUTO_TEST_SUITE_END()
