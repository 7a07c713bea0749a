#include "handlers/handler_support.h"
#include "json_io.h"
#include "polls_routes.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::ServiceRatingService;

void writeService(JsonWriter& w, const domain::RatedService& s) {
    w.beginObject()
        .member("id", s.id)
        .member("community_id", s.community_id.value)
        .member("kind", domain::serviceKindName(s.kind))
        .member("name", s.name)
        .member("description", s.description)
        .member("created_at", s.created_at.seconds())
        .endObject();
}

void periodMembers(JsonWriter& w, const ServiceRatingService::Period& p) {
    w.member("id", p.period.id);
    w.member("community_id", p.period.community_id.value);
    w.member("label", p.period.label);
    w.member("opens_at", p.period.opens_at.seconds());
    w.member("closes_at", p.period.closes_at.seconds());
    w.member("state", domain::ratingPeriodStateName(p.state));
}

void writePeriod(JsonWriter& w, const ServiceRatingService::Period& p) {
    w.beginObject();
    periodMembers(w, p);
    w.endObject();
}

// A figure: the count always; the average and the stars once the period closed.
void figureMembers(JsonWriter& w, const domain::ServicePeriodFigures& f, bool closed) {
    w.member("ratings", f.ratings);
    w.member("average", valueOrNull(closed && f.ratings > 0, f.average));
    w.key("stars");
    if (!closed) {
        w.null();
        return;
    }
    w.beginArray();
    for (std::int64_t n : f.stars) w.value(n);
    w.endArray();
}

void writeOverview(JsonWriter& w, std::int64_t community, const ServiceRatingService::Overview& o) {
    w.beginObject();
    w.member("community_id", community);
    w.key("periods").beginArray();
    for (const ServiceRatingService::Period& p : o.periods) writePeriod(w, p);
    w.endArray();
    w.key("services").beginArray();
    for (const domain::RatedService& s : o.services) {
        w.beginObject();
        w.member("id", s.id);
        w.member("kind", domain::serviceKindName(s.kind));
        w.member("name", s.name);
        w.member("description", s.description);
        w.key("series").beginArray();
        for (std::size_t i = 0; i < o.periods.size(); ++i) {
            for (const domain::ServicePeriodFigures& f : o.figures) {
                if (f.period_id != o.periods[i].period.id || f.service_id != s.id) continue;
                const bool closed = o.periods[i].state == domain::RatingPeriodState::kClosed;
                w.beginObject();
                w.member("period_id", f.period_id);
                w.member("label", o.periods[i].period.label);
                figureMembers(w, f, closed);
                w.endObject();
            }
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

void writePeriodView(JsonWriter& w, const ServiceRatingService::PeriodView& v) {
    const bool closed = v.period.state == domain::RatingPeriodState::kClosed;
    w.beginObject();
    periodMembers(w, v.period);
    w.key("services").beginArray();
    for (std::size_t i = 0; i < v.services.size(); ++i) {
        const domain::RatedService& s = v.services[i];
        w.beginObject();
        w.member("id", s.id);
        w.member("kind", domain::serviceKindName(s.kind));
        w.member("name", s.name);
        w.member("description", s.description);
        figureMembers(w, v.figures[i], closed);
        bool mine = false;
        for (std::int64_t id : v.rated_by_me) mine = mine || id == s.id;
        w.member("rated_by_me", mine);
        w.key("comments").beginArray();
        for (const ServiceRatingService::Comment& c : v.comments) {
            if (c.service_id != s.id) continue;
            w.beginObject().member("stars", c.stars).member("text", c.text).member("at", c.at.seconds()).endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.member("may_rate", v.may_rate);
    w.endObject();
}

// GET /api/v1/communities/{id}/service-ratings
ApiResponse overview(ServiceRatingService& ratings, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto o, ratings.overview(CommunityId(community)));
    JsonWriter w;
    writeOverview(w, community, o);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// GET /api/v1/rating-periods/{id}
ApiResponse period(ServiceRatingService& ratings, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "rating_period"));
    YISHI_HANDLER_ASSIGN(auto v, ratings.period(call.actor, id));
    return jsonResponse(200, writePeriodView, v);
}

// POST /api/v1/communities/{id}/services
ApiResponse defineService(ServiceRatingService& ratings, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"kind", "name", "description"}));
    ServiceRatingService::ServiceInput in;
    YISHI_HANDLER_ASSIGN(std::string kind, requireString(call.body, "kind"));
    if (!domain::parseServiceKind(kind, &in.kind)) {
        return fail(call, Status::invalid("service.kind", "kind is property, owners_committee or other."));
    }
    YISHI_HANDLER_ASSIGN(in.name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(in.description, optionalString(call.body, "description", ""));
    YISHI_HANDLER_ASSIGN(auto s, ratings.defineService(call.actor, CommunityId(community), in));
    return jsonResponse(201, writeService, s);
}

// POST /api/v1/communities/{id}/rating-periods
ApiResponse openPeriod(ServiceRatingService& ratings, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"label", "opens_at", "closes_at"}));
    YISHI_HANDLER_ASSIGN(std::string label, requireString(call.body, "label"));
    Instant opens_at;
    if (hasField(call.body, "opens_at")) {
        YISHI_HANDLER_ASSIGN(opens_at, requireTime(call.body, "opens_at"));
    }
    YISHI_HANDLER_ASSIGN(Instant closes_at, requireTime(call.body, "closes_at"));
    YISHI_HANDLER_ASSIGN(auto p, ratings.openPeriod(call.actor, CommunityId(community), label, opens_at, closes_at));
    return jsonResponse(201, writePeriod, p);
}

// POST /api/v1/rating-periods/{id}/ratings
ApiResponse rate(ServiceRatingService& ratings, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "rating_period"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"service_id", "stars", "comment"}));
    YISHI_HANDLER_ASSIGN(std::int64_t service, requireInt(call.body, "service_id"));
    YISHI_HANDLER_ASSIGN(std::int64_t stars, requireInt(call.body, "stars"));
    YISHI_HANDLER_ASSIGN(std::string comment, optionalString(call.body, "comment", ""));
    YISHI_HANDLER_ASSIGN(auto v, ratings.rate(call.actor, id, service, stars, comment));
    return jsonResponse(201, writePeriodView, v);
}

}  // namespace

void addServiceRatingRoutes(Router& router, ServiceRatingService& ratings) {
    router.add("GET", "/api/v1/communities/{id}/service-ratings", Access::kPublicCached, with(ratings, overview));
    router.add("GET", "/api/v1/rating-periods/{id}", Access::kPublicCached, with(ratings, period));
    router.add("POST", "/api/v1/communities/{id}/services", Access::kSession, with(ratings, defineService));
    router.add("POST", "/api/v1/communities/{id}/rating-periods", Access::kSession, with(ratings, openPeriod));
    router.add("POST", "/api/v1/rating-periods/{id}/ratings", Access::kSession, with(ratings, rate));
}

}  // namespace yishi::http
