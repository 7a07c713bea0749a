#include "yishi/common/utf8.h"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(utf8_excerpt)

BOOST_AUTO_TEST_CASE(short_valid_text_is_kept_as_is) {
    BOOST_TEST(yishi::utf8Excerpt("电梯 ok", 64) == "电梯 ok");
    BOOST_TEST(yishi::utf8Excerpt("", 8).empty());
}

BOOST_AUTO_TEST_CASE(long_text_is_cut_at_a_character_boundary_and_says_how_long_it_was) {
    const std::string text = std::string(10, 'a') + "电梯" + std::string(1'000'000, 'b');
    const std::string note = "\xE2\x80\xA6 (1000016 bytes)";  // 19 bytes
    // Room for 12 bytes before the note: "电" would need 13.
    const std::string cut = yishi::utf8Excerpt(text, 12 + note.size());
    BOOST_TEST(cut == std::string(10, 'a') + note);
    BOOST_TEST(yishi::isValidUtf8(cut));
    const std::string longer = yishi::utf8Excerpt(text, 200);
    BOOST_TEST(longer.size() <= 200u);
    BOOST_TEST(longer.find("电梯bbb") != std::string::npos);
    // Cutting again with the same bound changes nothing.
    BOOST_TEST(yishi::utf8Excerpt(longer, 200) == longer);
    BOOST_TEST(yishi::utf8Excerpt(text, 4) == note);  // no room: the note alone
    // Found by tests/fuzz/json: a note alone, past the bound, is no fixed
    // point; it is cut again into a note of its own length.
    BOOST_TEST(yishi::utf8Excerpt(note, 4) == "\xE2\x80\xA6 (" + std::to_string(note.size()) + " bytes)");
}

BOOST_AUTO_TEST_CASE(invalid_bytes_become_replacement_characters) {
    const std::string cut = yishi::utf8Excerpt(
        "a\xFF\xC0\xAF"
        "b\xED\xA0\x80",
        100);
    BOOST_TEST(yishi::isValidUtf8(cut));
    BOOST_TEST(cut.find('\xFF') == std::string::npos);
    BOOST_TEST(cut.rfind("a\xEF\xBF\xBD", 0) == 0u);
    BOOST_TEST(cut.find('b') != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
