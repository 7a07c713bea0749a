#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "yishi/common/mutex.h"
#include "yishi/common/time.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/data_versions.h"
#include "yishi/domain/session.h"

namespace yishi::domain {

// Sessions and their actors as last read, by token hash, so a signed-in
// request costs no read of the database. An entry is served only while its
// session has not expired and the account of its user has not changed since
// it was read (DataVersions::accountChangedAt: a logout, a new password, a
// grant or a membership raise it), so a change takes effect at the next
// request. Full: it starts over (a miss costs one read).
// Thread-safe: entries are guarded by mutex_ and immutable once stored.
class SessionCache {
  public:
    struct Signed {
        Actor actor;
        Session session;
    };

    explicit SessionCache(std::size_t max_entries) : max_entries_(max_entries) {}

    // The entry for `token_hash` when still current at `now`, else null (and
    // a stale entry is dropped).
    std::shared_ptr<const Signed> find(const std::string& token_hash, const DataVersions& versions, Instant now);
    // Keeps what was read after `read_at` (DataVersions::sequence()).
    void store(const std::string& token_hash, Signed value, std::uint64_t read_at);
    void forget(const std::string& token_hash);

  private:
    struct Entry {
        std::shared_ptr<const Signed> value;
        std::uint64_t read_at = 0;
    };
    const std::size_t max_entries_;
    Mutex mutex_;
    std::unordered_map<std::string, Entry> entries_ YISHI_GUARDED_BY(mutex_);
};

}  // namespace yishi::domain
