#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "yishi/common/clock.h"
#include "yishi/common/mutex.h"

namespace yishi::domain {

// Slows guessing without ever shutting a key out for long: a key (an
// account, an account seen from one address, a device) may fail
// `free_failures` times freely; each failure after that asks for a wait
// before the next try, `first_delay` after the first, doubling with each
// further failure up to `max_delay`, counted from the last failure. A key
// that has not failed for `forget_after` starts afresh, and so does one
// that is reset (a login that succeeded). Unlike a lockout window, the wait
// never outgrows max_delay, and the right password is let in as soon as the
// wait is over.
// Thread-safe: one mutex, held for a lookup and an update. Memory is
// bounded: forgotten keys are pruned as keys come, and past kMaxKeys the
// keys that owe no wait are dropped first.
class BackoffThrottle {
  public:
    struct Limits {
        int free_failures = 5;
        Duration first_delay = Duration::seconds(1);
        Duration max_delay = Duration::minutes(15);
        Duration forget_after = Duration::hours(1);
    };

    static constexpr std::size_t kMaxKeys = 100'000;

    BackoffThrottle(const Clock& clock, Limits limits) : clock_(clock), limits_(limits) {}

    // Seconds to wait before `key` may try again, rounded up; 0 when it may try now.
    int retryAfter(const std::string& key);
    void recordFailure(const std::string& key);
    void reset(const std::string& key);
    // The wait that `failures` failures ask for (zero up to free_failures).
    Duration delayAfter(int failures) const;
    std::size_t keys() const;

  private:
    struct Entry {
        Instant last_failure;
        int failures = 0;
    };
    void pruneLocked(Instant now) YISHI_REQUIRES(mutex_);

    const Clock& clock_;
    const Limits limits_;
    mutable Mutex mutex_;
    std::unordered_map<std::string, Entry> entries_ YISHI_GUARDED_BY(mutex_);
    Instant last_prune_ YISHI_GUARDED_BY(mutex_);
};

}  // namespace yishi::domain
