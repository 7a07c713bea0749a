// The features as `yishi serve` wires them: one line each in
// core/features/feature_list.h, each in a folder of its own.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "unit/app/feature_world.h"

BOOST_AUTO_TEST_SUITE(features)

BOOST_AUTO_TEST_CASE(every_route_is_unique) {
    yishi::testing::FeatureWorld world;
    const auto routes = world.routes();
    BOOST_TEST(routes.size() >= 50u);
    std::set<std::string> seen;
    for (const auto& r : routes) {
        BOOST_TEST(seen.insert(r.method + " " + r.pattern).second, "served twice: " << r.method << " " << r.pattern);
    }
}

BOOST_AUTO_TEST_CASE(every_feature_folder_is_listed_once_and_every_listed_feature_has_a_folder) {
    const std::filesystem::path features = std::filesystem::path(YISHI_SOURCE_DIR) / "core" / "features";
    std::ifstream in(features / "feature_list.h");
    BOOST_REQUIRE(in.good());
    const std::regex line_re(R"(^YISHI_FEATURE(_WITH_STORE)?\((\w+)\)\s*$)");
    std::multiset<std::string> listed;
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, line_re)) {
            listed.insert(m[2].str());
            // A feature with a store has a storage part, and only then.
            BOOST_TEST(std::filesystem::exists(features / m[2].str() / "storage") == m[1].matched,
                       m[2].str() << ": storage/ and _WITH_STORE disagree");
        }
    }
    std::set<std::string> folders;
    for (const auto& entry : std::filesystem::directory_iterator(features)) {
        if (entry.is_directory()) folders.insert(entry.path().filename().string());
    }
    for (const std::string& f : folders) BOOST_TEST(listed.count(f) == 1u, "folder not listed once: " << f);
    for (const std::string& f : listed) BOOST_TEST(folders.count(f) == 1u, "listed without a folder: " << f);
}

BOOST_AUTO_TEST_SUITE_END()
