#include <boost/test/unit_test.hpp>

#include <sodium.h>

#include <string>

#include "election_test_support.h"
#include "yishi/crypto/ed25519.h"

using namespace yishi::crypto;
using namespace yishi::crypto::testing;

BOOST_AUTO_TEST_SUITE(election_ed25519)

BOOST_AUTO_TEST_CASE(signatures_verify_under_their_key_only) {
    const SigningKey key = SigningKey::generate();
    const std::string sig = key.sign("message");
    BOOST_TEST(sig.size() == 64u);
    BOOST_TEST(key.verifyKey().verify("message", sig));
    BOOST_TEST(!key.verifyKey().verify("messagf", sig));
    BOOST_TEST(!SigningKey::generate().verifyKey().verify("message", sig));
    BOOST_TEST(!key.verifyKey().verify("message", sig.substr(0, 63)));
    for (std::size_t i = 0; i < sig.size(); ++i) {
        BOOST_TEST(!key.verifyKey().verify("message", flipped(sig, i)), "byte " << i);
    }
}

BOOST_AUTO_TEST_CASE(rfc8032_test_vector_1) {
    const SigningKey key =
        *SigningKey::fromSeed(unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    BOOST_TEST(toHex(key.verifyKey().encoded()) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    BOOST_TEST(toHex(key.sign("")) ==
               "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
               "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
}

BOOST_AUTO_TEST_CASE(a_signature_with_s_plus_l_is_refused) {
    const SigningKey key = SigningKey::generate();
    std::string sig = key.sign("m");
    const std::string l = unhex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    unsigned carry = 0;
    for (int i = 0; i < 32; ++i) {
        const unsigned sum = static_cast<unsigned char>(sig[32 + i]) + static_cast<unsigned char>(l[i]) + carry;
        sig[32 + i] = static_cast<char>(sum & 0xFF);
        carry = sum >> 8;
    }
    BOOST_TEST(!key.verifyKey().verify("m", sig));
}

BOOST_AUTO_TEST_CASE(small_order_non_canonical_and_mixed_order_keys_are_refused) {
    for (const char* bad : {
             "0100000000000000000000000000000000000000000000000000000000000000",  // the identity
             "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
             "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
             "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p
             "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p + 1
         }) {
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(VerifyKey::parse(unhex(bad)).status().code() == "crypto.bad_public_key"); }
    }
    // A valid key plus a point of order 2: on the curve, canonical, but not in
    // the prime-order subgroup.
    const std::string good = SigningKey::generate().verifyKey().encoded();
    std::string mixed(32, '\0');
    BOOST_REQUIRE(crypto_core_ed25519_add(
                      reinterpret_cast<unsigned char*>(mixed.data()),
                      reinterpret_cast<const unsigned char*>(good.data()),
                      reinterpret_cast<const unsigned char*>(
                          unhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f").data())) == 0);
    BOOST_TEST(!VerifyKey::parse(mixed).isOk());
    BOOST_TEST(VerifyKey::parse(good).isOk());
    BOOST_TEST(!VerifyKey::parse(good.substr(0, 31)).isOk());
    BOOST_TEST(SigningKey::fromSeed("short").status().code() == "crypto.bad_seed");
}

BOOST_AUTO_TEST_SUITE_END()
