#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "yishi/common/utf8.h"
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

// What tests/fuzz/pabulib found (each is also in its seed corpus).
BOOST_AUTO_TEST_CASE(fuzzer_findings_are_refused_not_crashed_on) {
    const std::string projects = "PROJECTS\nproject_id;cost\na;1\nb;2\nVOTES\n";
    // A META header of one column read its rows' second field past the end.
    auto one_column = parsePabulib("META\nkey\nbudget\n" + projects + "voter_id;vote\n1;a\n");
    BOOST_REQUIRE(!one_column.isOk());
    BOOST_TEST(one_column.status().message().find("line 2: META needs a header of two columns") == 0u,
               one_column.status().message());
    // max_length - position overflowed for a negative max_length.
    auto ordinal = parsePabulib("META\nkey;value\nvote_type;ordinal\nmax_length;-9223372036854775808\n" + projects +
                                "voter_id;vote\n1;a,b\n");
    BOOST_REQUIRE(ordinal.isOk());
    auto ranks = pabulibScores(*ordinal);
    BOOST_REQUIRE(!ranks.isOk());
    BOOST_TEST(ranks.status().message().find("max_length must be a whole number") != std::string::npos);
    // Points summed past int64.
    auto points = parsePabulib("META\nkey;value\nvote_type;cumulative\n" + projects +
                               "voter_id;vote;points\n1;a;9223372036854775807\n2;a;1\n");
    BOOST_REQUIRE(points.isOk());
    auto sums = pabulibScores(*points);
    BOOST_REQUIRE(!sums.isOk());
    BOOST_TEST(sums.status().message() == "vote 2: the scores pass int64");
    // Messages quoted the whole field, invalid UTF-8 and all.
    const std::string garbage = std::string(5000, '\xfe');
    auto money = parsePbMoney("1." + garbage, 2);
    BOOST_REQUIRE(!money.isOk());
    BOOST_TEST(money.status().message().size() <= 100u);
    BOOST_TEST(yishi::isValidUtf8(money.status().message()));
    auto unknown = parsePabulib("META\nkey;value\n" + projects + "voter_id;vote\n1;" + garbage + "\n");
    BOOST_REQUIRE(unknown.isOk());
    auto named = pabulibScores(*unknown);
    BOOST_REQUIRE(!named.isOk());
    BOOST_TEST(named.status().message().size() <= 120u);
    BOOST_TEST(yishi::isValidUtf8(named.status().message()));
    // A scale of a million decimals: refused as too large without writing a
    // million zeros per amount; zero is zero at any scale.
    BOOST_TEST(parsePbMoney("5", 1'000'000).status().message() == "number too large: 5");
    BOOST_TEST(*parsePbMoney("0.00", 1'000'000) == 0);
    BOOST_TEST(*parsePbMoney("0092233720368547758.07", 2) == INT64_MAX);
    BOOST_TEST(!parsePbMoney("92233720368547758.08", 2).isOk());
}

BOOST_AUTO_TEST_SUITE_END()
