// `yishi pb select` over the five real Pabulib elections in ../shared/pabulib
// and the small files in tests/data/pabulib: the selected set must be the
// published one (the `selected` column).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
    {"tests/data/pabulib/hand_cumulative.pb", "greedy"},
    {"tests/data/pabulib/hand_ordinal.pb", "greedy"},
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
            if (c == '"')
                quoted = !quoted;
            else if (c == ';' && !quoted)
                fields.emplace_back();
            else
                fields.back().push_back(c);
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

std::set<std::string> selectedIn(const std::string& output) {
    auto parsed = Poco::JSON::Parser().parse(output).extract<Poco::JSON::Object::Ptr>();
    std::set<std::string> got;
    for (const auto& id : *parsed->getArray("selected")) got.insert(id.toString());
    return got;
}

// A fresh directory under the system's temporary directory, outside the
// repository, removed with everything in it at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "yishi-pb-XXXXXX").string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = std::filesystem::canonical(pattern);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::string cd() const { return "cd '" + path.string() + "' && "; }
};

const std::string kHandMesAdd1 = std::string(YISHI_SOURCE_DIR) + "/tests/data/pabulib/hand_mes_add1.pb";

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

BOOST_AUTO_TEST_CASE(finds_the_plugins_from_a_working_directory_outside_the_repository) {
    const TempDir work;
    int code = 0;
    std::string output = run(work.cd() + YISHI_BINARY + " pb select '" + kHandMesAdd1 + "' --rule mes-add1 2>&1", code);
    BOOST_REQUIRE_MESSAGE(code == 0, output);
    BOOST_TEST((selectedIn(output) == std::set<std::string>{"A", "C"}));
    // --plugins takes a plugins directory, as serve's --plugins-dir does.
    output = run(work.cd() + YISHI_BINARY + " pb select '" + kHandMesAdd1 + "' --rule mes-add1 --plugins '" +
                     YISHI_SOURCE_DIR + "/plugins' 2>&1",
                 code);
    BOOST_REQUIRE_MESSAGE(code == 0, output);
    BOOST_TEST((selectedIn(output) == std::set<std::string>{"A", "C"}));
}

BOOST_AUTO_TEST_CASE(errors_name_the_full_path) {
    const TempDir work;
    int code = 0;
    std::string output =
        run(work.cd() + YISHI_BINARY + " pb select '" + kHandMesAdd1 + "' --rule greedy --plugins nowhere 2>&1", code);
    BOOST_TEST(code == 65);
    BOOST_TEST(output.find((work.path / "nowhere" / "default").string()) != std::string::npos, output);
    BOOST_TEST(output.find("manifest.json") != std::string::npos, output);
    output = run(work.cd() + YISHI_BINARY + " pb select missing.pb --rule greedy 2>&1", code);
    BOOST_TEST(code == 65);
    BOOST_TEST(output.find((work.path / "missing.pb").string()) != std::string::npos, output);
}

// MES with cost utilities is defined on approvals; points and ranks are
// refused with the reason, never answered with an empty selection.
BOOST_AUTO_TEST_CASE(mes_refuses_cumulative_and_ordinal_ballots) {
    for (const std::string type : {"cumulative", "ordinal"}) {
        for (const std::string rule : {"mes-add1", "mes-add1-reference"}) {
            int code = 0;
            const std::string output = run(std::string(YISHI_BINARY) + " pb select '" + YISHI_SOURCE_DIR +
                                               "/tests/data/pabulib/hand_" + type + ".pb' --rule " + rule + " 2>&1",
                                           code);
            BOOST_TEST(code == 65, type << " " << rule);
            BOOST_TEST(output.find("needs approval ballots") != std::string::npos, output);
            BOOST_TEST(output.find("vote_type is " + type) != std::string::npos, output);
            BOOST_TEST(output.find("selected") == std::string::npos, output);
        }
    }
}

// `cmake --install` puts the default plugins where the installed binary
// looks for them. The installed copy of the manifest gets a version of its
// own, so the answer shows which plugin directory was used.
BOOST_AUTO_TEST_CASE(an_installed_yishi_finds_its_plugins_from_any_directory) {
    const TempDir prefix, work;
    int code = 0;
    std::string output = run(std::string(YISHI_CMAKE_COMMAND) + " --install '" + YISHI_BUILD_DIR + "' --prefix '" +
                                 prefix.path.string() + "' 2>&1",
                             code);
    BOOST_REQUIRE_MESSAGE(code == 0, output);
    const std::filesystem::path manifest = prefix.path / "share/yishi/plugins/default/manifest.json";
    BOOST_REQUIRE(std::filesystem::exists(manifest));
    BOOST_TEST(std::filesystem::exists(prefix.path / "share/yishi/plugins/default/tests"));
    BOOST_TEST(std::filesystem::exists(prefix.path / "share/yishi/yishi.properties"));
    std::string text;
    {
        std::ifstream in(manifest);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
    }
    const std::string version = "\"version\": \"1.0.0\"";
    const auto at = text.find(version);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, version.size(), "\"version\": \"installed-copy\"");
    std::ofstream(manifest, std::ios::trunc) << text;

    output = run(work.cd() + "'" + (prefix.path / "bin/yishi").string() + "' pb select '" + kHandMesAdd1 +
                     "' --rule mes-add1 2>&1",
                 code);
    BOOST_REQUIRE_MESSAGE(code == 0, output);
    BOOST_TEST((selectedIn(output) == std::set<std::string>{"A", "C"}));
    auto parsed = Poco::JSON::Parser().parse(output).extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(parsed->getObject("plugin")->getValue<std::string>("version") == "installed-copy");
}

BOOST_AUTO_TEST_SUITE_END()
