#include "public_cache.h"

#include <sys/mman.h>
#include <unistd.h>

namespace yishi::http {

namespace {

// An anonymous memory file holding `body`, or -1 when the system has none.
int memoryFileWith(const std::string& body) {
    const int fd = ::memfd_create("yishi-rendering", MFD_CLOEXEC);
    if (fd < 0) return -1;
    std::size_t written = 0;
    while (written < body.size()) {
        const ssize_t n = ::write(fd, body.data() + written, body.size() - written);
        if (n <= 0) {
            ::close(fd);
            return -1;
        }
        written += static_cast<std::size_t>(n);
    }
    return fd;
}

// How often store() looks for entries that can never be served again.
constexpr std::chrono::milliseconds kPruneEvery{100};

}  // namespace

PublicRendering::~PublicRendering() {
    if (fd >= 0) ::close(fd);
}

bool PublicCache::current(const Entry& e, const domain::DataVersions& versions,
                          std::chrono::steady_clock::time_point now) const {
    if (now - e.stored > options_.ttl) return false;
    if (!versions.unchangedSince(e.read_at, e.facts->community)) return false;
    return !e.account.valid() || versions.accountChangedAt(e.account) <= e.read_at;
}

PublicCache::Found PublicCache::find(const std::string& key, const domain::DataVersions& versions) {
    MutexLock lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return {};
    const Entry& e = it->second;
    if (!current(e, versions, std::chrono::steady_clock::now())) return {};
    ++hits_;
    return {e.rendering, e.facts};
}

PublicCache::Found PublicCache::store(const std::string& key, std::uint64_t read_at, CacheFacts facts, UserId account,
                                      std::string body, const domain::DataVersions& versions) {
    auto rendering = std::make_shared<PublicRendering>();
    rendering->body = std::move(body);
    auto shared_facts = std::make_shared<const CacheFacts>(std::move(facts));
    Found found{rendering, shared_facts};
    if (options_.ttl.count() <= 0 || rendering->body.size() > options_.max_bytes) return found;
    if (rendering->body.size() >= options_.file_from_bytes) rendering->fd = memoryFileWith(rendering->body);
    const std::size_t size = rendering->body.size();
    const auto now = std::chrono::steady_clock::now();
    MutexLock lock(mutex_);
    if (auto old = entries_.find(key); old != entries_.end()) {
        bytes_ -= old->second.rendering->body.size();
        entries_.erase(old);
    }
    // What find() would never serve again goes, with its memory file: kept
    // until the cache was full, such entries held a descriptor each (a soak
    // run saw the server's descriptors climb by 4 a minute).
    const bool full = entries_.size() >= options_.max_entries || bytes_ + size > options_.max_bytes;
    if (full || now - last_prune_ >= kPruneEvery) {
        last_prune_ = now;
        for (auto it = entries_.begin(); it != entries_.end();) {
            if (!current(it->second, versions, now)) {
                bytes_ -= it->second.rendering->body.size();
                it = entries_.erase(it);
            } else {
                ++it;
            }
        }
    }
    // Still full: start over rather than track recency; a rendering is
    // cheap to make again and the hot pages come back first.
    if (entries_.size() >= options_.max_entries || bytes_ + size > options_.max_bytes) {
        entries_.clear();
        bytes_ = 0;
    }
    bytes_ += size;
    entries_.emplace(key, Entry{read_at, account, now, shared_facts, std::move(rendering)});
    return found;
}

std::size_t PublicCache::entries() const {
    MutexLock lock(mutex_);
    return entries_.size();
}

std::uint64_t PublicCache::hits() const {
    MutexLock lock(mutex_);
    return hits_;
}

}  // namespace yishi::http
