#include "yishi/domain/service_rating.h"

#include <map>
#include <utility>

namespace yishi::domain {

namespace {

constexpr std::pair<ServiceKind, const char*> kKinds[] = {{ServiceKind::kProperty, "property"},
                                                          {ServiceKind::kOwnersCommittee, "owners_committee"},
                                                          {ServiceKind::kOther, "other"}};

}  // namespace

const char* serviceKindName(ServiceKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "other";
}

bool parseServiceKind(const std::string& text, ServiceKind* kind) {
    for (const auto& [k, name] : kKinds) {
        if (text == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

const char* ratingPeriodStateName(RatingPeriodState state) {
    switch (state) {
        case RatingPeriodState::kUpcoming: return "upcoming";
        case RatingPeriodState::kOpen: return "open";
        case RatingPeriodState::kClosed: return "closed";
    }
    return "open";
}

RatingPeriodState ratingPeriodState(const RatingPeriod& period, Instant now) {
    if (now < period.opens_at) return RatingPeriodState::kUpcoming;
    if (now < period.closes_at) return RatingPeriodState::kOpen;
    return RatingPeriodState::kClosed;
}

std::vector<ServicePeriodFigures> computeServiceFigures(const std::vector<RatingPeriod>& periods,
                                                        const std::vector<RatedService>& services,
                                                        const std::vector<ServiceRating>& ratings) {
    std::map<std::pair<std::int64_t, std::int64_t>, ServicePeriodFigures> figures;
    for (const ServiceRating& r : ratings) {
        if (r.stars < kServiceMinStars || r.stars > kServiceMaxStars) continue;  // the table refuses them
        ServicePeriodFigures& f = figures[{r.period_id, r.service_id}];
        ++f.ratings;
        ++f.stars[static_cast<std::size_t>(r.stars - 1)];
    }
    std::vector<ServicePeriodFigures> out;
    for (const RatingPeriod& p : periods) {
        for (const RatedService& s : services) {
            ServicePeriodFigures f = figures[{p.id, s.id}];
            f.period_id = p.id;
            f.service_id = s.id;
            std::int64_t total = 0;
            for (std::size_t i = 0; i < f.stars.size(); ++i) total += f.stars[i] * static_cast<std::int64_t>(i + 1);
            if (f.ratings) f.average = static_cast<double>(total) / static_cast<double>(f.ratings);
            out.push_back(f);
        }
    }
    return out;
}

}  // namespace yishi::domain
