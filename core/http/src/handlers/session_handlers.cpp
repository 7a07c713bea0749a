#include <algorithm>
#include <vector>

#include "../json_io.h"
#include "../session_cookie.h"
#include "../views.h"
#include "core_routes.h"
#include "handler_support.h"

namespace yishi::http {

namespace {

// POST /api/v1/sessions
ApiResponse login(domain::AuthService& auth, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::string login, requireString(call.body, "login"));
    YISHI_HANDLER_ASSIGN(std::string password, requireString(call.body, "password"));
    YISHI_HANDLER_ASSIGN(bool bearer, optionalBool(call.body, "bearer", false));
    YISHI_HANDLER_ASSIGN(auto session, auth.login({login, password, call.client_address,
                                                   cookieValue(call.cookie_header, kDeviceCookie)}));
    const bool secure = call.options.secure_cookies || call.over_https;
    JsonWriter w;
    w.beginObject();
    writeUser(w.key("user"), session.user);
    w.member("csrf_token", session.session.csrf_token);
    w.member("expires_at", session.session.expires_at.seconds());
    // Scripts keep the token themselves; browsers never see it (HttpOnly cookie).
    if (bearer) w.member("token", session.token);
    w.endObject();
    ApiResponse r = jsonResponse(201, w);
    if (!bearer) {
        // The device proof first, so that a client keeping only the last
        // Set-Cookie keeps the session. Scripts (bearer) get no cookies.
        r.headers.emplace_back("Set-Cookie", deviceCookie(session.device_token, secure));
        r.headers.emplace_back(
            "Set-Cookie",
            sessionCookie(session.token, (session.session.expires_at - session.session.created_at).seconds(), secure));
    }
    return r;
}

// DELETE /api/v1/sessions/current
ApiResponse logout(domain::AuthService& auth, ApiCall& call) {
    const Status s = auth.logout(call.session_token);
    if (!s.isOk()) return fail(call, s);
    // 200 with a body rather than 204: every response carries a Content-Length.
    JsonWriter w;
    w.beginObject().member("status", "logged_out").endObject();
    ApiResponse r = jsonResponse(200, w);
    if (call.session_from_cookie) {
        r.headers.emplace_back("Set-Cookie", expiredSessionCookie(call.options.secure_cookies || call.over_https));
    }
    return r;
}

// GET /api/v1/me
ApiResponse me(domain::AuthService& auth, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::vector<domain::Community> communities, auth.joinedCommunities(call.actor));
    JsonWriter w;
    w.beginObject();
    writeUser(w.key("user"), call.actor.user());
    w.key("roles").beginArray();
    for (const domain::RoleGrant& g : call.actor.roles()) writeGrant(w, g);
    w.endArray();
    w.key("memberships").beginArray();
    for (const domain::Membership& m : call.actor.memberships()) {
        auto c = std::find_if(communities.begin(), communities.end(),
                              [&](const domain::Community& x) { return x.id == m.community_id; });
        w.beginObject();
        membershipMembers(w, m, call.language);
        w.member("community_name", c == communities.end() ? std::string() : c->name);
        w.endObject();
    }
    w.endArray();
    if (call.session_from_cookie) w.member("csrf_token", call.session->csrf_token);
    w.member("session_expires_at", call.session->expires_at.seconds());
    w.endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/me/password
ApiResponse changePassword(domain::AuthService& auth, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::string current, requireString(call.body, "current_password"));
    YISHI_HANDLER_ASSIGN(std::string fresh, requireString(call.body, "new_password"));
    YISHI_HANDLER_ASSIGN(int ended, auth.changePassword(call.session_token, current, fresh));
    JsonWriter w;
    w.beginObject().member("status", "changed").member("sessions_ended", ended).endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addSessionRoutes(Router& router, domain::AuthService& auth) {
    router.add("POST", "/api/v1/sessions", Access::kPublic, with(auth, login));
    router.add("DELETE", "/api/v1/sessions/current", Access::kSession, with(auth, logout));
    router.add("GET", "/api/v1/me", Access::kSession, with(auth, me));
    router.add("POST", "/api/v1/me/password", Access::kSession, with(auth, changePassword));
}

}  // namespace yishi::http
