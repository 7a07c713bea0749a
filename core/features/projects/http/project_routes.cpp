#include <Poco/JSON/Array.h>

#include "projects_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"
#include "yishi/domain/project_service.h"

namespace yishi::http {

namespace {

using domain::ProjectService;

Poco::JSON::Object::Ptr projectSummaryView(const domain::Project& p) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", p.id.value);
    o->set("proposal_id", p.proposal_id.value);
    o->set("community_id", p.community_id.value);
    o->set("title", p.title);
    o->set("budget_fen", p.budget_fen);
    o->set("responsible", p.responsible);
    o->set("progress_percent", p.progress_percent);
    o->set("completed", p.completed);
    o->set("created_at", p.created_at.seconds());
    o->set("completed_at", orNull(p.completed_at));
    return o;
}

Poco::JSON::Object::Ptr projectView(const ProjectService::View& v) {
    Poco::JSON::Object::Ptr o = projectSummaryView(v.project);
    Poco::JSON::Array::Ptr progress = new Poco::JSON::Array;
    for (const domain::ProgressUpdate& u : v.progress) {
        Poco::JSON::Object::Ptr e = newObject();
        e->set("percent", u.percent);
        e->set("text", u.text);
        e->set("date", u.date.seconds());
        progress->add(e);
    }
    o->set("progress", progress);
    Poco::JSON::Array::Ptr expenses = new Poco::JSON::Array;
    for (const domain::Expense& x : v.expenses) {
        Poco::JSON::Object::Ptr e = newObject();
        e->set("amount_fen", x.amount_fen);
        e->set("purpose", x.purpose);
        e->set("date", x.date.seconds());
        expenses->add(e);
    }
    o->set("expenses", expenses);
    o->set("spent_fen", v.spent_fen);
    Poco::JSON::Object::Ptr ratings = newObject();
    ratings->set("count", v.ratings);
    ratings->set("average", valueOrNull(v.ratings > 0, v.average_stars));
    ratings->set("mine", valueOrNull(v.my_stars.has_value(), v.my_stars.value_or(0)));
    o->set("ratings", ratings);
    return o;
}

// Seconds since the epoch; unset (the epoch) when left out.
Result<Instant> optionalDate(const ApiCall& call) {
    if (!call.body || !call.body->has("date") || call.body->isNull("date")) return Instant();
    YISHI_ASSIGN_OR_RETURN(std::int64_t seconds, requireInt(call.body, "date"));
    return Instant::fromSeconds(seconds);
}

// GET /api/v1/projects/{id}
ApiResponse get(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(auto v, projects.get(call.actor, domain::ProjectId(id)));
    return jsonResponse(200, projectView(v));
}

// GET /api/v1/communities/{id}/projects
ApiResponse list(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, projects.list(CommunityId(community), page));
    return jsonResponse(200, pageView(result, projectSummaryView));
}

// POST /api/v1/projects/{id}/progress
ApiResponse progress(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::int64_t percent, requireInt(call.body, "percent"));
    YISHI_HANDLER_ASSIGN(std::string text, requireString(call.body, "text"));
    YISHI_HANDLER_ASSIGN(Instant date, optionalDate(call));
    YISHI_HANDLER_ASSIGN(auto v, projects.reportProgress(call.actor, domain::ProjectId(id),
                                                                       percent, text, date));
    return jsonResponse(201, projectView(v));
}

// POST /api/v1/projects/{id}/expenses
ApiResponse expense(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::int64_t amount, requireInt(call.body, "amount_fen"));
    YISHI_HANDLER_ASSIGN(std::string purpose, requireString(call.body, "purpose"));
    YISHI_HANDLER_ASSIGN(Instant date, optionalDate(call));
    YISHI_HANDLER_ASSIGN(auto v, projects.addExpense(call.actor, domain::ProjectId(id), amount,
                                                                   purpose, date));
    return jsonResponse(201, projectView(v));
}

// POST /api/v1/projects/{id}/completion
ApiResponse complete(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::string note, optionalString(call.body, "note", ""));
    YISHI_HANDLER_ASSIGN(auto v, projects.complete(call.actor, domain::ProjectId(id), note));
    return jsonResponse(200, projectView(v));
}

// POST /api/v1/projects/{id}/ratings
ApiResponse rate(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::int64_t stars, requireInt(call.body, "stars"));
    YISHI_HANDLER_ASSIGN(std::string comment, optionalString(call.body, "comment", ""));
    YISHI_HANDLER_ASSIGN(auto v, projects.rate(call.actor, domain::ProjectId(id),
                                                             stars, comment));
    return jsonResponse(201, projectView(v));
}

}  // namespace

void addProjectRoutes(Router& router, domain::ProjectService& projects) {
    router.add("GET", "/api/v1/communities/{id}/projects", Access::kPublicCached, with(projects, list));
    router.add("GET", "/api/v1/projects/{id}", Access::kPublicCached, with(projects, get));
    router.add("POST", "/api/v1/projects/{id}/progress", Access::kSession, with(projects, progress));
    router.add("POST", "/api/v1/projects/{id}/expenses", Access::kSession, with(projects, expense));
    router.add("POST", "/api/v1/projects/{id}/completion", Access::kSession, with(projects, complete));
    router.add("POST", "/api/v1/projects/{id}/ratings", Access::kSession, with(projects, rate));
}

}  // namespace yishi::http
