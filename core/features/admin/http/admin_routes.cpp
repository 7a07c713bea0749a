#include "admin_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

// POST /api/v1/districts/{id}/streets
ApiResponse createStreet(domain::AdminService& admin, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t district, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(auto street, admin.createStreet(call.actor, DistrictId(district), name));
    return jsonResponse(201, writeStreet, street);
}

// POST /api/v1/streets/{id}/communities
ApiResponse createCommunity(domain::AdminService& admin, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t street, pathId(call, "id", "street"));
    YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(auto community, admin.createCommunity(call.actor, StreetId(street), name));
    return jsonResponse(201, writeCreatedCommunity, community);
}

// POST /api/v1/users/{id}/roles
ApiResponse grantRole(domain::AdminService& admin, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t user, pathId(call, "id", "user"));
    YISHI_HANDLER_ASSIGN(std::string role_text, requireString(call.body, "role"));
    YISHI_HANDLER_ASSIGN(Value scope, requireObject(call.body, "scope"));
    YISHI_HANDLER_ASSIGN(std::string kind_text, requireString(scope, "kind"));
    YISHI_HANDLER_ASSIGN(std::int64_t scope_id, requireInt(scope, "id"));
    domain::Role role;
    if (!domain::parseRole(role_text, &role)) {
        return fail(call, Status::invalid("body.role",
                                          "role is one of resident, committee, "
                                          "street_staff, district_admin, observer."));
    }
    domain::ScopeRef ref;
    if (!domain::parseScopeKind(kind_text, &ref.kind)) {
        return fail(call, Status::invalid("body.scope", "scope.kind is district, street or community."));
    }
    ref.id = scope_id;
    YISHI_HANDLER_ASSIGN(auto grant, admin.grantRole(call.actor, UserId(user), role, ref));
    JsonWriter w;
    w.beginObject();
    writeGrantMembers(w, grant);
    w.member("user_id", grant.user_id.value);
    w.endObject();
    return jsonResponse(201, w);
}

// The role and scope of a grant or revocation body.
Result<std::pair<domain::Role, domain::ScopeRef>> roleAndScope(const ApiCall& call) {
    YISHI_ASSIGN_OR_RETURN(std::string role_text, requireString(call.body, "role"));
    YISHI_ASSIGN_OR_RETURN(Value scope, requireObject(call.body, "scope"));
    YISHI_ASSIGN_OR_RETURN(std::string kind_text, requireString(scope, "kind"));
    YISHI_ASSIGN_OR_RETURN(std::int64_t scope_id, requireInt(scope, "id"));
    domain::Role role;
    if (!domain::parseRole(role_text, &role))
        return Status::invalid("body.role",
                               "role is one of resident, committee, street_staff, district_admin, observer.");
    domain::ScopeRef ref;
    if (!domain::parseScopeKind(kind_text, &ref.kind))
        return Status::invalid("body.scope", "scope.kind is district, street or community.");
    ref.id = scope_id;
    return std::make_pair(role, ref);
}

// POST /api/v1/users/{id}/roles/revocation
ApiResponse revokeRole(domain::AdminService& admin, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t user, pathId(call, "id", "user"));
    YISHI_HANDLER_ASSIGN(auto role_scope, roleAndScope(call));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto revoked,
                         admin.revokeRole(call.actor, UserId(user), role_scope.first, role_scope.second, reason));
    JsonWriter w;
    w.beginObject();
    writeGrantMembers(w, revoked);
    w.member("user_id", revoked.user_id.value);
    w.member("reason", reason);
    w.endObject();
    return jsonResponse(200, w);
}

// A time bound of the query, in seconds (absent: none).
Result<Instant> queryTime(const ApiCall& call, const std::string& name) {
    const std::string text = call.query.get(name, "");
    if (text.empty()) return Instant();
    std::int64_t seconds = 0;
    if (!parsePositiveInt(text, &seconds))
        return Status::invalid("query." + name, name + " is a time in seconds since the epoch.");
    return Instant::fromSeconds(seconds);
}

void writeAuditEntry(JsonWriter& w, const domain::AuditEntry& e, Language language) {
    w.beginObject();
    w.member("id", e.id);
    w.member("at", e.at.seconds());
    w.member("actor_id", orNull(e.actor.value));
    w.member("action", e.action);
    w.member("subject_kind", e.subject_kind);
    w.member("subject_id", e.subject_id);
    w.member("community_id", orNull(e.community.value));
    w.member("reason", renderStoredText(e.reason, language, e.action));
    w.endObject();
}

// GET /api/v1/districts/{id}/audit?community=&kind=&since=&until=&limit=&cursor=
ApiResponse auditLog(domain::AdminService& admin, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t district, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto page, pageRequest(call, {"community", "kind", "since", "until"}));
    domain::AuditQuery query;
    const std::string community = call.query.get("community", "");
    if (!community.empty()) {
        std::int64_t id = 0;
        if (!parsePositiveInt(community, &id))
            return fail(call, Status::invalid("query.community", "community is a community id."));
        query.community = CommunityId(id);
    }
    query.kind = call.query.get("kind", "");
    if (query.kind.size() > 100) return fail(call, Status::invalid("query.kind", "kind is an action or its prefix."));
    YISHI_HANDLER_ASSIGN(query.since, queryTime(call, "since"));
    YISHI_HANDLER_ASSIGN(query.until, queryTime(call, "until"));
    YISHI_HANDLER_ASSIGN(auto entries, admin.auditLog(call.actor, DistrictId(district), query, page));
    JsonWriter w;
    writePage(w, entries, inLanguageOf(call, writeAuditEntry));
    return jsonResponse(200, w);
}

}  // namespace

void addAdminRoutes(Router& router, domain::AdminService& admin) {
    router.add("POST", "/api/v1/districts/{id}/streets", Access::kSession, with(admin, createStreet));
    router.add("POST", "/api/v1/streets/{id}/communities", Access::kSession, with(admin, createCommunity));
    router.add("POST", "/api/v1/users/{id}/roles", Access::kSession, with(admin, grantRole));
    router.add("POST", "/api/v1/users/{id}/roles/revocation", Access::kSession, with(admin, revokeRole));
    router.add("GET", "/api/v1/districts/{id}/audit", Access::kSession, with(admin, auditLog));
}

}  // namespace yishi::http
