#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "yishi/common/clock.h"
#include "yishi/common/mutex.h"

namespace yishi::domain {

// Counts failed logins per key (an account, a client address) in fixed
// windows. A key that reached its limit is blocked until its window ends.
// Thread-safe: one mutex guards the windows, held for a lookup and an update
// only. Memory is bounded: expired windows are pruned as keys come.
class LoginThrottle {
  public:
    struct Limits {
        int max_failures = 5;
        std::int64_t window_seconds = 15 * 60;
    };

    LoginThrottle(const Clock& clock, Limits limits) : clock_(clock), limits_(limits) {}

    // Seconds to wait before `key` may try again; 0 when it may try now.
    int retryAfter(const std::string& key);
    void recordFailure(const std::string& key);
    void reset(const std::string& key);

  private:
    struct Window {
        std::int64_t start = 0;
        int failures = 0;
    };
    void pruneLocked(std::int64_t now) YISHI_REQUIRES(mutex_);

    const Clock& clock_;
    const Limits limits_;
    Mutex mutex_;
    std::unordered_map<std::string, Window> windows_ YISHI_GUARDED_BY(mutex_);
    std::int64_t last_prune_ YISHI_GUARDED_BY(mutex_) = 0;
};

}  // namespace yishi::domain
