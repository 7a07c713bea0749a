#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "crypto_ports.h"
#include "yishi/common/json.h"
#include "yishi/plugins/plugin_bundle.h"
#include "yishi/plugins/plugin_call.h"

namespace fs = std::filesystem;
using yishi::Value;
using yishi::plugins::loadPluginDirectory;

namespace {

struct PluginDir {
    fs::path root =
        fs::temp_directory_path() / ("yishi-plugin-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    PluginDir() { fs::create_directories(root); }
    ~PluginDir() { fs::remove_all(root); }
    void write(const std::string& name, const std::string& text) {
        fs::create_directories((root / name).parent_path());
        std::ofstream(root / name) << text;
    }
};

const char* kManifest = R"({"name": "t", "version": "2.1.0", "api": 1, "files": ["rules.lua"],
  "hooks": {"select": {"file": "rules.lua", "function": "select", "budget_ms": 500}},
  "settings": {"selection": {"rule": "greedy"}}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_bundle)

BOOST_AUTO_TEST_CASE(loads_a_directory_and_runs_a_hook_in_process) {
    PluginDir dir;
    dir.write("manifest.json", kManifest);
    dir.write("rules.lua",
              "return {select = function(input) return {selected = {}, notes = yishi.settings.selection.rule} end}");
    yishi::app::CryptoContentHasher hasher;
    auto bundle = loadPluginDirectory(dir.root, hasher);
    BOOST_REQUIRE_MESSAGE(bundle.isOk(), bundle.status().toString());
    BOOST_TEST(bundle->version == "2.1.0");
    BOOST_TEST(bundle->hook("select")->budget_ms == 500);
    BOOST_TEST(bundle->hash.size() == 64u);
    auto result = yishi::plugins::runHookInProcess(*bundle, "select", Value());
    BOOST_REQUIRE(result.ok);
    BOOST_TEST(result.value.find("notes")->asString() == "greedy");
    // The bundle survives the trip to a worker and back.
    auto again = yishi::plugins::PluginBundle::fromValue(bundle->toValue());
    BOOST_REQUIRE(again.isOk());
    BOOST_TEST(yishi::toJson(again->toValue()) == yishi::toJson(bundle->toValue()));
    // Changing a file changes the hash.
    dir.write("rules.lua", "return {select = function() return {selected = {}} end}");
    BOOST_TEST(loadPluginDirectory(dir.root, hasher)->hash != bundle->hash);
}

BOOST_AUTO_TEST_CASE(bad_manifests_are_refused_with_the_reason) {
    struct Case {
        const char* manifest;
        const char* fragment;
    } cases[] = {
        {"{", "manifest.json"},
        {R"({"version": "1", "api": 1, "files": ["rules.lua"], "hooks": {}})", "name"},
        {R"({"name": "t", "version": "1", "api": 2, "files": ["rules.lua"], "hooks": {"select": {"file": "rules.lua", "function": "s"}}})",
         "API 2 is not supported"},
        {R"({"name": "t", "version": "1", "api": 1, "files": ["../etc/passwd.lua"], "hooks": {}})",
         "inside the plugin"},
        {R"({"name": "t", "version": "1", "api": 1, "files": ["rules.lua"], "hooks": {"explode": {"file": "rules.lua", "function": "s"}}})",
         "unknown hook"},
        {R"({"name": "t", "version": "1", "api": 1, "files": ["rules.lua"], "hooks": {"select": {"file": "other.lua", "function": "s"}}})",
         "not in \"files\""},
        {R"({"name": "t", "version": "1", "api": 1, "files": ["rules.lua"], "hooks": {"select": {"file": "rules.lua", "function": "s", "budget_ms": 3600000}}})",
         "budget_ms"},
        {R"({"name": "t", "version": "1", "api": 1, "files": ["missing.lua"], "hooks": {}})",
         "cannot read missing.lua"},
    };
    yishi::app::CryptoContentHasher hasher;
    for (const auto& c : cases) {
        PluginDir dir;
        dir.write("manifest.json", c.manifest);
        dir.write("rules.lua", "return {}");
        auto bundle = loadPluginDirectory(dir.root, hasher);
        BOOST_TEST_INFO(c.manifest);
        BOOST_REQUIRE(!bundle.isOk());
        BOOST_TEST(bundle.status().code() == "plugin.manifest");
        BOOST_TEST(bundle.status().message().find(c.fragment) != std::string::npos, bundle.status().message());
    }
}

BOOST_AUTO_TEST_SUITE_END()
