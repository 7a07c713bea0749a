#include "yishi/domain/service_rating_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/polls_changes.h"
#include "yishi/domain/polls_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status noCommunity() { return Status::notFound("community.not_found", "There is no such community."); }
Status noPeriod() { return Status::notFound("rating_period.not_found", "There is no such rating period."); }

Status requireKeeper(const Actor& actor, const Community& community) {
    if (actor.canManage(community)) return Status::ok();
    return Status::forbidden("service.forbidden", "Only this community's committee sets up its service ratings.");
}

ServiceRatingService::PeriodView periodViewOf(Stores& s, const Actor& actor, const RatingPeriod& p, Instant now) {
    ServiceRatingStore& store = s.get<ServiceRatingStore>();
    ServiceRatingService::PeriodView v;
    v.period = {p, ratingPeriodState(p, now)};
    v.services = store.services(p.community_id);
    const std::vector<ServiceRating> ratings = store.ratingsOfPeriod(p.id);
    v.figures = computeServiceFigures({p}, v.services, ratings);
    const bool closed = v.period.state == RatingPeriodState::kClosed;
    for (const ServiceRating& r : ratings) {
        if (actor.isAuthenticated() && r.user == actor.userId()) v.rated_by_me.push_back(r.service_id);
        if (closed && !r.comment.empty()) v.comments.push_back({r.service_id, r.stars, r.comment, r.at});
    }
    v.may_rate = v.period.state == RatingPeriodState::kOpen && actor.requireVerifiedResident(p.community_id).isOk();
    return v;
}

}  // namespace

ServiceRatingService::ServiceRatingService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<RatedService> ServiceRatingService::defineService(const Actor& actor, CommunityId community,
                                                         const ServiceInput& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("name", input.name, 100));
    YISHI_RETURN_IF_ERROR(validateText("description", input.description, 1000));
    RatedService service;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        YISHI_RETURN_IF_ERROR(requireKeeper(actor, *c));
        service.community_id = community;
        service.kind = input.kind;
        service.name = input.name;
        service.description = input.description;
        service.created_at = clock_.now();
        service.id = s.get<ServiceRatingStore>().insertService(service);
        s.record({changes::kServiceDefined, service.created_at, actor.userId(), service.id, community, service.name});
        return Status::ok();
    }));
    return service;
}

Result<ServiceRatingService::Period> ServiceRatingService::openPeriod(const Actor& actor, CommunityId community,
                                                                      const std::string& label, Instant opens_at,
                                                                      Instant closes_at) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("label", label, 50));
    const Instant now = clock_.now();
    RatingPeriod p;
    p.community_id = community;
    p.label = label;
    p.opens_at = opens_at != Instant() ? opens_at : now;
    p.closes_at = closes_at;
    p.created_at = now;
    if (p.closes_at <= p.opens_at || p.closes_at <= now || p.closes_at - p.opens_at > kMaxRatingPeriod) {
        return Status::invalid("rating_period.dates",
                               "A rating period closes after it opens and after now, and lasts at most a year.");
    }
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        YISHI_RETURN_IF_ERROR(requireKeeper(actor, *c));
        for (const RatingPeriod& other : s.get<ServiceRatingStore>().periods(community)) {
            if (p.opens_at < other.closes_at && other.opens_at < p.closes_at) {
                return Status::conflict("rating_period.overlap", "This period overlaps \"" + other.label +
                                                                     "\"; a resident rates once a period.");
            }
        }
        p.id = s.get<ServiceRatingStore>().insertPeriod(p);
        s.record({changes::kRatingPeriodOpened, now, actor.userId(), p.id, community, p.label});
        return Status::ok();
    }));
    return Period{p, ratingPeriodState(p, now)};
}

Result<ServiceRatingService::Overview> ServiceRatingService::overview(CommunityId community) {
    Overview out;
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community)) return noCommunity();
        ServiceRatingStore& store = s.get<ServiceRatingStore>();
        out.services = store.services(community);
        std::vector<RatingPeriod> periods = store.periods(community);
        out.figures = computeServiceFigures(periods, out.services, store.ratings(community));
        for (RatingPeriod& p : periods) {
            const RatingPeriodState state = ratingPeriodState(p, now);
            out.periods.push_back({std::move(p), state});
        }
        return Status::ok();
    }));
    return out;
}

Result<ServiceRatingService::PeriodView> ServiceRatingService::period(const Actor& actor, std::int64_t id) {
    PeriodView view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<RatingPeriod> p = s.get<ServiceRatingStore>().period(id);
        if (!p) return noPeriod();
        view = periodViewOf(s, actor, *p, clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<ServiceRatingService::PeriodView> ServiceRatingService::rate(const Actor& actor, std::int64_t period_id,
                                                                    std::int64_t service_id, std::int64_t stars,
                                                                    const std::string& comment) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (stars < kServiceMinStars || stars > kServiceMaxStars) {
        return Status::invalid("service_rating.stars", "A service is rated with 1 to 5 stars.");
    }
    YISHI_RETURN_IF_ERROR(validateText("comment", comment, 500));
    PeriodView view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        ServiceRatingStore& store = s.get<ServiceRatingStore>();
        std::optional<RatingPeriod> p = store.period(period_id);
        if (!p) return noPeriod();
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(p->community_id));
        std::optional<RatedService> service = store.service(service_id);
        if (!service || service->community_id != p->community_id) {
            return Status::notFound("service.not_found", "This community rates no such service.");
        }
        const Instant now = clock_.now();
        if (ratingPeriodState(*p, now) != RatingPeriodState::kOpen) {
            return Status::conflict("rating_period.not_open", "This rating period is not open.");
        }
        if (!store.insertRating({p->id, service->id, actor.userId(), static_cast<int>(stars), comment, now})) {
            return Status::conflict("service_rating.exists", "You rated this service in this period already.");
        }
        s.record({changes::kServiceRated, now, actor.userId(), service->id, p->community_id, p->label, actor.userId(),
                  stars});
        view = periodViewOf(s, actor, *p, now);
        return Status::ok();
    }));
    return view;
}

}  // namespace yishi::domain
