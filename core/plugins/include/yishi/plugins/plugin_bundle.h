#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/common/value.h"
#include "yishi/domain/ports.h"
#include "yishi/plugins/lua_state.h"

namespace yishi::plugins {

// The plugin API major this host speaks; a manifest declaring another is
// refused (docs/plugins.md, "Versioning").
inline constexpr int kPluginApiMajor = 1;

// What one hook may spend per call. Manifests may raise the defaults up to
// the host's ceilings (kMax* below), never past them.
struct HookSpec {
    std::string file;
    std::string function;
    LuaLimits limits;
    int budget_ms = 200;
};

inline constexpr int kMaxBudgetMs = 60'000;
inline constexpr std::size_t kMaxMemoryBytes = std::size_t{1} << 30;
inline constexpr std::uint64_t kMaxInstructions = 200'000'000'000ull;
// The largest manifest or .lua file a plugin may have.
inline constexpr std::size_t kMaxPluginFileBytes = std::size_t{8} << 20;

struct PluginFile {
    std::string name;  // relative to the plugin directory, e.g. "selection.lua"
    std::string source;
};

// A district's plugin as loaded from its manifest: the sources themselves,
// not paths, so a worker process needs nothing from the file system and
// plugins never see a host path.
struct PluginBundle {
    std::string name;
    std::string version;
    int api = 0;
    std::vector<PluginFile> files;  // in the order they run
    std::map<std::string, HookSpec> hooks;
    Value settings;  // the manifest's "settings" object, given to hooks
    // BLAKE2b of the manifest and every file: names exactly what ran.
    std::string hash;

    const HookSpec* hook(const std::string& name) const;

    // The bundle as plain data (for the worker protocol) and back.
    Value toValue() const;
    static Result<PluginBundle> fromValue(const Value& value);
};

// The hooks a host of API 1 knows.
const std::vector<std::string>& knownHooks();

// Reads `directory`/manifest.json and the files it names. invalid
// "plugin.manifest" naming the problem: unreadable or malformed JSON, a
// missing field, an unknown API major or hook, a file outside the directory
// or not ending in .lua, a file (manifest.json included) that is a symbolic
// link leading out of the directory, that is not a regular file or that is
// larger than kMaxPluginFileBytes, limits past the host's ceilings.
Result<PluginBundle> loadPluginDirectory(const std::filesystem::path& directory, domain::ContentHasher& hasher);

}  // namespace yishi::plugins
