#include <cstdio>

#include "csv.h"
#include "dashboards_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::CommunityFigures;
using domain::DashboardService;
using domain::ProposalKind;
using domain::ProposalState;

constexpr ProposalKind kKinds[] = {ProposalKind::kProblem, ProposalKind::kWish, ProposalKind::kRule};

// Every state a public topic can be in (a draft is never public), in the lifecycle's order.
std::vector<ProposalState> publicStates() {
    std::vector<ProposalState> out;
    for (int s = 0; s <= static_cast<int>(ProposalState::kConvention); ++s) {
        if (static_cast<ProposalState>(s) != ProposalState::kDraft) out.push_back(static_cast<ProposalState>(s));
    }
    return out;
}

void writeFigures(JsonWriter& w, const CommunityFigures& f) {
    w.beginObject();
    w.member("computed_at", f.computed_at.seconds());
    w.key("topics").beginObject();
    w.member("total", domain::topicsTotal(f));
    w.key("by_kind").beginObject();
    for (ProposalKind k : kKinds) w.member(domain::proposalKindName(k), domain::topicsOfKind(f, k));
    w.endObject();
    // States and pairs with topics only: 566 rows of zeros would weigh more than the figures.
    w.key("by_state").beginObject();
    for (ProposalState s : publicStates()) {
        if (const std::int64_t n = domain::topicsInState(f, s)) w.member(domain::proposalStateName(s), n);
    }
    w.endObject();
    w.key("by_kind_and_state").beginObject();
    for (ProposalKind k : kKinds) {
        if (domain::topicsOfKind(f, k) == 0) continue;
        w.key(domain::proposalKindName(k)).beginObject();
        for (const domain::TopicCount& t : f.topics) {
            if (t.kind == k) w.member(domain::proposalStateName(t.state), t.count);
        }
        w.endObject();
    }
    w.endObject();
    w.endObject();
    w.member("overdue", f.overdue);
    w.key("cases")
        .beginObject()
        .member("total", f.cases)
        .member("closed", f.cases_closed)
        .member("closure_rate", domain::closureRate(f))
        .member("median_seconds_to_close", domain::medianSecondsToClose(f))
        .endObject();
    w.key("ratings")
        .beginObject()
        .member("count", f.ratings)
        .member("satisfied", f.satisfied)
        .member("satisfaction_rate", domain::satisfactionRate(f))
        .endObject();
    w.key("people").beginObject().member("members", f.members).member("active", f.active_people).endObject();
    w.key("points").beginObject().member("given", f.points_given).member("redeemed", f.points_redeemed).endObject();
    w.endObject();
}

void writeView(JsonWriter& w, const DashboardService::View& v) {
    w.beginObject();
    w.key("scope")
        .beginObject()
        .member("kind", domain::scopeKindName(v.scope.kind))
        .member("id", v.scope.id)
        .member("name", v.name)
        .endObject();
    w.member("now", v.now.seconds());
    w.member("pending", v.pending);
    w.member("active_window_days", domain::kActiveWindow.days());
    w.key("totals");
    writeFigures(w, v.totals);
    w.key("communities").beginArray();
    for (const DashboardService::Row& r : v.rows) {
        w.beginObject();
        w.member("id", r.community.id.value);
        w.member("name", r.community.name);
        w.member("street_id", r.community.street_id.value);
        w.member("street_name", r.street_name);
        w.key("figures");
        if (r.figures)
            writeFigures(w, *r.figures);
        else
            w.null();
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

std::string percent(std::optional<double> rate) {
    if (!rate) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", *rate * 100.0);
    return buffer;
}

std::string days(std::optional<std::int64_t> seconds) {
    if (!seconds) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(*seconds) / 86400.0);
    return buffer;
}

std::string csvLine(const std::string& street, const std::string& community, const std::string& id,
                    const CommunityFigures* f) {
    std::string out = id + "," + csvField(street) + "," + csvField(community);
    if (f == nullptr) return out + std::string(15, ',') + "\r\n";
    const auto n = [](std::int64_t v) { return std::to_string(v); };
    out += "," + n(domain::topicsTotal(*f));
    for (ProposalKind k : kKinds) out += "," + n(domain::topicsOfKind(*f, k));
    out += "," + n(f->overdue) + "," + n(f->cases) + "," + n(f->cases_closed) + "," + percent(domain::closureRate(*f)) +
           "," + days(domain::medianSecondsToClose(*f)) + "," + n(f->ratings) + "," +
           percent(domain::satisfactionRate(*f)) + "," + n(f->members) + "," + n(f->active_people) + "," +
           n(f->points_given) + "," + n(f->points_redeemed) + "\r\n";
    return out;
}

ApiResponse csvOf(const DashboardService::View& v, Language language) {
    const bool zh = language == Language::kZhCn;
    std::string out = kCsvByteOrderMark;
    out += zh ? "编号,街道,社区,议题,问题,心愿,规则,逾期,办件,办结,办结率（%）,办结用时中位数（天）,评价,满意率（%）,"
                "认证居民,活跃居民,发放积分,兑换积分\r\n"
              : "id,street,community,topics,problems,wishes,rules,overdue,cases,closed,closure_rate_percent,"
                "median_days_to_close,ratings,satisfaction_percent,verified_residents,active_residents,points_given,"
                "points_redeemed\r\n";
    for (const DashboardService::Row& r : v.rows) {
        out += csvLine(r.street_name, r.community.name, std::to_string(r.community.id.value),
                       r.figures ? &*r.figures : nullptr);
    }
    out += csvLine("", zh ? "合计" : "total", "", &v.totals);
    ApiResponse response;
    response.status = 200;
    response.body = std::move(out);
    response.content_type = "text/csv; charset=utf-8";
    response.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"dashboard-") +
                                                             domain::scopeKindName(v.scope.kind) + "-" +
                                                             std::to_string(v.scope.id) + ".csv\"");
    return response;
}

// GET /api/v1/districts/{id}/dashboard
ApiResponse district(DashboardService& dashboards, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto v, dashboards.district(call.actor, DistrictId(id)));
    return jsonResponse(200, writeView, v);
}

// GET /api/v1/districts/{id}/dashboard/export
ApiResponse districtCsv(DashboardService& dashboards, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto v, dashboards.district(call.actor, DistrictId(id)));
    return csvOf(v, call.language);
}

// GET /api/v1/streets/{id}/dashboard
ApiResponse street(DashboardService& dashboards, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "street"));
    YISHI_HANDLER_ASSIGN(auto v, dashboards.street(call.actor, StreetId(id)));
    return jsonResponse(200, writeView, v);
}

// GET /api/v1/streets/{id}/dashboard/export
ApiResponse streetCsv(DashboardService& dashboards, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "street"));
    YISHI_HANDLER_ASSIGN(auto v, dashboards.street(call.actor, StreetId(id)));
    return csvOf(v, call.language);
}

// ?source=kept (the default) or records.
Result<bool> fromRecords(const ApiCall& call) {
    const std::string source = call.query.get("source", "kept");
    if (source == "kept") return false;
    if (source == "records") return true;
    return Status::invalid("query.source", "source is kept or records.");
}

// GET /api/v1/communities/{id}/dashboard
ApiResponse community(DashboardService& dashboards, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call, {"source"}));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(bool records, fromRecords(call));
    YISHI_HANDLER_ASSIGN(auto v, dashboards.community(call.actor, CommunityId(id), records));
    return jsonResponse(200, writeView, v);
}

// GET /api/v1/communities/{id}/dashboard/export
ApiResponse communityCsv(DashboardService& dashboards, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto v, dashboards.community(call.actor, CommunityId(id), false));
    return csvOf(v, call.language);
}

}  // namespace

void addDashboardRoutes(Router& router, DashboardService& dashboards) {
    // Never through the public cache: each is for those who run the scope alone.
    router.add("GET", "/api/v1/districts/{id}/dashboard", Access::kSession, with(dashboards, district));
    router.add("GET", "/api/v1/districts/{id}/dashboard/export", Access::kSession, with(dashboards, districtCsv));
    router.add("GET", "/api/v1/streets/{id}/dashboard", Access::kSession, with(dashboards, street));
    router.add("GET", "/api/v1/streets/{id}/dashboard/export", Access::kSession, with(dashboards, streetCsv));
    router.add("GET", "/api/v1/communities/{id}/dashboard", Access::kSession, with(dashboards, community));
    router.add("GET", "/api/v1/communities/{id}/dashboard/export", Access::kSession, with(dashboards, communityCsv));
}

}  // namespace yishi::http
