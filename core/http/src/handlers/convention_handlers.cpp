#include <Poco/JSON/Array.h>

#include "../json_io.h"
#include "../views.h"
#include "handler_support.h"
#include "handlers.h"
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
    o->set("created_at", c.created_at);
    return o;
}

Poco::JSON::Object::Ptr versionView(const domain::ConventionVersion& v) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("version", v.version);
    o->set("text", v.text);
    o->set("proposal_id", v.proposal_id.value);
    o->set("adopted_at", v.adopted_at);
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
        e->set("adopted_at", version.adopted_at);
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
ApiResponse list(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, call.services.conventions.list(CommunityId(community), page));
    return jsonResponse(200, pageView(result, conventionSummaryView));
}

// GET /api/v1/conventions/{id}
ApiResponse get(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(auto v, call.services.conventions.get(call.actor, domain::ConventionId(id)));
    return jsonResponse(200, conventionView(v));
}

// GET /api/v1/conventions/{id}/versions/{version}
ApiResponse version(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(std::int64_t number, pathId(call, "version", "convention.version"));
    YISHI_HANDLER_ASSIGN(auto v, call.services.conventions.version(domain::ConventionId(id), static_cast<int>(number)));
    return jsonResponse(200, versionView(v));
}

// GET /api/v1/conventions/{id}/diff?from=1&to=2
ApiResponse diff(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(int from, versionNumber(call.query.get("from", ""), "from"));
    YISHI_HANDLER_ASSIGN(int to, versionNumber(call.query.get("to", ""), "to"));
    YISHI_HANDLER_ASSIGN(auto lines, call.services.conventions.diff(domain::ConventionId(id), from, to));
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
ApiResponse acknowledge(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "convention"));
    YISHI_HANDLER_ASSIGN(auto v, call.services.conventions.acknowledge(call.actor, domain::ConventionId(id)));
    return jsonResponse(201, conventionView(v));
}

}  // namespace

void addConventionRoutes(Router& router) {
    router.add("GET", "/api/v1/communities/{id}/conventions", Access::kPublicCached, list);
    router.add("GET", "/api/v1/conventions/{id}", Access::kPublicCached, get);
    router.add("GET", "/api/v1/conventions/{id}/versions/{version}", Access::kPublicCached, version);
    router.add("GET", "/api/v1/conventions/{id}/diff", Access::kPublicCached, diff);
    router.add("POST", "/api/v1/conventions/{id}/acknowledgements", Access::kSession, acknowledge);
}

}  // namespace yishi::http
