#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/dashboard.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// The 驾驶舱 of streets and districts (docs/dashboards.md): per community
// and in total, topics by kind and state, overdue topics, how cases close
// and how residents rate them, active people, points given and redeemed.
//
// Reads are served from figures kept per community (the dashboard_figures
// table), never computed per request; refresh() keeps them equal to what
// figuresFromRecords computes from the records: it takes the communities
// named by the audit log and the points ledger after its cursor, those whose
// figures time alone has changed (valid_until: a deadline passed, an act
// left the window) and those older than `max_age` (a safety net), recomputes
// them on a read snapshot and writes them with the moved cursor in one
// write that first checks the cursor did not move (computeThenCommit). Thread-safe; refresh() is meant for one thread.
class DashboardService {
  public:
    struct Options {
        Duration max_age = Duration::minutes(10);
        int stale_batch = 100;  // communities refreshed for age in one round
    };

    struct Row {
        Community community;
        std::string street_name;
        // Unset until the community's figures are first computed.
        std::optional<CommunityFigures> figures;
    };

    struct View {
        ScopeRef scope;
        std::string name;
        Instant now;
        // Changes wait that the figures do not reflect yet, time alone has
        // changed some (valid_until), or some are older than max_age: they
        // will be refreshed within a second or so.
        bool pending = false;
        std::vector<Row> rows;  // by street, then community id
        CommunityFigures totals;
    };

    DashboardService(Database& db, const Clock& clock, Options options);
    DashboardService(Database& db, const Clock& clock) : DashboardService(db, clock, Options{}) {}

    // A district's admins (else forbidden "dashboard.forbidden"); not_found
    // "district.not_found".
    Result<View> district(const Actor& actor, DistrictId id);
    // The street's staff and the district's admins; not_found "street.not_found".
    Result<View> street(const Actor& actor, StreetId id);
    // The community's committee, its street's staff, its district's admins;
    // not_found "community.not_found". With `from_records`, the figures are
    // computed now from the records instead of read from those kept: the
    // check anyone in scope may make that the kept ones are right.
    Result<View> community(const Actor& actor, CommunityId id, bool from_records);

    // One round of the background refresh; answers how many communities'
    // figures it wrote (0: nothing to do, or another round moved first).
    Result<int> refresh();

  private:
    Result<View> read(const Actor& actor, ScopeRef scope, bool from_records);

    Database& db_;
    const Clock& clock_;
    const Options options_;
};

}  // namespace yishi::domain
