#pragma once

#include <functional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/points.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Turns outbox events into ledger rows through each district's points rule,
// exactly once per event: the awards of a batch, the skipped events and the
// moved cursor commit in one transaction. The rule runs outside the
// transaction. Each event reaches the rule with what its people were
// already awarded that day (a batch ends before a person's second event of
// a day, so this is exact). Daily caps are enforced here, by the host, in event order,
// by the event's local day, so the outcome does not depend on batching.
// One processor per database at a time (a second one notices the moved
// cursor and writes nothing).
class PointsProcessor {
  public:
    struct Options {
        int batch = 500;
        Duration utc_offset = kChinaUtcOffset;  // the local day of daily caps
        // Automatic retries of a skipped event: the first after this long,
        // each next one 4 times later, at most `max_attempts` in all.
        Duration first_retry = Duration::minutes(1);
        int max_attempts = 5;
    };
    PointsProcessor(Database& db, PointsRule& rule, const Clock& clock, Options options);

    // Processes up to one batch of waiting events; returns how many.
    Result<int> processBatch();

    // Tries a skipped event again with the rule serving its district now.
    // Awarded: the ledger rows are written (caps by the event's day, counting
    // what that day holds by now) and the skip is resolved. Still failing:
    // the attempt is recorded and conflict "points.still_skipped" returned.
    // not_found "skipped.not_found" (unknown or resolved); invalid
    // "points.no_district" for an event without a community.
    Result<std::vector<LedgerEntry>> retrySkipped(std::int64_t event_id);

    // Retries the skipped events that are due (see Options); returns how many
    // were awarded.
    Result<int> retryDue();

    // Every difference between what the rule awards for the district's event
    // history (caps applied the same way) and the ledger's rows. Each event
    // is judged by the version that judged it (kept by its hash): the
    // version of its ledger rows or of its skip, else the one that judged
    // the district's events from then on; events from before versions were
    // kept are judged by the current rule.
    struct Difference {
        std::int64_t event_id = 0;
        std::string expected;  // "user 7 +5 comment", "skipped: ..." or "-"
        std::string recorded;
    };
    Result<std::vector<Difference>> replay(DistrictId district);

  private:
    std::int64_t dayOf(Instant at) const;
    // Where the batch starting at `start` ends (see processBatch).
    std::size_t batchEnd(const std::vector<DomainEvent>& events, std::size_t start,
                         const std::function<DistrictId(const DomainEvent&)>& district_of) const;
    // Checks a rule's awards for one event (known user, 1..10^6 points, a
    // rule name, a reason); the message says what is wrong.
    static Status checkAwards(Stores& s, const std::vector<Award>& awards);
    // When a skip after `attempts` attempts is tried again by itself (unset: never).
    Instant nextRetry(const std::string& code, std::int64_t attempts, Instant now) const;

    Database& db_;
    PointsRule& rule_;
    const Clock& clock_;
    Options options_;
};

}  // namespace yishi::domain
