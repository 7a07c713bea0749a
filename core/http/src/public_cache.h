#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "yishi/common/mutex.h"

namespace yishi::http {

// One shared rendering. A large one is also kept in an anonymous memory
// file, so it can leave with sendfile(2), without a copy, as a web server
// sends a static file.
struct PublicRendering {
    std::string body;
    int fd = -1;  // -1: no file
    ~PublicRendering();
};

// Renderings of public pages for anonymous callers, shared between them:
// the body of a 200 answer, keyed by the request URI, valid while the
// database is at the same write generation and for at most `ttl` (some
// fields, such as overdue flags, change with time alone). A write anywhere
// makes every entry stale, which is coarse but never serves old data.
// Thread-safe: every function may be called from any thread; the entries and
// counters are guarded by mutex_, and a rendering, once stored, is immutable
// and shared by pointer, so it is read without the lock.
class PublicCache {
  public:
    struct Options {
        std::chrono::milliseconds ttl{2000};
        std::size_t max_entries = 512;
        std::size_t max_bytes = 64u << 20;
        std::size_t file_from_bytes = 32u << 10;  // renderings this large get a memory file
    };
    explicit PublicCache(Options options) : options_(options) {}

    // The cached rendering for `uri` at `generation`, or null.
    std::shared_ptr<const PublicRendering> find(const std::string& uri, std::uint64_t generation);
    // Keeps `body` for `uri`, computed from data at `generation` (read before
    // the data was).
    void store(const std::string& uri, std::uint64_t generation, std::string body);

    // Lookups answered from the cache so far.
    std::uint64_t hits() const;
    // Renderings kept now (each may hold a memory file).
    std::size_t entries() const;

  private:
    struct Entry {
        std::uint64_t generation = 0;
        std::chrono::steady_clock::time_point stored;
        std::shared_ptr<const PublicRendering> rendering;
    };
    const Options options_;
    mutable Mutex mutex_;
    std::unordered_map<std::string, Entry> entries_ YISHI_GUARDED_BY(mutex_);
    std::size_t bytes_ YISHI_GUARDED_BY(mutex_) = 0;
    std::uint64_t hits_ YISHI_GUARDED_BY(mutex_) = 0;
};

}  // namespace yishi::http
