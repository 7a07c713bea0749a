#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// Regular ratings of the services a community lives with (docs/polls.md):
// the committee names the services (the property manager 物业, the owners'
// committee 业委会, ...) and opens rating periods (a month, a quarter);
// during a period each verified resident rates each service once, 1 to 5
// stars. A period's averages are published once it closes, and form a
// series over time.
enum class ServiceKind { kProperty, kOwnersCommittee, kOther };

const char* serviceKindName(ServiceKind kind);
bool parseServiceKind(const std::string& text, ServiceKind* kind);

struct RatedService {
    std::int64_t id = 0;
    CommunityId community_id;
    ServiceKind kind = ServiceKind::kOther;
    std::string name;
    std::string description;
    Instant created_at;
};

enum class RatingPeriodState { kUpcoming, kOpen, kClosed };
const char* ratingPeriodStateName(RatingPeriodState state);

struct RatingPeriod {
    std::int64_t id = 0;
    CommunityId community_id;
    std::string label;  // "2026 年 5 月"
    Instant opens_at;
    Instant closes_at;
    Instant created_at;
};

// Open from opens_at, closed from closes_at.
RatingPeriodState ratingPeriodState(const RatingPeriod& period, Instant now);

inline constexpr int kServiceMinStars = 1;
inline constexpr int kServiceMaxStars = 5;
// A period lasts at most a year and a day (a yearly rating, a little slack).
inline constexpr Duration kMaxRatingPeriod = Duration::days(366);

struct ServiceRating {
    std::int64_t period_id = 0;
    std::int64_t service_id = 0;
    UserId user;
    int stars = 0;
    std::string comment;
    Instant at;
};

// One service's figures in one period.
struct ServicePeriodFigures {
    std::int64_t period_id = 0;
    std::int64_t service_id = 0;
    std::int64_t ratings = 0;
    double average = 0;                      // 0 without ratings
    std::array<std::int64_t, 5> stars = {};  // how many gave 1, 2, 3, 4, 5 stars
};

// The figures of every (period, service) pair, periods in the order given,
// services in the order given within each, from the ratings alone.
std::vector<ServicePeriodFigures> computeServiceFigures(const std::vector<RatingPeriod>& periods,
                                                        const std::vector<RatedService>& services,
                                                        const std::vector<ServiceRating>& ratings);

}  // namespace yishi::domain
