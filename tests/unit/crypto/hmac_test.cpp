#include <boost/test/unit_test.hpp>

#include "yishi/crypto/hmac.h"

using yishi::crypto::hmacSha256Hex;

BOOST_AUTO_TEST_SUITE(hmac)

// RFC 4231, test cases 1 and 2: what any receiver's HMAC-SHA-256 computes.
BOOST_AUTO_TEST_CASE(matches_rfc_4231) {
    BOOST_TEST(hmacSha256Hex(std::string(20, '\x0b'), "Hi There") ==
               "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    BOOST_TEST(hmacSha256Hex("Jefe", "what do ya want for nothing?") ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

BOOST_AUTO_TEST_CASE(a_changed_byte_or_key_changes_the_mac) {
    const std::string mac = hmacSha256Hex("secret", "{\"id\":1}");
    BOOST_TEST(mac != hmacSha256Hex("secret", "{\"id\":2}"));
    BOOST_TEST(mac != hmacSha256Hex("secreT", "{\"id\":1}"));
}

BOOST_AUTO_TEST_SUITE_END()
