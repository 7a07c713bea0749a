#include <boost/test/unit_test.hpp>

#include <set>

#include "yishi/crypto/random_secrets.h"

using yishi::crypto::RandomSecrets;

BOOST_AUTO_TEST_SUITE(random_secrets)

BOOST_AUTO_TEST_CASE(tokens_are_url_safe_32_bytes_and_unique) {
    RandomSecrets secrets;
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string t = secrets.newToken();
        BOOST_TEST(t.size() == 43u);  // 32 bytes, base64url without padding
        BOOST_TEST(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                   std::string::npos);
        seen.insert(t);
    }
    BOOST_TEST(seen.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(token_hash_is_stable_and_hides_the_token) {
    RandomSecrets secrets;
    const std::string t = secrets.newToken();
    const std::string h = secrets.hashToken(t);
    BOOST_TEST(h.size() == 64u);
    BOOST_TEST(h == secrets.hashToken(t));
    BOOST_TEST(h != secrets.hashToken(t + "x"));
    BOOST_TEST(h.find(t) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(join_codes_avoid_look_alike_characters) {
    RandomSecrets secrets;
    std::set<std::string> seen;
    for (int i = 0; i < 500; ++i) {
        const std::string code = secrets.newJoinCode();
        BOOST_TEST(code.size() == 8u);
        BOOST_TEST(code.find_first_of("01OIL") == std::string::npos);
        seen.insert(code);
    }
    BOOST_TEST(seen.size() > 495u);
}

BOOST_AUTO_TEST_SUITE_END()
