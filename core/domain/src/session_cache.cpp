#include "session_cache.h"

namespace yishi::domain {

std::shared_ptr<const SessionCache::Signed> SessionCache::find(const std::string& token_hash,
                                                               const DataVersions& versions, Instant now) {
    MutexLock lock(mutex_);
    auto it = entries_.find(token_hash);
    if (it == entries_.end()) return nullptr;
    const Entry& e = it->second;
    if (e.value->session.expires_at <= now || versions.accountChangedAt(e.value->session.user_id) > e.read_at) {
        entries_.erase(it);
        return nullptr;
    }
    return e.value;
}

void SessionCache::store(const std::string& token_hash, Signed value, std::uint64_t read_at) {
    auto shared = std::make_shared<const Signed>(std::move(value));
    MutexLock lock(mutex_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[token_hash] = Entry{std::move(shared), read_at};
}

void SessionCache::forget(const std::string& token_hash) {
    MutexLock lock(mutex_);
    entries_.erase(token_hash);
}

}  // namespace yishi::domain
