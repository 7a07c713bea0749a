#include "yishi/domain/login_throttle.h"

namespace yishi::domain {

int LoginThrottle::retryAfter(const std::string& key) {
    MutexLock lock(mutex_);
    const Instant now = clock_.now();
    auto it = windows_.find(key);
    if (it == windows_.end()) return 0;
    const Instant end = it->second.start + limits_.window;
    if (now >= end) {
        windows_.erase(it);
        return 0;
    }
    if (it->second.failures < limits_.max_failures) return 0;
    return static_cast<int>((end - now).ceilSeconds());
}

void LoginThrottle::recordFailure(const std::string& key) {
    MutexLock lock(mutex_);
    const Instant now = clock_.now();
    pruneLocked(now);
    Window& w = windows_[key];
    if (w.failures == 0 || now >= w.start + limits_.window) {
        w.start = now;
        w.failures = 0;
    }
    ++w.failures;
}

void LoginThrottle::reset(const std::string& key) {
    MutexLock lock(mutex_);
    windows_.erase(key);
}

void LoginThrottle::pruneLocked(Instant now) {
    // At most once per window, so a flood of distinct keys costs O(1) amortised.
    if (now - last_prune_ < limits_.window) return;
    last_prune_ = now;
    std::erase_if(windows_, [&](const auto& kv) { return now >= kv.second.start + limits_.window; });
}

}  // namespace yishi::domain
