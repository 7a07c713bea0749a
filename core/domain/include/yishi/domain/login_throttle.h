#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "yishi/common/clock.h"

namespace yishi::domain {

// Counts failed logins per key (an account, a client address) in fixed
// windows. A key that reached its limit is blocked until its window ends.
// Thread-safe. Memory is bounded: expired windows are pruned as keys come.
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
    void pruneLocked(Instant now);

    const Clock& clock_;
    const Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;  // guarded by mutex_
    Instant last_prune_;                                // guarded by mutex_
};

}  // namespace yishi::domain
