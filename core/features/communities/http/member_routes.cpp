#include "communities_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

// GET /api/v1/communities/{id}/members?status=pending
ApiResponse listMembers(domain::CommunityService& communities, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    std::optional<domain::MembershipStatus> status;
    const std::string status_text = call.query.get("status", "");
    if (!status_text.empty()) {
        domain::MembershipStatus s;
        if (!domain::parseMembershipStatus(status_text, &s)) {
            return fail(call, Status::invalid("query.status", "status is one of pending, verified, rejected."));
        }
        status = s;
    }
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"status"}));
    YISHI_HANDLER_ASSIGN(auto result, communities.members(call.actor, CommunityId(id), status, page));
    JsonWriter w;
    writePage(w, result, inLanguageOf(call, writeMember));
    return jsonResponse(200, w);
}

// POST /api/v1/communities/{id}/members/{user}/verification
ApiResponse decide(domain::CommunityService& communities, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::int64_t user, pathId(call, "user", "membership"));
    YISHI_HANDLER_ASSIGN(std::string decision_text, requireString(call.body, "decision"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    domain::VerificationDecision decision;
    if (!domain::parseVerificationDecision(decision_text, &decision)) {
        return fail(call, Status::invalid("body.decision", "decision is \"verify\" or \"reject\"."));
    }
    YISHI_HANDLER_ASSIGN(auto m,
                         communities.decide(call.actor, CommunityId(community), UserId(user), decision, reason));
    return jsonResponse(200, inLanguageOf(call, writeMembership), m);
}

// DELETE /api/v1/communities/{id}/membership
ApiResponse leave(domain::CommunityService& communities, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto m, communities.leave(call.actor, CommunityId(id)));
    return jsonResponse(200, inLanguageOf(call, writeMembership), m);
}

}  // namespace

void addMemberRoutes(Router& router, domain::CommunityService& communities) {
    router.add("GET", "/api/v1/communities/{id}/members", Access::kSession, with(communities, listMembers));
    router.add("DELETE", "/api/v1/communities/{id}/membership", Access::kSession, with(communities, leave));
    router.add("POST", "/api/v1/communities/{id}/members/{user}/verification", Access::kSession,
               with(communities, decide));
}

}  // namespace yishi::http
