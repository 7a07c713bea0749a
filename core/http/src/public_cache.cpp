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

}  // namespace

PublicRendering::~PublicRendering() {
    if (fd >= 0) ::close(fd);
}

std::shared_ptr<const PublicRendering> PublicCache::find(const std::string& uri, std::uint64_t generation) {
    MutexLock lock(mutex_);
    auto it = entries_.find(uri);
    if (it == entries_.end()) return nullptr;
    const Entry& e = it->second;
    if (e.generation != generation || std::chrono::steady_clock::now() - e.stored > options_.ttl) return nullptr;
    ++hits_;
    return e.rendering;
}

void PublicCache::store(const std::string& uri, std::uint64_t generation, std::string body) {
    if (body.size() > options_.max_bytes) return;
    auto rendering = std::make_shared<PublicRendering>();
    rendering->body = std::move(body);
    if (rendering->body.size() >= options_.file_from_bytes) rendering->fd = memoryFileWith(rendering->body);
    const std::size_t size = rendering->body.size();
    MutexLock lock(mutex_);
    // What find() would never serve again goes now, with its memory file: an
    // entry of an older generation or past its ttl. Kept until the cache was
    // full, such entries held a descriptor each (a soak run saw the server's
    // descriptors climb by 4 a minute as threads came and went).
    const auto now = std::chrono::steady_clock::now();
    for (auto it = entries_.begin(); it != entries_.end();) {
        const Entry& e = it->second;
        if (it->first == uri || e.generation < generation || now - e.stored > options_.ttl) {
            bytes_ -= e.rendering->body.size();
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    // Full: start over rather than track recency; a rendering is cheap to
    // make again and the hot pages come back first.
    if (entries_.size() >= options_.max_entries || bytes_ + size > options_.max_bytes) {
        entries_.clear();
        bytes_ = 0;
    }
    bytes_ += size;
    entries_.emplace(uri, Entry{generation, std::chrono::steady_clock::now(), std::move(rendering)});
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
