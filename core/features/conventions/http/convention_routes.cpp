#include "conventions_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"
#include "yishi/domain/convention_service.h"

namespace yishi::http {

namespace {

using domain::ConventionService;

void conventionSummaryMembers(JsonWriter& w, const domain::Convention& c) {
    w.member("id", c.id.value);
    w.member("community_id", c.community_id.value);
    w.member("title", c.title);
    w.member("current_version", c.current_version);
    w.member("created_at", c.created_at.seconds());
}

void writeConventionSummary(JsonWriter& w, const domain::Convention& c) {
    w.beginObject();
    conventionSummaryMembers(w, c);
    w.endObject();
}

void writeVersion(JsonWriter& w, const domain::ConventionVersion& v) {
    w.beginObject();
    w.member("version", v.version);
    w.member("text", v.text);
    w.member("proposal_id", v.proposal_id.value);
    w.member("adopted_at", v.adopted_at.seconds());
    w.endObject();
}

void writeConvention(JsonWriter& w, const ConventionService::View& v) {
    w.beginObject();
    conventionSummaryMembers(w, v.convention);
    w.member("text", v.current.text);
    w.key("versions").beginArray();
    for (const domain::ConventionVersion& version : v.versions) {
        w.beginObject();
        w.member("version", version.version);
        w.member("proposal_id", version.proposal_id.value);
        w.member("adopted_at", version.adopted_at.seconds());
        w.endObject();
    }
    w.endArray();
    w.member("acknowledgements", v.acknowledgements);
    w.member("acknowledged_by_me", v.acknowledged_by_me);
    w.endObject();
}

Result<int> versionNumber(const std::string& text, const std::string& what) {
    std::int64_t n = 0;
    if (!parsePositiveInt(text, &n) || n > 1'000'000) {
        return Status::invalid("query.version", what + " is a version number (1, 2, ...).");
    }
    return static_cast<int>(n);
}

// GET /api/v1/communities/{id}/conventions
ApiResponse list(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, conventions.list(CommunityId(community), page));
    JsonWriter w;
    writePage(w, result, writeConventionSummary);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// GET /api/v1/conventions/{id}
ApiResponse get(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(auto v, conventions.get(call.actor, domain::ConventionId(id)));
    return jsonResponse(200, writeConvention, v);
}

// GET /api/v1/conventions/{id}/versions/{version}
ApiResponse version(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(std::int64_t number, pathId(call, "version", "convention.version"));
    YISHI_HANDLER_ASSIGN(auto v, conventions.version(domain::ConventionId(id), static_cast<int>(number)));
    return jsonResponse(200, writeVersion, v);
}

// GET /api/v1/conventions/{id}/diff?from=1&to=2
ApiResponse diff(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(int from, versionNumber(call.query.get("from", ""), "from"));
    YISHI_HANDLER_ASSIGN(int to, versionNumber(call.query.get("to", ""), "to"));
    YISHI_HANDLER_ASSIGN(auto lines, conventions.diff(domain::ConventionId(id), from, to));
    JsonWriter w;
    w.beginObject().member("from", from).member("to", to).key("lines").beginArray();
    for (const domain::DiffLine& l : lines) {
        w.beginObject().member("op", std::string(1, l.op)).member("text", l.text).endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/conventions/{id}/acknowledgements
ApiResponse acknowledge(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(auto v, conventions.acknowledge(call.actor, domain::ConventionId(id)));
    return jsonResponse(201, writeConvention, v);
}

// POST /api/v1/proposals/{id}/rebases
ApiResponse rebase(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::int64_t onto, requireInt(call.body, "onto_version"));
    if (onto < 1 || onto > 1'000'000) {
        return fail(call, Status::invalid("body.onto_version", "onto_version is a version number (1, 2, ...)."));
    }
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto r,
                         conventions.rebase(call.actor, domain::ProposalId(id), static_cast<int>(onto), reason));
    JsonWriter w;
    w.beginObject();
    w.member("proposal_id", r.proposal_id.value);
    w.member("convention_id", r.convention_id.value);
    w.member("from_version", r.from_version);
    w.member("onto_version", r.onto_version);
    w.member("reason", r.reason);
    w.endObject();
    return jsonResponse(201, w);
}

}  // namespace

void addConventionRoutes(Router& router, domain::ConventionService& conventions) {
    router.add("GET", "/api/v1/communities/{id}/conventions", Access::kPublicCached, with(conventions, list));
    router.add("GET", "/api/v1/conventions/{id}", Access::kPublicCached, with(conventions, get));
    router.add("GET", "/api/v1/conventions/{id}/versions/{version}", Access::kPublicCached, with(conventions, version));
    router.add("GET", "/api/v1/conventions/{id}/diff", Access::kPublicCached, with(conventions, diff));
    router.add("POST", "/api/v1/conventions/{id}/acknowledgements", Access::kSession, with(conventions, acknowledge));
    router.add("POST", "/api/v1/proposals/{id}/rebases", Access::kSession, with(conventions, rebase));
}

}  // namespace yishi::http
