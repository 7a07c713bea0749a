#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace yishi::http {

// The built web UI, read into memory once, at start, from one directory
// (the build of www/). Requests never reach the file system: a path is only
// a key into what was loaded, so `..`, encoded or not, absolute paths and
// symlinks leading out of the directory (skipped when loading) cannot name
// anything else.
//
// What is served and how (docs/api.md, "The web UI"):
// - `/` is index.html; a path whose last segment has no dot and names no
//   file is a deep link into the app and also gets index.html; a missing
//   path with a dot (a file) is not found.
// - Files under assets/ have content hashes in their names and are cached
//   for a year, immutable; everything else is revalidated (no-cache).
// - FILE.gz beside FILE is FILE compressed by the build, sent instead of it
//   to clients that accept gzip (never served under its own name).
// - Each variant has a strong ETag (a hash of its bytes).
// Thread-safe after construction: read-only.
class StaticFiles {
  public:
    struct File {
        std::string body;
        std::string gzip;  // empty: no compressed variant
        std::string content_type;
        std::string cache_control;
        std::string etag;       // of body
        std::string gzip_etag;  // of gzip
        bool html = false;
    };

    // Loads every regular file under `dir` (hidden names skipped; symlinks
    // only when they resolve inside `dir`). `warn` hears each file skipped
    // and why. A missing directory loads nothing (see loaded()).
    StaticFiles(const std::string& dir, const std::function<void(const std::string&)>& warn);

    // Whether the directory existed: without it there is no web UI.
    bool loaded() const { return loaded_; }
    std::size_t fileCount() const { return files_.size(); }

    // What answers the decoded URL path `path` (starting with '/'), or
    // nullptr: no such file, or a path with an empty, "." or ".." segment,
    // a backslash or a control character.
    const File* find(const std::string& path) const;

  private:
    bool loaded_ = false;
    std::map<std::string, File, std::less<>> files_;  // key: path under dir, '/'-separated
};

}  // namespace yishi::http
