#include <boost/test/unit_test.hpp>

#include "yishi/domain/validation.h"

using namespace yishi::domain;

BOOST_AUTO_TEST_SUITE(validation)

BOOST_AUTO_TEST_CASE(utf8_length_counts_code_points_and_rejects_bad_bytes) {
    BOOST_TEST(utf8Length("abc") == 3u);
    BOOST_TEST(utf8Length("友谊一村") == 4u);
    BOOST_TEST(utf8Length("😀") == 1u);
    BOOST_TEST(utf8Length("\xE5\x8F") == std::string::npos);      // truncated
    BOOST_TEST(utf8Length("\xC0\xAF") == std::string::npos);      // overlong '/'
    BOOST_TEST(utf8Length("\xED\xA0\x80") == std::string::npos);  // surrogate
    BOOST_TEST(utf8Length("\xFF") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(logins) {
    BOOST_TEST(validateLogin("zhao.daye_1960").isOk());
    BOOST_TEST(validateLogin("ab").code() == "login.invalid");
    BOOST_TEST(validateLogin("Zhao").code() == "login.invalid");
    BOOST_TEST(validateLogin("赵大爷").code() == "login.invalid");
    BOOST_TEST(validateLogin(std::string(33, 'a')).code() == "login.invalid");
}

BOOST_AUTO_TEST_CASE(names) {
    BOOST_TEST(validateName("display_name", "赵大爷", 40).isOk());
    BOOST_TEST(validateName("display_name", "   ", 40).code() == "display_name.invalid");
    BOOST_TEST(validateName("display_name", "", 40).code() == "display_name.invalid");
    BOOST_TEST(validateName("display_name", "a\nb", 40).code() == "display_name.invalid");
    BOOST_TEST(validateName("display_name", std::string(41, 'x'), 40).code() == "display_name.invalid");
    // 40 Chinese characters are 120 bytes but 40 characters.
    std::string forty;
    for (int i = 0; i < 40; ++i) forty += "村";
    BOOST_TEST(validateName("display_name", forty, 40).isOk());
}

BOOST_AUTO_TEST_CASE(passwords) {
    BOOST_TEST(validatePassword("12345678").isOk());
    BOOST_TEST(validatePassword("1234567").code() == "password.invalid");
    BOOST_TEST(validatePassword(std::string(257, 'x')).code() == "password.invalid");
}

BOOST_AUTO_TEST_SUITE_END()
