#include <Poco/JSON/Array.h>

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
    YISHI_HANDLER_ASSIGN(auto session,
                         auth.login(login, password, call.client_address));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("user", userView(session.user));
    o->set("csrf_token", session.session.csrf_token);
    o->set("expires_at", session.session.expires_at.seconds());
    ApiResponse r;
    if (bearer) {
        // Scripts keep the token themselves; browsers never see it (HttpOnly cookie).
        o->set("token", session.token);
        r = jsonResponse(201, o);
    } else {
        r = jsonResponse(201, o);
        r.headers.emplace_back("Set-Cookie",
                               sessionCookie(session.token,
                                             (session.session.expires_at - session.session.created_at).seconds(),
                                             call.options.secure_cookies));
    }
    return r;
}

// DELETE /api/v1/sessions/current
ApiResponse logout(domain::AuthService& auth, ApiCall& call) {
    const Status s = auth.logout(call.session_token);
    if (!s.isOk()) return fail(call, s);
    // 200 with a body rather than 204: every response carries a Content-Length.
    Poco::JSON::Object::Ptr o = newObject();
    o->set("status", "logged_out");
    ApiResponse r = jsonResponse(200, o);
    if (call.session_from_cookie) {
        r.headers.emplace_back("Set-Cookie", expiredSessionCookie(call.options.secure_cookies));
    }
    return r;
}

// GET /api/v1/me
ApiResponse me(ApiCall& call) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("user", userView(call.actor.user()));
    Poco::JSON::Array::Ptr roles = new Poco::JSON::Array;
    for (const domain::RoleGrant& g : call.actor.grants()) roles->add(grantView(g));
    o->set("roles", roles);
    Poco::JSON::Array::Ptr memberships = new Poco::JSON::Array;
    for (const domain::Membership& m : call.actor.memberships()) memberships->add(membershipView(m));
    o->set("memberships", memberships);
    if (call.session_from_cookie) o->set("csrf_token", call.session->csrf_token);
    o->set("session_expires_at", call.session->expires_at.seconds());
    return jsonResponse(200, o);
}

}  // namespace

void addSessionRoutes(Router& router, domain::AuthService& auth) {
    router.add("POST", "/api/v1/sessions", Access::kPublic, with(auth, login));
    router.add("DELETE", "/api/v1/sessions/current", Access::kSession, with(auth, logout));
    router.add("GET", "/api/v1/me", Access::kSession, me);
}

}  // namespace yishi::http
