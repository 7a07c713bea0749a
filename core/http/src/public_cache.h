#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "yishi/common/mutex.h"
#include "yishi/domain/data_versions.h"
#include "yishi/http/api_types.h"

namespace yishi::http {

// One shared rendering. A large one is also kept in an anonymous memory
// file, so it can leave with sendfile(2), without a copy, as a web server
// sends a static file.
struct PublicRendering {
    std::string body;
    int fd = -1;  // -1: no file
    ~PublicRendering();
};

// Renderings of cached pages (Access::kPublicCached), by key: the request
// URI, the language, and the audience (RequestProcessor makes the keys: what
// anyone sees, what the managers of a community see, what one person sees).
// An entry remembers the commit sequence read before its data was read and
// what the page depends on (CacheFacts::community, and for one person's
// rendering that person's account); it is served while none of those
// scopes changed since (DataVersions::unchangedSince) and for at most `ttl`
// (some fields, such as overdue flags, change with time alone). So a write
// in one community leaves the pages of the others cached, and no entry
// ever shows less than what was committed before its lookup.
// Thread-safe: every function may be called from any thread; the entries and
// counters are guarded by mutex_, and a rendering, once stored, is immutable
// and shared by pointer, so it is read without the lock.
class PublicCache {
  public:
    struct Options {
        std::chrono::milliseconds ttl{2000};  // 0: nothing is kept
        std::size_t max_entries = 4096;
        std::size_t max_bytes = 128u << 20;
        std::size_t file_from_bytes = 32u << 10;  // renderings this large get a memory file
    };
    explicit PublicCache(Options options) : options_(options) {}

    struct Found {
        std::shared_ptr<const PublicRendering> rendering;  // null: nothing current
        std::shared_ptr<const CacheFacts> facts;
        explicit operator bool() const { return rendering != nullptr; }
    };

    // The current rendering for `key` and what it depends on, or nothing.
    Found find(const std::string& key, const domain::DataVersions& versions);
    // Keeps `body` for `key`, rendered from data read after `read_at` (a
    // DataVersions::sequence() taken before), and returns it as find() would.
    // `account`: the one person it was rendered for (invalid: an audience).
    Found store(const std::string& key, std::uint64_t read_at, CacheFacts facts, UserId account, std::string body,
                const domain::DataVersions& versions);

    // Lookups answered from the cache so far.
    std::uint64_t hits() const;
    // Renderings kept now (each may hold a memory file).
    std::size_t entries() const;

  private:
    struct Entry {
        std::uint64_t read_at = 0;
        UserId account;
        std::chrono::steady_clock::time_point stored;
        std::shared_ptr<const CacheFacts> facts;
        std::shared_ptr<const PublicRendering> rendering;
    };
    bool current(const Entry& e, const domain::DataVersions& versions, std::chrono::steady_clock::time_point now) const;

    const Options options_;
    mutable Mutex mutex_;
    std::unordered_map<std::string, Entry> entries_ YISHI_GUARDED_BY(mutex_);
    std::size_t bytes_ YISHI_GUARDED_BY(mutex_) = 0;
    std::uint64_t hits_ YISHI_GUARDED_BY(mutex_) = 0;
    std::chrono::steady_clock::time_point last_prune_ YISHI_GUARDED_BY(mutex_);
};

}  // namespace yishi::http
