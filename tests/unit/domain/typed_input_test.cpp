#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "yishi/domain/community_service.h"
#include "yishi/domain/proposal_store.h"

using namespace yishi;
using namespace yishi::domain;

// What residents type: search words and join codes.
BOOST_AUTO_TEST_SUITE(search_terms)

BOOST_AUTO_TEST_CASE(words_of_three_characters_or_more_go_to_the_index) {
    // Characters are counted as code points: 加装电梯 is 4 characters in 12 bytes, 路灯 2 in 6.
    SearchTerms terms = searchTerms("加装电梯 路灯 abc ab").value();
    BOOST_TEST(terms.indexed == (std::vector<std::string>{"加装电梯", "abc"}), boost::test_tools::per_element());
    BOOST_TEST(terms.short_words == (std::vector<std::string>{"路灯", "ab"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_ideographic_space_separates_words) {
    SearchTerms terms = searchTerms("电梯\xE3\x80\x80三号楼").value();
    BOOST_TEST(terms.indexed == std::vector<std::string>{"三号楼"}, boost::test_tools::per_element());
    BOOST_TEST(terms.short_words == std::vector<std::string>{"电梯"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(blank_text_searches_nothing) {
    SearchTerms terms = searchTerms("  \t ").value();
    BOOST_TEST(terms.indexed.empty());
    BOOST_TEST(terms.short_words.empty());
}

BOOST_AUTO_TEST_CASE(too_long_or_too_many_words_is_refused) {
    BOOST_TEST(searchTerms(std::string(kMaxSearchBytes + 1, 'a')).status().code() == "query.q");
    BOOST_TEST(searchTerms("a b c d e f g h i").status().code() == "query.q");
    BOOST_TEST(searchTerms("a b c d e f g h").isOk());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(join_code_normalization)

BOOST_AUTO_TEST_CASE(case_spaces_and_dashes_do_not_matter) {
    BOOST_TEST(normalizeJoinCode("kfvw-fy4b") == "KFVWFY4B");
    BOOST_TEST(normalizeJoinCode(" KFVW FY4B ") == "KFVWFY4B");
    BOOST_TEST(normalizeJoinCode("KFVW\xE3\x80\x80"
                                 "FY4B") == "KFVWFY4B");  // ideographic space
    BOOST_TEST(normalizeJoinCode("KFVW\xEF\xBC\x8D"
                                 "FY4B") == "KFVWFY4B");  // full-width hyphen
}

BOOST_AUTO_TEST_CASE(other_characters_stay) {
    BOOST_TEST(normalizeJoinCode("KFVW_FY4B") == "KFVW_FY4B");
    BOOST_TEST(normalizeJoinCode("社区码") == "社区码");
}

BOOST_AUTO_TEST_SUITE_END()
