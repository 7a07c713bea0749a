#include "static_files.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

namespace yishi::http {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxFileBytes = 16u << 20;
constexpr std::uintmax_t kMaxTotalBytes = 128u << 20;

std::string contentTypeFor(const std::string& name) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
    };
    for (const auto& [suffix, type] : kTypes) {
        const std::string s(suffix);
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) return type;
    }
    return "application/octet-stream";
}

// FNV-1a, 64 bits: enough to tell versions of one file apart.
std::string etagOf(const std::string& bytes, const char* suffix) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char tag[40];
    std::snprintf(tag, sizeof tag, "\"%016llx%s\"", static_cast<unsigned long long>(h), suffix);
    return tag;
}

bool readWhole(const fs::path& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *out = std::move(buffer).str();
    return static_cast<bool>(in) || in.eof();
}

bool isInside(const fs::path& root, const fs::path& target) {
    auto r = root.begin();
    auto t = target.begin();
    for (; r != root.end(); ++r, ++t) {
        if (t == target.end() || *r != *t) return false;
    }
    return true;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& dir, const std::function<void(const std::string&)>& warn) {
    std::error_code error;
    const fs::path root = fs::canonical(dir, error);
    if (error || !fs::is_directory(root, error)) return;
    loaded_ = true;

    std::map<std::string, std::string> compressed;  // key of the uncompressed file -> gzip bytes
    std::uintmax_t total = 0;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::path& path = it->path();
        const std::string key = path.lexically_relative(root).generic_string();
        if (path.filename().string().front() == '.') {
            if (it->is_directory(error)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink(error)) {
            const fs::path target = fs::canonical(path, error);
            if (error || !isInside(root, target) || !fs::is_regular_file(target, error)) {
                warn("web UI: " + key + " is skipped: a link that leads out of " + root.string());
                error.clear();
                continue;
            }
        } else if (!it->is_regular_file(error)) {
            continue;
        }
        const std::uintmax_t size = fs::file_size(path, error);
        if (error || size > kMaxFileBytes || total + size > kMaxTotalBytes) {
            warn("web UI: " + key + " is skipped: too large or unreadable");
            error.clear();
            continue;
        }
        std::string bytes;
        if (!readWhole(path, &bytes)) {
            warn("web UI: " + key + " is skipped: unreadable");
            continue;
        }
        total += bytes.size();
        if (endsWith(key, ".gz")) {
            compressed[key.substr(0, key.size() - 3)] = std::move(bytes);
            continue;
        }
        File file;
        file.content_type = contentTypeFor(key);
        file.html = endsWith(key, ".html");
        file.cache_control = key.rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache";
        file.etag = etagOf(bytes, "");
        file.body = std::move(bytes);
        files_.emplace(key, std::move(file));
    }
    if (error) warn("web UI: reading " + root.string() + " stopped: " + error.message());
    for (auto& [key, gzip] : compressed) {
        auto file = files_.find(key);
        if (file == files_.end()) continue;  // a .gz alone is not served
        file->second.gzip_etag = etagOf(gzip, "-gz");
        file->second.gzip = std::move(gzip);
    }
}

const StaticFiles::File* StaticFiles::find(const std::string& path) const {
    if (path.empty() || path.front() != '/') return nullptr;
    std::string key = path.substr(1);
    // Every segment must be a plain name: no "", ".", "..", no backslash or
    // control character (a NUL included).
    std::string_view rest(key);
    bool last_has_dot = false;
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        if (segment.empty() || segment == "." || segment == "..") return nullptr;
        for (unsigned char c : segment) {
            if (c < 0x20 || c == 0x7f || c == '\\') return nullptr;
        }
        last_has_dot = segment.find('.') != std::string_view::npos;
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
        if (rest.empty()) last_has_dot = false;  // "/c/1/": a deep link still
    }
    if (key.empty()) key = "index.html";
    if (auto file = files_.find(key); file != files_.end()) return &file->second;
    if (last_has_dot) return nullptr;
    auto index = files_.find(std::string_view("index.html"));
    return index == files_.end() ? nullptr : &index->second;
}

}  // namespace yishi::http
