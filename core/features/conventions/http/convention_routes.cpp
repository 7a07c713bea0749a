#include <Poco/JSON/Array.h>

#include "conventions_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"
#include "yishi/domain/convention_service.h"

namespace yishi::http {

namespace {

using domain::ConventionService;

Poco::JSON::Object::Ptr conventionSummaryView(const domain::Convention& c) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", c.id.value);
    o->set("community_id", c.community_id.value);
    o->set("title", c.title);
    o->set("current_version", c.current_version);
    o->set("created_at", c.created_at.seconds());
    return o;
}

Poco::JSON::Object::Ptr versionView(const domain::ConventionVersion& v) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("version", v.version);
    o->set("text", v.text);
    o->set("proposal_id", v.proposal_id.value);
    o->set("adopted_at", v.adopted_at.seconds());
    return o;
}

Poco::JSON::Object::Ptr conventionView(const ConventionService::View& v) {
    Poco::JSON::Object::Ptr o = conventionSummaryView(v.convention);
    o->set("text", v.current.text);
    Poco::JSON::Array::Ptr versions = new Poco::JSON::Array;
    for (const domain::ConventionVersion& version : v.versions) {
        Poco::JSON::Object::Ptr e = newObject();
        e->set("version", version.version);
        e->set("proposal_id", version.proposal_id.value);
        e->set("adopted_at", version.adopted_at.seconds());
        versions->add(e);
    }
    o->set("versions", versions);
    o->set("acknowledgements", v.acknowledgements);
    o->set("acknowledged_by_me", v.acknowledged_by_me);
    return o;
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
    return jsonResponse(200, pageView(result, conventionSummaryView));
}

// GET /api/v1/conventions/{id}
ApiResponse get(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(auto v, conventions.get(call.actor, domain::ConventionId(id)));
    return jsonResponse(200, conventionView(v));
}

// GET /api/v1/conventions/{id}/versions/{version}
ApiResponse version(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(std::int64_t number, pathId(call, "version", "convention.version"));
    YISHI_HANDLER_ASSIGN(auto v, conventions.version(domain::ConventionId(id), static_cast<int>(number)));
    return jsonResponse(200, versionView(v));
}

// GET /api/v1/conventions/{id}/diff?from=1&to=2
ApiResponse diff(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(int from, versionNumber(call.query.get("from", ""), "from"));
    YISHI_HANDLER_ASSIGN(int to, versionNumber(call.query.get("to", ""), "to"));
    YISHI_HANDLER_ASSIGN(auto lines, conventions.diff(domain::ConventionId(id), from, to));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const domain::DiffLine& l : lines) {
        Poco::JSON::Object::Ptr e = newObject();
        e->set("op", std::string(1, l.op));
        e->set("text", l.text);
        items->add(e);
    }
    Poco::JSON::Object::Ptr o = newObject();
    o->set("from", from);
    o->set("to", to);
    o->set("lines", items);
    return jsonResponse(200, o);
}

// POST /api/v1/conventions/{id}/acknowledgements
ApiResponse acknowledge(domain::ConventionService& conventions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(auto v, conventions.acknowledge(call.actor, domain::ConventionId(id)));
    return jsonResponse(201, conventionView(v));
}

}  // namespace

void addConventionRoutes(Router& router, domain::ConventionService& conventions) {
    router.add("GET", "/api/v1/communities/{id}/conventions", Access::kPublicCached, with(conventions, list));
    router.add("GET", "/api/v1/conventions/{id}", Access::kPublicCached, with(conventions, get));
    router.add("GET", "/api/v1/conventions/{id}/versions/{version}", Access::kPublicCached, with(conventions, version));
    router.add("GET", "/api/v1/conventions/{id}/diff", Access::kPublicCached, with(conventions, diff));
    router.add("POST", "/api/v1/conventions/{id}/acknowledgements", Access::kSession, with(conventions, acknowledge));
}

}  // namespace yishi::http
