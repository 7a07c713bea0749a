#include <boost/test/unit_test.hpp>

#include <string>

#include "election_test_support.h"
#include "yishi/crypto/group.h"

using namespace yishi::crypto;
using namespace yishi::crypto::testing;

namespace {

// L, little-endian.
const std::string kOrderHex = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

// s + L as a 256-bit little-endian sum (fits: s < L < 2^253).
std::string plusOrder(const std::string& s) {
    const std::string l = unhex(kOrderHex);
    std::string out(32, '\0');
    unsigned carry = 0;
    for (int i = 0; i < 32; ++i) {
        const unsigned sum = static_cast<unsigned char>(s[i]) + static_cast<unsigned char>(l[i]) + carry;
        out[i] = static_cast<char>(sum & 0xFF);
        carry = sum >> 8;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(election_group)

BOOST_AUTO_TEST_CASE(canonical_scalars_parse_and_round_trip) {
    for (const Scalar& s : {scalar(0), scalar(1), scalar(123456789), Scalar::random(), -scalar(1)}) {
        auto parsed = Scalar::parse(s.encoded());
        BOOST_REQUIRE(parsed.isOk());
        BOOST_TEST(*parsed == s);
    }
    BOOST_TEST((-scalar(1)).hex() == "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
}

BOOST_AUTO_TEST_CASE(non_canonical_scalars_are_refused) {
    BOOST_TEST(Scalar::parse(unhex(kOrderHex)).status().code() == "crypto.bad_scalar");  // L itself
    for (const Scalar& s : {scalar(0), scalar(5), Scalar::random()}) {
        BOOST_TEST(Scalar::parse(plusOrder(s.encoded())).status().code() == "crypto.bad_scalar");
    }
    std::string high_bit = scalar(5).encoded();
    high_bit[31] = static_cast<char>(high_bit[31] | 0x80);  // libsodium would drop bit 255 silently
    BOOST_TEST(!Scalar::parse(high_bit).isOk());
    BOOST_TEST(!Scalar::parse(std::string(31, '\0')).isOk());
    BOOST_TEST(!Scalar::parse(std::string(33, '\0')).isOk());
}

BOOST_AUTO_TEST_CASE(scalar_arithmetic_is_modulo_the_order) {
    BOOST_TEST(scalar(3) + scalar(4) == scalar(7));
    BOOST_TEST(scalar(3) - scalar(4) == -scalar(1));
    BOOST_TEST(scalar(6) * scalar(7) == scalar(42));
    BOOST_TEST(-scalar(1) + scalar(1) == scalar(0));
    BOOST_TEST((scalar(0) - scalar(1)).hex() == (-scalar(1)).hex());
    const Scalar r = Scalar::random();
    BOOST_TEST(*r.inverse() * r == scalar(1));
    BOOST_TEST(scalar(0).inverse().status().code() == "crypto.zero_inverse");
    BOOST_TEST(Scalar::reduceWide(unhex(kOrderHex) + std::string(32, '\0')).isZero());
}

BOOST_AUTO_TEST_CASE(multiplying_by_zero_gives_the_identity_instead_of_failing) {
    const Point p = Point::baseMul(Scalar::random());
    BOOST_TEST(Point::baseMul(scalar(0)).isIdentity());
    BOOST_TEST((p * scalar(0)).isIdentity());
    BOOST_TEST((Point::identity() * Scalar::random()).isIdentity());
    BOOST_TEST(Point::smallMultiple(0).isIdentity());
    BOOST_TEST(Point::smallMultiple(1) == Point::base());
    BOOST_TEST(Point::smallMultiple(5) == Point::baseMul(scalar(5)));
    BOOST_TEST(Point::smallMultiple(255) == Point::baseMul(scalar(255)));
    BOOST_TEST(Point::smallMultiple(1000) == Point::baseMul(scalar(1000)));
}

BOOST_AUTO_TEST_CASE(group_laws_hold) {
    const Scalar x = Scalar::random();
    const Scalar y = Scalar::random();
    const Point g = Point::base();
    BOOST_TEST(g * x + g * y == Point::baseMul(x + y));
    BOOST_TEST((g * x) * y == Point::baseMul(x * y));
    BOOST_TEST(g * x - g * x == Point::identity());
    BOOST_TEST(Point::identity() + g == g);
    // The base point's encoding (RFC 9496, section 4.4).
    BOOST_TEST(g.hex() == "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
}

BOOST_AUTO_TEST_CASE(points_parse_round_trip_and_the_identity_is_refused_only_where_asked) {
    const Point p = Point::baseMul(Scalar::random());
    BOOST_TEST(*Point::parse(p.encoded()) == p);
    BOOST_TEST(Point::parse(std::string(32, '\0')).isOk());
    BOOST_TEST(Point::parseNotIdentity(std::string(32, '\0')).status().code() == "crypto.identity_point");
    BOOST_TEST(Point::parseNotIdentity(p.encoded()).isOk());
    BOOST_TEST(Point::identity().requireNotIdentity().code() == "crypto.identity_point");
}

BOOST_AUTO_TEST_CASE(invalid_and_non_canonical_points_are_refused) {
    // RFC 9496, appendix A.2: non-canonical field encodings, negative field
    // elements, non-square x^2, negative xy, s = -1.
    for (const char* bad : {
             "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
             "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
             "0100000000000000000000000000000000000000000000000000000000000000",
             "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
             "26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371",
             "f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
             "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
         }) {
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(Point::parse(unhex(bad)).status().code() == "crypto.bad_point"); }
    }
    BOOST_TEST(!Point::parse(std::string(31, '\0')).isOk());
    // One flipped bit in a valid encoding makes another string that is most
    // often not an element; when it is one, it is a different one.
    const std::string good = Point::baseMul(scalar(9)).encoded();
    for (std::size_t i = 0; i < 32; ++i) {
        auto p = Point::parse(flipped(good, i));
        if (p.isOk()) BOOST_TEST(p->encoded() != good);
    }
}

BOOST_AUTO_TEST_CASE(an_encoding_with_bit_255_set_is_refused) {
    // libsodium 1.0.18's is_valid_point ignores bit 255 and decodes s + 2^255
    // as s (about one element in four passes it): a second encoding of the
    // same element, which would make ballots malleable. RFC 9496 refuses it.
    for (std::uint64_t m = 1; m <= 64; ++m) {
        std::string encoding = Point::baseMul(scalar(m)).encoded();
        encoding[31] = static_cast<char>(static_cast<unsigned char>(encoding[31]) | 0x80);
        BOOST_TEST_CONTEXT(m) { BOOST_TEST(Point::parse(encoding).status().code() == "crypto.bad_point"); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
