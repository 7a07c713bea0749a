#include "yishi/domain/backoff_throttle.h"

#include <algorithm>

namespace yishi::domain {

Duration BackoffThrottle::delayAfter(int failures) const {
    if (failures <= limits_.free_failures) return Duration();
    Duration delay = limits_.first_delay;
    for (int i = limits_.free_failures + 1; i < failures && delay < limits_.max_delay; ++i) delay = delay * 2;
    return std::min(delay, limits_.max_delay);
}

int BackoffThrottle::retryAfter(const std::string& key) {
    MutexLock lock(mutex_);
    const Instant now = clock_.now();
    auto it = entries_.find(key);
    if (it == entries_.end()) return 0;
    if (now - it->second.last_failure >= limits_.forget_after) {
        entries_.erase(it);
        return 0;
    }
    const Instant until = it->second.last_failure + delayAfter(it->second.failures);
    return until > now ? static_cast<int>((until - now).ceilSeconds()) : 0;
}

void BackoffThrottle::recordFailure(const std::string& key) {
    MutexLock lock(mutex_);
    const Instant now = clock_.now();
    pruneLocked(now);
    Entry& e = entries_[key];
    if (e.failures > 0 && now - e.last_failure >= limits_.forget_after) e.failures = 0;
    e.last_failure = now;
    if (e.failures < 1'000'000) ++e.failures;
}

void BackoffThrottle::reset(const std::string& key) {
    MutexLock lock(mutex_);
    entries_.erase(key);
}

std::size_t BackoffThrottle::keys() const {
    MutexLock lock(mutex_);
    return entries_.size();
}

void BackoffThrottle::pruneLocked(Instant now) {
    // Forgotten keys at most once a minute, so a flood of distinct keys costs
    // O(1) amortised; past the cap, first the keys that owe no wait.
    if (now - last_prune_ >= Duration::minutes(1)) {
        last_prune_ = now;
        std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.last_failure >= limits_.forget_after; });
    }
    if (entries_.size() < kMaxKeys) return;
    std::erase_if(entries_,
                  [&](const auto& kv) { return kv.second.last_failure + delayAfter(kv.second.failures) <= now; });
    if (entries_.size() >= kMaxKeys) entries_.clear();
}

}  // namespace yishi::domain
