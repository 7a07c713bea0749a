#pragma once

#include <set>
#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/notifications.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Turns what happened into inbox items and queued deliveries
// (docs/notifications.md).
//
// processBatch() reads the audit log after its own cursor and, in one write,
// makes the items of a batch of changes, the automatic follows (raising a
// topic, commenting on it) and moves the cursor: each change is handled
// exactly once. processDue() makes the items time alone causes (a deadline
// draws near or passes, a vote opens or closes), each once, marked in the
// same write. Neither sends anything: deliveries are queued, with quiet
// hours applied to their first attempt, for DeliverySender.
//
// Thread-safety: one caller at a time (its background thread): it keeps,
// besides the stored cursor, how far it read changes that concern nobody.
class NotificationProcessor {
  public:
    struct Options {
        int batch = 200;
        Duration utc_offset = Duration::hours(8);  // the local day of quiet hours
    };

    NotificationProcessor(Database& db, const Clock& clock, Options options);

    // Returns how many changes were handled (0: none waited; nothing written).
    Result<int> processBatch();
    // Returns how many reminders, passings and vote openings or closings were announced.
    Result<int> processDue();
    // Retention: prunes up to `batch` finished deliveries and read items
    // made more than `retention` ago (NotificationStore::prune). Reads
    // first, writes only when something is old enough. Returns how many rows went.
    Result<int> prune(Duration retention, int batch = 200);

  private:
    Database& db_;
    const Clock& clock_;
    const Options options_;
    // Changes up to here concern nobody or are handled (only the processor's thread touches it).
    std::int64_t read_up_to_ = 0;
};

// Makes `n` an item of each of `users` but `n.actor` (no one is told of their
// own act) and those who muted its kind, and queues its deliveries per each
// one's channels and the district's settings. Returns how many items.
int notifyAll(Stores& s, const std::set<UserId>& users, Notification n, DistrictId district, Duration utc_offset);

}  // namespace yishi::domain
