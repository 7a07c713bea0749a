#include <Poco/JSON/Array.h>

#include "../json_io.h"
#include "../views.h"
#include "handler_support.h"
#include "handlers.h"

namespace yishi::http {

namespace {

// GET /api/v1/communities?district={id}
ApiResponse listCommunities(ApiCall& call) {
    const std::string district = call.query.get("district", "");
    std::int64_t district_id = 0;
    if (district.empty()) {
        return fail(call, Status::invalid("query.district_required",
                                          "Say which district: ?district=<id>."));
    }
    if (!parsePositiveInt(district, &district_id)) {
        return fail(call, Status::notFound("district.not_found", "There is no such district."));
    }
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result,
                         call.services.communities.communities(DistrictId(district_id), page));
    return jsonResponse(200, pageView(result, communitySummaryView));
}

// GET /api/v1/communities/{id}
ApiResponse getCommunity(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto view, call.services.communities.community(call.actor, CommunityId(id)));
    return jsonResponse(200, communityView(view));
}

// POST /api/v1/communities/{id}/join
ApiResponse join(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::string code, requireString(call.body, "join_code"));
    Result<domain::CommunityService::Joined> joined = Status::internal("http.unset", "unset");
    if (call.actor.isAuthenticated()) {
        joined = call.services.communities.join(call.actor, CommunityId(id), code);
    } else {
        domain::CommunityService::SignUp request;
        request.join_code = code;
        YISHI_HANDLER_ASSIGN(request.login, requireString(call.body, "login"));
        YISHI_HANDLER_ASSIGN(request.display_name, requireString(call.body, "display_name"));
        YISHI_HANDLER_ASSIGN(request.password, requireString(call.body, "password"));
        joined = call.services.communities.signUp(CommunityId(id), request);
    }
    if (!joined.isOk()) return fail(call, joined.status());
    Poco::JSON::Object::Ptr o = newObject();
    o->set("user", userView(joined->user));
    o->set("membership", membershipView(joined->membership));
    return jsonResponse(201, o);
}

}  // namespace

void addCommunityRoutes(Router& router) {
    router.add("GET", "/api/v1/communities", Access::kPublicCached, listCommunities);
    router.add("GET", "/api/v1/communities/{id}", Access::kPublicCached, getCommunity);
    router.add("POST", "/api/v1/communities/{id}/join", Access::kPublic, join);
}

}  // namespace yishi::http
