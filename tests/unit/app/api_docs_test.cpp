// docs/api.md and the router must list the same routes: a route added
// without documentation, or documentation left for a route that is gone,
// fails here.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "unit/app/feature_world.h"
#include "yishi/http/messages.h"

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

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The error codes written out in the sources of the modules that answer
// requests, with one file that uses each: Status::<kind>("code", ...),
// validateName/validateText("field", ...) (code "field.invalid") and the
// plugin host's fault codes ("plugin.*"). Codes made at run time from a
// field name ("body." + name) are documented as patterns and not found here.
std::map<std::string, std::string> codesInSources() {
    const std::string root = YISHI_SOURCE_DIR;
    const std::regex status_code(R"re(Status::\w+\(\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)+)")re");
    const std::regex validated(R"re(validate(?:Name|Text)\(\s*"([a-z0-9_.]+)")re");
    const std::regex plugin_fault(R"re("(plugin\.[a-z_]+)")re");
    std::map<std::string, std::string> codes;
    for (const char* module :
         {"core/common", "core/domain", "core/features", "core/http", "core/storage", "core/plugins"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root + "/" + module)) {
            const std::string ext = entry.path().extension().string();
            if (ext != ".cpp" && ext != ".h") continue;
            const std::string text = readFile(entry.path());
            const std::string file = entry.path().string().substr(root.size() + 1);
            for (std::sregex_iterator m(text.begin(), text.end(), status_code), end; m != end; ++m)
                codes.emplace((*m)[1].str(), file);
            for (std::sregex_iterator m(text.begin(), text.end(), validated), end; m != end; ++m)
                codes.emplace((*m)[1].str() + ".invalid", file);
            if (file.rfind("core/plugins/", 0) == 0) {
                for (std::sregex_iterator m(text.begin(), text.end(), plugin_fault), end; m != end; ++m)
                    codes.emplace((*m)[1].str(), file);
            }
        }
    }
    return codes;
}

// Codes that never reach an HTTP answer, and why.
const std::map<std::string, std::string>& neverAnswered() {
    static const std::map<std::string, std::string> never_answered = {
        {"json.syntax", "the common reader's; requests get json.malformed, plugin replies plugin.protocol"},
        {"holidays.invalid", "the configuration file's; the API answers settings.holidays"},
        {"equal_shares.input", "raised inside a plugin call, which answers plugin.error"},
        {"plugin.manifest", "a reload that meets it answers plugin.refused"},
        {"pabulib.format", "yishi pb select on the command line"},
        {"storage.open_failed", "at start, before the server listens"},
        {"storage.migration_failed", "at start, before the server listens"},
        {"storage.schema_too_new", "at start, before the server listens"},
        {"http.bind_failed", "at start, when the port cannot be had"},
        {"http.unset", "a placeholder overwritten before any answer"},
        {"config.trusted_proxies", "at start, reading yishi.trusted_proxies"},
        {"backup.source", "yishi backup on the command line"},
        {"backup.destination", "yishi backup on the command line"},
        {"backup.corrupt", "yishi backup on the command line"},
    };
    return never_answered;
}

}  // namespace

// Every error code the server can answer is in docs/api.md, so a client can
// rely on the list (issue 9, item 18).
BOOST_AUTO_TEST_CASE(every_error_code_in_the_sources_is_documented) {
    const std::map<std::string, std::string>& never_answered = neverAnswered();
    const std::string docs = readFile(std::string(YISHI_SOURCE_DIR) + "/docs/api.md");
    BOOST_REQUIRE(!docs.empty());
    const std::map<std::string, std::string> codes = codesInSources();
    BOOST_TEST(codes.count("proposal.not_found") == 1u);  // the scan finds codes at all
    for (const auto& [code, file] : codes) {
        if (never_answered.count(code)) continue;
        BOOST_TEST(docs.find("`" + code + "`") != std::string::npos,
                   "error code " << code << " (" << file << ") is not in docs/api.md");
    }
    for (const auto& [code, why] : never_answered) {
        BOOST_TEST(docs.find("`" + code + "`") == std::string::npos, code << " is documented but " << why);
    }
}

// Every error code the server can answer has its own zh-CN message, so a
// resident never reads English (issue 9, item 22).
BOOST_AUTO_TEST_CASE(every_error_code_in_the_sources_has_a_zh_cn_message) {
    const std::map<std::string, std::string> codes = codesInSources();
    BOOST_TEST(codes.size() > 100u);
    for (const auto& [code, file] : codes) {
        if (neverAnswered().count(code)) continue;
        BOOST_TEST(
            yishi::http::catalogMessageZhCn(code).has_value(),
            "error code " << code << " (" << file << ") has no zh-CN message in core/http/src/messages_zh_cn.cpp");
    }
}

BOOST_AUTO_TEST_SUITE_END()
