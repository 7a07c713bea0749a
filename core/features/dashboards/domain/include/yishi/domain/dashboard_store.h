#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/dashboard.h"
#include "yishi/domain/scope.h"

// Where the dashboards' precomputed figures and their cursor are kept, and
// the counts they are made of that no other feature's port gives. The store
// port of this feature; its SQLite implementation lives beside it in
// storage/. A service reaches it inside a transaction as
// stores.get<DashboardStore>(). Throws only when the store itself is broken.
namespace yishi::domain {

// How far the figures have taken in the records: every audit row and every
// points ledger row up to these ids is reflected in them.
struct DashboardCursor {
    std::int64_t audit_through = 0;
    std::int64_t ledger_through = 0;
    friend bool operator==(const DashboardCursor&, const DashboardCursor&) = default;
};

class DashboardStore {
  public:
    virtual ~DashboardStore() = default;

    virtual DashboardCursor cursor() = 0;
    virtual void setCursor(const DashboardCursor& cursor) = 0;
    // The newest audit and ledger rows now.
    virtual DashboardCursor latest() = 0;
    // The communities named by audit rows or concerned by ledger rows (by
    // their event's community, or their redemption's) after `after` up to
    // `through`, each once.
    virtual std::vector<CommunityId> communitiesChanged(const DashboardCursor& after,
                                                        const DashboardCursor& through) = 0;
    // Communities without figures, whose figures were computed before
    // `before`, or whose figures time alone has changed by `now` (valid_until):
    // at most `limit`, those without figures first, then the oldest.
    virtual std::vector<CommunityId> staleCommunities(Instant before, Instant now, int limit) = 0;

    // Replaces the community's stored figures.
    virtual void saveFigures(const CommunityFigures& figures, StreetId street, DistrictId district) = 0;
    // The stored figures of every community in `scope` that has any.
    virtual std::vector<CommunityFigures> figuresIn(ScopeRef scope) = 0;

    // The counts figuresFromRecords reads (docs/dashboards.md).
    virtual std::int64_t verifiedMembers(CommunityId community) = 0;
    virtual std::int64_t activePeople(CommunityId community, Instant since,
                                      const std::vector<std::string>& actions) = 0;
    // Of the people activePeople counts, the time of the last act of the one
    // whose last act is oldest; unset when nobody is active.
    virtual std::optional<Instant> oldestLastAct(CommunityId community, Instant since,
                                                 const std::vector<std::string>& actions) = 0;
    virtual std::int64_t pointsGiven(CommunityId community) = 0;
    virtual std::int64_t pointsRedeemed(CommunityId community) = 0;
};

}  // namespace yishi::domain
