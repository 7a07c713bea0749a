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
        Duration window = Duration::minutes(15);
    };

    LoginThrottle(const Clock& clock, Limits limits) : clock_(clock), limits_(limits) {}

    // Seconds to wait before `key` may try again, rounded up; 0 when it may try now.
    int retryAfter(const std::string& key);
    void recordFailure(const std::string& key);
    void reset(const std::string& key);

  private:
    struct Window {
        Instant start;
        int failures = 0;
    };
    void pruneLocked(Instant now) YISHI_REQUIRES(mutex_);

    const Clock& clock_;
    const Limits limits_;
    Mutex mutex_;
    std::unordered_map<std::string, Window> windows_ YISHI_GUARDED_BY(mutex_);
    Instant last_prune_ YISHI_GUARDED_BY(mutex_);
};

}  // namespace yishi::domain
