// docs/api.md and the router must list the same routes: a route added
// without documentation, or documentation left for a route that is gone,
// fails here.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "unit/app/feature_world.h"

BOOST_AUTO_TEST_SUITE(api_docs)

BOOST_AUTO_TEST_CASE(every_route_is_documented_and_every_documented_route_exists) {
    std::ifstream in(std::string(YISHI_SOURCE_DIR) + "/docs/api.md");
    BOOST_REQUIRE(in.good());
    const std::regex heading(R"(^###\s+(GET|POST|PUT|PATCH|DELETE)\s+(/api/v1/\S*)\s*$)");
    std::set<std::string> documented;
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, heading)) documented.insert(m[1].str() + " " + m[2].str());
    }
    std::set<std::string> served;
    yishi::testing::FeatureWorld world;
    for (const auto& r : world.routes()) served.insert(r.method + " " + r.pattern);
    for (const std::string& r : served) BOOST_TEST(documented.count(r) == 1u, "undocumented route: " << r);
    for (const std::string& d : documented) BOOST_TEST(served.count(d) == 1u, "documented but not served: " << d);
}

BOOST_AUTO_TEST_SUITE_END()
