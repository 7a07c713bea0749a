#include "handlers/handler_support.h"
#include "json_io.h"
#include "projects_routes.h"
#include "views.h"
#include "yishi/domain/project_service.h"

namespace yishi::http {

namespace {

using domain::ProjectService;

void projectSummaryMembers(JsonWriter& w, const domain::Project& p) {
    w.member("id", p.id.value);
    w.member("proposal_id", p.proposal_id.value);
    w.member("community_id", p.community_id.value);
    w.member("title", p.title);
    w.member("budget_fen", p.budget_fen);
    w.member("responsible", p.responsible);
    w.member("progress_percent", p.progress_percent);
    w.member("completed", p.completed);
    w.member("created_at", p.created_at.seconds());
    w.member("completed_at", orNull(p.completed_at));
}

void writeProjectSummary(JsonWriter& w, const domain::Project& p) {
    w.beginObject();
    projectSummaryMembers(w, p);
    w.endObject();
}

void writeProject(JsonWriter& w, const ProjectService::View& v) {
    w.beginObject();
    projectSummaryMembers(w, v.project);
    w.key("progress").beginArray();
    for (const domain::ProgressUpdate& u : v.progress) {
        w.beginObject()
            .member("percent", u.percent)
            .member("text", u.text)
            .member("date", u.date.seconds())
            .endObject();
    }
    w.endArray();
    w.key("expenses").beginArray();
    for (const domain::Expense& x : v.expenses) {
        auto corrected_by = v.corrected_by.find(x.id);
        w.beginObject()
            .member("id", x.id)
            .member("amount_fen", x.amount_fen)
            .member("purpose", x.purpose)
            .member("date", x.date.seconds());
        w.member("corrects", valueOrNull(x.corrects > 0, x.corrects));
        w.member("reason", x.reason);
        w.member("corrected_by", valueOrNull(corrected_by != v.corrected_by.end(),
                                             corrected_by == v.corrected_by.end() ? 0 : corrected_by->second));
        w.endObject();
    }
    w.endArray();
    w.member("spent_fen", v.spent_fen);
    w.member("over_budget", v.over_budget_fen > 0);
    w.member("over_budget_fen", v.over_budget_fen);
    w.key("ratings").beginObject();
    w.member("count", v.ratings);
    w.member("average", valueOrNull(v.ratings > 0, v.average_stars));
    w.member("mine", v.my_stars);
    w.key("items").beginArray();
    for (const auto& [rating, author_name] : v.rating_list) {
        w.beginObject()
            .member("stars", rating.stars)
            .member("comment", rating.comment)
            .member("rated_at", rating.rated_at.seconds());
        w.key("author").beginObject().member("display_name", author_name).endObject();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    w.member("completion_note", v.project.completion_note);
    w.endObject();
}

Result<Instant> optionalDate(const ApiCall& call) {
    if (!hasField(call.body, "date")) return Instant();
    return requireTime(call.body, "date");
}

// GET /api/v1/projects/{id}
ApiResponse get(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(auto v, projects.get(call.actor, domain::ProjectId(id)));
    return jsonResponse(200, writeProject, v);
}

// GET /api/v1/communities/{id}/projects
ApiResponse list(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, projects.list(CommunityId(community), page));
    JsonWriter w;
    writePage(w, result, writeProjectSummary);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// POST /api/v1/projects/{id}/progress
ApiResponse progress(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::int64_t percent, requireInt(call.body, "percent"));
    YISHI_HANDLER_ASSIGN(std::string text, requireString(call.body, "text"));
    YISHI_HANDLER_ASSIGN(Instant date, optionalDate(call));
    YISHI_HANDLER_ASSIGN(auto v, projects.reportProgress(call.actor, domain::ProjectId(id), percent, text, date));
    return jsonResponse(201, writeProject, v);
}

// POST /api/v1/projects/{id}/expenses
ApiResponse expense(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::int64_t amount, requireInt(call.body, "amount_fen"));
    YISHI_HANDLER_ASSIGN(std::string purpose, requireString(call.body, "purpose"));
    YISHI_HANDLER_ASSIGN(Instant date, optionalDate(call));
    if (hasField(call.body, "corrects")) {
        YISHI_HANDLER_ASSIGN(std::int64_t corrects, requireInt(call.body, "corrects"));
        std::string reason;
        if (hasField(call.body, "reason")) {
            YISHI_HANDLER_ASSIGN(reason, requireString(call.body, "reason"));
        }
        YISHI_HANDLER_ASSIGN(auto v, projects.correctExpense(call.actor, domain::ProjectId(id), corrects, amount,
                                                             purpose, reason, date));
        return jsonResponse(201, writeProject, v);
    }
    YISHI_HANDLER_ASSIGN(auto v, projects.addExpense(call.actor, domain::ProjectId(id), amount, purpose, date));
    return jsonResponse(201, writeProject, v);
}

// POST /api/v1/projects/{id}/completion
ApiResponse complete(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::string note, optionalString(call.body, "note", ""));
    YISHI_HANDLER_ASSIGN(auto v, projects.complete(call.actor, domain::ProjectId(id), note));
    return jsonResponse(200, writeProject, v);
}

// POST /api/v1/projects/{id}/ratings
ApiResponse rate(domain::ProjectService& projects, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "project"));
    YISHI_HANDLER_ASSIGN(std::int64_t stars, requireInt(call.body, "stars"));
    YISHI_HANDLER_ASSIGN(std::string comment, optionalString(call.body, "comment", ""));
    YISHI_HANDLER_ASSIGN(auto v, projects.rate(call.actor, domain::ProjectId(id), stars, comment));
    return jsonResponse(201, writeProject, v);
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
