#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/service_rating.h"

namespace yishi::domain {

// Service ratings (docs/polls.md): the committee names the services and
// opens rating periods; verified residents rate each service once a period;
// a period's averages and comments are public once it closes (before, only
// how many rated). Every change is a Change in the same transaction.
// Thread-safe.
class ServiceRatingService {
  public:
    struct ServiceInput {
        ServiceKind kind = ServiceKind::kOther;
        std::string name;
        std::string description;
    };

    // A period with its state at the time of reading.
    struct Period {
        RatingPeriod period;
        RatingPeriodState state = RatingPeriodState::kUpcoming;
    };

    // The community's services, periods and every (period, service)
    // figure; a figure's average is published (`published`) only for closed
    // periods.
    struct Overview {
        std::vector<RatedService> services;
        std::vector<Period> periods;  // by opening time
        std::vector<ServicePeriodFigures> figures;
    };

    struct Comment {
        std::int64_t service_id = 0;
        int stars = 0;
        std::string text;
        Instant at;
    };

    struct PeriodView {
        Period period;
        std::vector<RatedService> services;
        std::vector<ServicePeriodFigures> figures;  // one per service, in the services' order
        std::vector<Comment> comments;              // once closed, the non-empty ones, oldest first; no names
        std::vector<std::int64_t> rated_by_me;      // the services the caller rated in this period
        bool may_rate = false;                      // a verified resident, while open
    };

    ServiceRatingService(Database& db, const Clock& clock);

    // Those who run the community (forbidden "service.forbidden"). invalid
    // "name.invalid" (1-100 characters), "description.invalid" (up to 1,000);
    // not_found "community.not_found".
    Result<RatedService> defineService(const Actor& actor, CommunityId community, const ServiceInput& input);
    // Those who run the community (forbidden "service.forbidden"). A period
    // from `opens_at` (the epoch: now) to `closes_at`: invalid "label.invalid"
    // (1-50 characters), "rating_period.dates" (closes before it opens or
    // before now, or lasts more than kMaxRatingPeriod); conflict
    // "rating_period.overlap" (overlaps another period of the community);
    // not_found "community.not_found".
    Result<Period> openPeriod(const Actor& actor, CommunityId community, const std::string& label, Instant opens_at,
                              Instant closes_at);
    // Public. not_found "community.not_found".
    Result<Overview> overview(CommunityId community);
    // Public. not_found "rating_period.not_found".
    Result<PeriodView> period(const Actor& actor, std::int64_t id);
    // A verified resident of the period's community ("membership.*"), while
    // the period is open (conflict "rating_period.not_open"), once per
    // service (conflict "service_rating.exists"): invalid
    // "service_rating.stars" (1-5), "comment.invalid" (up to 500
    // characters); not_found "rating_period.not_found", "service.not_found"
    // (not a service of the period's community).
    Result<PeriodView> rate(const Actor& actor, std::int64_t period_id, std::int64_t service_id, std::int64_t stars,
                            const std::string& comment);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
