#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "yishi/domain/pabulib.h"

using namespace yishi::domain;

namespace {

std::string readData(const std::string& name) {
    std::ifstream in(std::string(YISHI_SOURCE_DIR) + "/tests/data/pabulib/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pabulib)

BOOST_AUTO_TEST_CASE(reads_quoted_fields_bom_crlf_and_decimal_commas) {
    auto election = parsePabulib(readData("hand_greedy_quoted.pb"));
    BOOST_REQUIRE_MESSAGE(election.isOk(), election.status().toString());
    BOOST_TEST(election->meta.at("description") == "A hand-made election; quoted");
    BOOST_REQUIRE(election->projects.size() == 4u);
    BOOST_TEST(election->projects[0].fields.at("name") == "Park; benches and \"shade\"");
    BOOST_TEST(election->projects[0].fields.at("selected") == "1");
    BOOST_TEST(election->votes.size() == 5u);
    BOOST_TEST(election->votes[1].projects.size() == 3u);
    BOOST_TEST(pabulibMoneyScale(*election) == 1);
    BOOST_TEST(*parsePbMoney("100,5", 1) == 1005);
    BOOST_TEST(*parsePbMoney("50.5", 1) == 505);
    BOOST_TEST(*parsePbMoney("60", 1) == 600);
}

BOOST_AUTO_TEST_CASE(scores_follow_the_vote_type) {
    const std::string head =
        "META\nkey;value\nbudget;10\nvote_type;%s\nmax_length;3\nPROJECTS\nproject_id;cost\na;1\nb;1\nc;1\nVOTES\n";
    auto withType = [&](const std::string& type, const std::string& votes) {
        std::string text = head;
        text.replace(text.find("%s"), 2, type);
        return parsePabulib(text + votes);
    };
    auto approval = withType("approval", "voter_id;vote\n1;a,b\n2;b");
    BOOST_REQUIRE(approval.isOk());
    auto s = pabulibScores(*approval);
    BOOST_TEST(s->at("a") == 1);
    BOOST_TEST(s->at("b") == 2);
    auto ordinal = withType("ordinal", "voter_id;vote\n1;c,a,b\n2;a");
    auto o = pabulibScores(*ordinal);
    BOOST_TEST(o->at("c") == 3);
    BOOST_TEST(o->at("a") == 2 + 3);
    BOOST_TEST(o->at("b") == 1);
    auto cumulative = withType("cumulative", "voter_id;vote;points\n1;a,b;7,3\n2;b;10");
    auto c = pabulibScores(*cumulative);
    BOOST_TEST(c->at("a") == 7);
    BOOST_TEST(c->at("b") == 13);
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_line) {
    struct Case {
        const char* text;
        const char* fragment;
    } cases[] = {
        {"PROJECTS\nproject_id;cost\n", "line 1: section PROJECTS out of order"},
        {"META\nkey;value\nbudget;1\nPROJECTS\nproject_id;votes\n", "project_id and cost"},
        {"META\nkey;value\nbudget;1\nPROJECTS\nproject_id;cost\na;1;2\nVOTES\nvoter_id;vote\n", "line 6"},
        {"META\nkey;value\nname;\"open\nPROJECTS\n", "unterminated"},
        {"META\nkey;value\nbudget;1\n", "META, PROJECTS and VOTES"},
    };
    for (const auto& c : cases) {
        auto e = parsePabulib(c.text);
        BOOST_TEST_INFO(c.text);
        BOOST_REQUIRE(!e.isOk());
        BOOST_TEST(e.status().code() == "pabulib.format");
        BOOST_TEST(e.status().message().find(c.fragment) != std::string::npos, e.status().message());
    }
    auto unknown = parsePabulib("META\nkey;value\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n1;zz\n");
    BOOST_REQUIRE(unknown.isOk());
    BOOST_TEST(!pabulibScores(*unknown).isOk());
    BOOST_TEST(!parsePbMoney("1.25", 1).isOk());
    BOOST_TEST(!parsePbMoney("12a", 0).isOk());
}

BOOST_AUTO_TEST_SUITE_END()
