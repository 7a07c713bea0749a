#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "yishi/common/length_prefixed.h"

using yishi::LengthPrefixed;

namespace {

// The byte string of `bytes`, written out one by one so that each expected
// encoding below is computed by hand from the layout in the header.
std::string raw(std::initializer_list<int> bytes) {
    std::string out;
    for (int b : bytes) out.push_back(static_cast<char>(b));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(length_prefixed)

BOOST_AUTO_TEST_CASE(the_tag_comes_first_with_its_length) {
    BOOST_TEST(LengthPrefixed("").encoded() == raw({0, 0, 0, 0}));
    BOOST_TEST(LengthPrefixed("t").encoded() == raw({0, 0, 0, 1, 't'}));
}

BOOST_AUTO_TEST_CASE(byte_fields_are_a_big_endian_u32_length_then_the_bytes) {
    BOOST_TEST(LengthPrefixed("t").bytes("ab").bytes("").bytes("c").encoded() ==
               raw({0, 0, 0, 1, 't', 0, 0, 0, 2, 'a', 'b', 0, 0, 0, 0, 0, 0, 0, 1, 'c'}));
    // 0x010203 bytes: every byte of the length is in its place.
    const std::string long_field(0x010203, 'x');
    const std::string encoded = LengthPrefixed("t").bytes(long_field).encoded();
    BOOST_TEST(encoded.size() == 5u + 4u + long_field.size());
    BOOST_TEST(encoded.substr(5, 4) == raw({0x00, 0x01, 0x02, 0x03}));
    BOOST_TEST(encoded.substr(9) == long_field);
}

BOOST_AUTO_TEST_CASE(integers_are_eight_bytes_big_endian_twos_complement) {
    const std::string tag = raw({0, 0, 0, 1, 't'});
    BOOST_TEST(LengthPrefixed("t").int64(0).encoded() == tag + raw({0, 0, 0, 0, 0, 0, 0, 0}));
    BOOST_TEST(LengthPrefixed("t").int64(1).encoded() == tag + raw({0, 0, 0, 0, 0, 0, 0, 1}));
    BOOST_TEST(LengthPrefixed("t").int64(0x0102030405060708).encoded() == tag + raw({1, 2, 3, 4, 5, 6, 7, 8}));
    BOOST_TEST(LengthPrefixed("t").int64(-1).encoded() == tag + raw({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}));
    BOOST_TEST(LengthPrefixed("t").int64(-2).encoded() == tag + raw({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE}));
    BOOST_TEST(LengthPrefixed("t").int64(INT64_MIN).encoded() == tag + raw({0x80, 0, 0, 0, 0, 0, 0, 0}));
    BOOST_TEST(LengthPrefixed("t").int64(INT64_MAX).encoded() ==
               tag + raw({0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}));
}

BOOST_AUTO_TEST_CASE(the_example_in_the_header_holds) {
    BOOST_TEST(LengthPrefixed("t").bytes("ab").int64(-2).encoded() ==
               raw({0, 0, 0, 1, 't', 0, 0, 0, 2, 'a', 'b', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE}));
}

BOOST_AUTO_TEST_CASE(moving_a_boundary_between_fields_changes_the_bytes) {
    BOOST_TEST(LengthPrefixed("t").bytes("ab").bytes("c").encoded() !=
               LengthPrefixed("t").bytes("a").bytes("bc").encoded());
    // The tag is a field like the others: it cannot run into the first field.
    BOOST_TEST(LengthPrefixed("ab").bytes("c").encoded() != LengthPrefixed("a").bytes("bc").encoded());
    // An empty field is still a field.
    BOOST_TEST(LengthPrefixed("t").bytes("").encoded() != LengthPrefixed("t").encoded());
}

BOOST_AUTO_TEST_SUITE_END()
