#include "yishi/plugins/plugin_bundle.h"

#include <algorithm>
#include <fstream>

#include "yishi/common/json.h"
#include "yishi/common/utf8.h"

namespace yishi::plugins {

namespace {

Status manifestError(const std::string& message) { return Status::invalid("plugin.manifest", message); }

// A plugin's file is read only from inside its directory: the path, with
// every symbolic link resolved, must stay under the directory's own resolved
// path (a link to another file of the plugin is fine, one to /etc/passwd or
// to another district's plugin is not), and it must be a regular file of at
// most kMaxPluginFileBytes (a FIFO or /dev/zero would never end).
Result<std::string> readFile(const std::filesystem::path& directory, const std::string& name) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path root = fs::canonical(directory, error);
    if (error) return manifestError("cannot read " + utf8Excerpt(name, 128));
    const fs::path path = fs::canonical(directory / name, error);
    if (error) return manifestError("cannot read " + utf8Excerpt(name, 128));
    const auto [root_end, path_end] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    if (root_end != root.end() || path_end == path.end()) {
        return manifestError(utf8Excerpt(name, 128) + " leads out of the plugin directory (a symbolic link?)");
    }
    if (!fs::is_regular_file(path, error)) return manifestError(utf8Excerpt(name, 128) + " is not a regular file");
    const auto size = fs::file_size(path, error);
    if (error || size > kMaxPluginFileBytes) {
        return manifestError(utf8Excerpt(name, 128) + " is larger than " + std::to_string(kMaxPluginFileBytes >> 20) +
                             " MB");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return manifestError("cannot read " + utf8Excerpt(name, 128));
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

bool safeFileName(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.size() < 5 || name.substr(name.size() - 4) != ".lua") return false;
    std::filesystem::path path(name);
    return std::none_of(path.begin(), path.end(), [](const auto& part) { return part == ".." || part == "."; });
}

const std::string* stringField(const Value& object, const char* key) {
    const Value* v = object.find(key);
    return v && v->isString() ? &v->asString() : nullptr;
}

Result<HookSpec> parseHook(const std::string& name, const Value& spec, const std::vector<PluginFile>& files) {
    if (!spec.isObject()) return manifestError("hook '" + name + "' must be an object");
    HookSpec hook;
    const std::string* file = stringField(spec, "file");
    const std::string* function = stringField(spec, "function");
    if (!file || !function) return manifestError("hook '" + name + "' needs \"file\" and \"function\"");
    if (std::none_of(files.begin(), files.end(), [&](const PluginFile& f) { return f.name == *file; }))
        return manifestError("hook '" + name + "' names " + *file + ", which is not in \"files\"");
    hook.file = *file;
    hook.function = *function;
    if (const Value* v = spec.find("budget_ms")) {
        if (!v->isInt() || v->asInt() < 1 || v->asInt() > kMaxBudgetMs)
            return manifestError("hook '" + name + "': budget_ms must be 1.." + std::to_string(kMaxBudgetMs));
        hook.budget_ms = static_cast<int>(v->asInt());
    }
    if (const Value* v = spec.find("memory_mb")) {
        if (!v->isInt() || v->asInt() < 1 || static_cast<std::size_t>(v->asInt()) > (kMaxMemoryBytes >> 20))
            return manifestError("hook '" + name + "': memory_mb must be 1.." + std::to_string(kMaxMemoryBytes >> 20));
        hook.limits.memory_bytes = static_cast<std::size_t>(v->asInt()) << 20;
    }
    if (const Value* v = spec.find("instructions")) {
        if (!v->isInt() || v->asInt() < 1000 || static_cast<std::uint64_t>(v->asInt()) > kMaxInstructions)
            return manifestError("hook '" + name + "': instructions must be 1000.." + std::to_string(kMaxInstructions));
        hook.limits.instructions = static_cast<std::uint64_t>(v->asInt());
    }
    return hook;
}

// Everything but the sources, which travel in "files".
Result<PluginBundle> parseManifest(const Value& manifest, std::vector<PluginFile> files) {
    if (!manifest.isObject()) return manifestError("the manifest must be a JSON object");
    PluginBundle bundle;
    const std::string* name = stringField(manifest, "name");
    const std::string* version = stringField(manifest, "version");
    const Value* api = manifest.find("api");
    if (!name || name->empty()) return manifestError("\"name\" is missing");
    if (!version || version->empty()) return manifestError("\"version\" is missing");
    if (!api || !api->isInt()) return manifestError("\"api\" (the plugin API major) is missing");
    if (api->asInt() != kPluginApiMajor)
        return manifestError("plugin API " + std::to_string(api->asInt()) + " is not supported; this host speaks API " +
                             std::to_string(kPluginApiMajor));
    bundle.name = *name;
    bundle.version = *version;
    bundle.api = static_cast<int>(api->asInt());
    bundle.files = std::move(files);
    const Value* hooks = manifest.find("hooks");
    if (!hooks || !hooks->isObject() || hooks->asObject().empty())
        return manifestError("\"hooks\" must name at least one hook");
    for (const auto& [hook_name, spec] : hooks->asObject()) {
        const auto& known = knownHooks();
        if (std::find(known.begin(), known.end(), hook_name) == known.end())
            return manifestError("unknown hook '" + hook_name + "'");
        YISHI_ASSIGN_OR_RETURN(HookSpec hook, parseHook(hook_name, spec, bundle.files));
        bundle.hooks.emplace(hook_name, std::move(hook));
    }
    if (const Value* settings = manifest.find("settings")) {
        if (!settings->isObject()) return manifestError("\"settings\" must be an object");
        bundle.settings = *settings;
    } else {
        bundle.settings = Value(Value::Object{});
    }
    return bundle;
}

Value manifestValue(const PluginBundle& bundle) {
    Value::Object hooks;
    for (const auto& [name, hook] : bundle.hooks) {
        hooks.emplace(name, Value(Value::Object{
                                {"file", hook.file},
                                {"function", hook.function},
                                {"budget_ms", hook.budget_ms},
                                {"memory_mb", static_cast<std::int64_t>(hook.limits.memory_bytes >> 20)},
                                {"instructions", static_cast<std::int64_t>(hook.limits.instructions)},
                            }));
    }
    Value::Array files;
    for (const auto& file : bundle.files) files.emplace_back(file.name);
    return Value(Value::Object{{"name", bundle.name},
                               {"version", bundle.version},
                               {"api", bundle.api},
                               {"files", std::move(files)},
                               {"hooks", std::move(hooks)},
                               {"settings", bundle.settings}});
}

}  // namespace

const std::vector<std::string>& knownHooks() {
    static const std::vector<std::string> hooks{"on_event", "select"};
    return hooks;
}

const HookSpec* PluginBundle::hook(const std::string& hook_name) const {
    auto it = hooks.find(hook_name);
    return it == hooks.end() ? nullptr : &it->second;
}

Value PluginBundle::toValue() const {
    Value::Array sources;
    for (const auto& file : files) sources.emplace_back(Value::Object{{"name", file.name}, {"source", file.source}});
    return Value(Value::Object{{"manifest", manifestValue(*this)}, {"sources", std::move(sources)}, {"hash", hash}});
}

Result<PluginBundle> PluginBundle::fromValue(const Value& value) {
    const Value* manifest = value.find("manifest");
    const Value* sources = value.find("sources");
    const std::string* hash = stringField(value, "hash");
    if (!manifest || !sources || !sources->isArray() || !hash) return manifestError("malformed plugin bundle");
    std::vector<PluginFile> files;
    for (const auto& file : sources->asArray()) {
        const std::string* name = stringField(file, "name");
        const std::string* source = stringField(file, "source");
        if (!name || !source) return manifestError("malformed plugin bundle");
        files.push_back({*name, *source});
    }
    YISHI_ASSIGN_OR_RETURN(PluginBundle bundle, parseManifest(*manifest, std::move(files)));
    bundle.hash = *hash;
    return bundle;
}

Result<PluginBundle> loadPluginDirectory(const std::filesystem::path& directory, domain::ContentHasher& hasher) {
    YISHI_ASSIGN_OR_RETURN(std::string manifest_text, readFile(directory, "manifest.json"));
    auto manifest = parseJson(manifest_text);
    if (!manifest.isOk()) return manifestError("manifest.json: " + manifest.status().message());
    const Value* names = manifest->find("files");
    if (!names || !names->isArray() || names->asArray().empty())
        return manifestError("\"files\" must list the plugin's .lua files");
    std::vector<PluginFile> files;
    std::string hashed = manifest_text;
    for (const auto& name : names->asArray()) {
        if (!name.isString() || !safeFileName(name.asString()))
            return manifestError("\"files\" must hold relative paths ending in .lua, inside the plugin directory");
        YISHI_ASSIGN_OR_RETURN(std::string source, readFile(directory, name.asString()));
        hashed += '\0' + name.asString() + '\0' + std::to_string(source.size()) + '\0' + source;
        files.push_back({name.asString(), std::move(source)});
    }
    YISHI_ASSIGN_OR_RETURN(PluginBundle bundle, parseManifest(*manifest, std::move(files)));
    bundle.hash = hasher.hashHex(hashed);
    return bundle;
}

}  // namespace yishi::plugins
