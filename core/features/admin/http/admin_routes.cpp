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

}  // namespace

void addAdminRoutes(Router& router, domain::AdminService& admin) {
    router.add("POST", "/api/v1/districts/{id}/streets", Access::kSession, with(admin, createStreet));
    router.add("POST", "/api/v1/streets/{id}/communities", Access::kSession, with(admin, createCommunity));
    router.add("POST", "/api/v1/users/{id}/roles", Access::kSession, with(admin, grantRole));
}

}  // namespace yishi::http
