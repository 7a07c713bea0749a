#include "yishi/http/client_origin.h"

#include <boost/test/unit_test.hpp>

using yishi::http::clientOrigin;
using yishi::http::TrustedProxies;

namespace {

TrustedProxies proxies(const char* list) { return TrustedProxies::parse(list).value(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(client_origin)

BOOST_AUTO_TEST_CASE(ranges_parse_and_match_ipv4_and_ipv6) {
    const TrustedProxies t = proxies("127.0.0.1, 10.0.0.0/8 ,fd00::/8,::1");
    BOOST_TEST(t.contains("127.0.0.1"));
    BOOST_TEST(!t.contains("127.0.0.2"));
    BOOST_TEST(t.contains("10.200.3.4"));
    BOOST_TEST(t.contains("::ffff:10.1.2.3"));  // IPv4 mapped into IPv6
    BOOST_TEST(!t.contains("11.0.0.1"));
    BOOST_TEST(t.contains("fd12::1"));
    BOOST_TEST(t.contains("::1"));
    BOOST_TEST(!t.contains("fe80::1"));
    BOOST_TEST(!t.contains("not an address"));
    BOOST_TEST(!TrustedProxies().contains("127.0.0.1"));
    BOOST_TEST(proxies("").empty());
    for (const char* bad : {"10.0.0.0/33", "::1/129", "example.org", "10.0.0.1/", "10.0.0.0/-1", "1.2.3.4.5"}) {
        BOOST_TEST(TrustedProxies::parse(bad).status().code() == "config.trusted_proxies", bad);
    }
}

BOOST_AUTO_TEST_CASE(forwarded_headers_count_only_from_a_trusted_peer) {
    const TrustedProxies t = proxies("127.0.0.1, 10.0.0.0/8");
    // Not trusted: the headers are whatever the client made up.
    auto direct = clientOrigin("203.0.113.9", false, "1.2.3.4", "https", t);
    BOOST_TEST(direct.address == "203.0.113.9");
    BOOST_TEST(!direct.https);
    // Trusted: the rightmost hop the proxies cannot vouch for is the client,
    // whatever a client wrote further left.
    auto proxied = clientOrigin("127.0.0.1", false, "6.6.6.6, 198.51.100.7, 10.0.0.5", "https", t);
    BOOST_TEST(proxied.address == "198.51.100.7");
    BOOST_TEST(proxied.https);
    BOOST_TEST(clientOrigin("127.0.0.1", false, "10.0.0.9, 10.0.0.5", "http", t).address == "10.0.0.9");
    BOOST_TEST(!clientOrigin("127.0.0.1", false, "198.51.100.7", "http", t).https);
    BOOST_TEST(clientOrigin("127.0.0.1", false, "198.51.100.7", "HTTPS, http", t).https);
    BOOST_TEST(clientOrigin("127.0.0.1", false, "", "", t).address == "127.0.0.1");
    BOOST_TEST(clientOrigin("127.0.0.1", false, "garbage", "", t).address == "127.0.0.1");
    BOOST_TEST(clientOrigin("127.0.0.1", false, "[2001:db8::1]", "", t).address == "2001:db8::1");
    // A TLS connection is https whatever the headers say.
    BOOST_TEST(clientOrigin("203.0.113.9", true, "", "http", t).https);
}

BOOST_AUTO_TEST_SUITE_END()
