#include "communities_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

// GET /api/v1/communities?district={id}
ApiResponse listCommunities(domain::CommunityService& communities, ApiCall& call) {
    const std::string district = call.query.get("district", "");
    std::int64_t district_id = 0;
    if (district.empty()) {
        return fail(call, Status::invalid("query.district_required", "Say which district: ?district=<id>."));
    }
    if (!parsePositiveInt(district, &district_id)) {
        return fail(call, Status::notFound("district.not_found", "There is no such district."));
    }
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"district"}));
    YISHI_HANDLER_ASSIGN(auto result, communities.communities(DistrictId(district_id), page));
    JsonWriter w;
    writePage(w, result, writeCommunitySummary);
    return jsonResponse(200, w);
}

// GET /api/v1/communities/{id}
ApiResponse getCommunity(domain::CommunityService& communities, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto view, communities.community(call.actor, CommunityId(id)));
    return jsonResponse(200, writeCommunity, view);
}

// POST /api/v1/communities/{id}/join
ApiResponse join(domain::CommunityService& communities, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::string code, requireString(call.body, "join_code"));
    Result<domain::CommunityService::Joined> joined = Status::internal("http.unset", "unset");
    if (call.actor.isAuthenticated()) {
        joined = communities.join(call.actor, CommunityId(id), code);
    } else {
        domain::CommunityService::SignUp request;
        request.join_code = code;
        YISHI_HANDLER_ASSIGN(request.login, requireString(call.body, "login"));
        YISHI_HANDLER_ASSIGN(request.display_name, requireString(call.body, "display_name"));
        YISHI_HANDLER_ASSIGN(request.password, requireString(call.body, "password"));
        joined = communities.signUp(CommunityId(id), request, call.client_address);
    }
    if (!joined.isOk()) return fail(call, joined.status());
    JsonWriter w;
    w.beginObject();
    writeUser(w.key("user"), joined->user);
    writeMembership(w.key("membership"), joined->membership, call.language);
    w.endObject();
    return jsonResponse(201, w);
}

// GET /api/v1/districts/{id}
ApiResponse getDistrict(domain::CommunityService& communities, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto view, communities.district(DistrictId(id)));
    JsonWriter w;
    w.beginObject();
    w.member("id", view.district.id.value);
    w.member("name", view.district.name);
    w.key("streets").beginArray();
    for (const domain::Street& s : view.streets) writeStreet(w, s);
    w.endArray();
    w.endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addCommunityRoutes(Router& router, domain::CommunityService& communities) {
    router.add("GET", "/api/v1/districts/{id}", Access::kPublicCached, with(communities, getDistrict));
    router.add("GET", "/api/v1/communities", Access::kPublicCached, with(communities, listCommunities));
    router.add("GET", "/api/v1/communities/{id}", Access::kPublicCached, with(communities, getCommunity));
    router.add("POST", "/api/v1/communities/{id}/join", Access::kPublic, with(communities, join));
}

}  // namespace yishi::http
