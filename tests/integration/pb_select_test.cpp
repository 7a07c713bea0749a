// `yishi pb select` over the five real Pabulib elections in ../shared/pabulib
// and the small files in tests/data/pabulib: the selected set must be the
// published one (the `selected` column).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace {

struct Election {
    const char* path;  // relative to the source dir
    const char* rule;
};

std::ostream& operator<<(std::ostream& out, const Election& e) { return out << e.path; }

const Election kElections[] = {
    {"../shared/pabulib/Netherlands_Assen_2024.pb", "mes-add1"},
    {"../shared/pabulib/Poland_Warszawa_2019_Zacisze.pb", "greedy"},
    {"../shared/pabulib/Poland_Warszawa_2018_Miedzeszyn.pb", "greedy-threshold"},
    {"../shared/pabulib/Poland_Czestochowa_2024_Podjasnogorska.pb", "greedy"},
    {"../shared/pabulib/Poland_Krakow_2019_Bienczyce.pb", "greedy"},
    {"tests/data/pabulib/hand_greedy_quoted.pb", "greedy"},
    {"tests/data/pabulib/hand_mes_add1.pb", "mes-add1"},
};

std::string run(const std::string& command, int& exit_code) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    exit_code = WEXITSTATUS(::pclose(pipe));
    return output;
}

// The published outcome: ids whose `selected` column is 1, read with a
// splitter of its own that understands quotes.
std::set<std::string> published(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::set<std::string> ids;
    bool projects = false;
    int selected_column = -1;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line == "PROJECTS") {
            projects = true;
            continue;
        }
        if (line == "VOTES") break;
        if (!projects) continue;
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (char c : line) {
            if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) fields.emplace_back();
            else fields.back().push_back(c);
        }
        if (selected_column < 0) {
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (fields[i] == "selected") selected_column = static_cast<int>(i);
            continue;
        }
        if (fields.at(selected_column) == "1") ids.insert(fields[0]);
    }
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pb_select)

BOOST_DATA_TEST_CASE(selects_the_published_outcome, boost::unit_test::data::make(kElections), election) {
    const std::string source = YISHI_SOURCE_DIR;
    const std::string path = source + "/" + election.path;
    int code = 0;
    const std::string output = run(std::string(YISHI_BINARY) + " pb select '" + path + "' --rule " + election.rule +
                                       " --plugins '" + source + "/plugins/default'",
                                   code);
    BOOST_REQUIRE_MESSAGE(code == 0, output);
    auto parsed = Poco::JSON::Parser().parse(output).extract<Poco::JSON::Object::Ptr>();
    std::set<std::string> got;
    for (const auto& id : *parsed->getArray("selected")) got.insert(id.toString());
    const auto expected = published(path);
    BOOST_TEST(!expected.empty());
    BOOST_TEST((got == expected));
    BOOST_TEST(parsed->getObject("plugin")->getValue<std::string>("name") == "default");
    BOOST_TEST(parsed->getObject("plugin")->getValue<std::string>("hash").size() == 64u);
}

BOOST_AUTO_TEST_CASE(bad_files_and_arguments_exit_non_zero_with_a_message) {
    int code = 0;
    const std::string binary = YISHI_BINARY;
    run(binary + " pb select /nonexistent.pb --rule greedy 2>&1", code);
    BOOST_TEST(code == 65);
    run(binary + " pb select 2>&1", code);
    BOOST_TEST(code == 64);
    const std::string out = run(binary + " pb select " + std::string(YISHI_SOURCE_DIR) +
                                    "/tests/data/pabulib/hand_mes_add1.pb --rule lottery --plugins " +
                                    YISHI_SOURCE_DIR + "/plugins/default 2>&1",
                                code);
    BOOST_TEST(code == 65);
    BOOST_TEST(out.find("unknown selection rule") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
