#include "core_routes.h"
#include "handler_support.h"
#include "yishi/http/server.h"

namespace yishi::http {

void addHealthRoutes(Router& router, std::function<Status()> health, bool test_clock) {
    router.add("GET", "/api/v1/health", Access::kPublic, [health = std::move(health), test_clock](ApiCall& call) {
        const Status s = health();
        if (!s.isOk()) return fail(call, s);
        JsonWriter w;
        w.beginObject().member("status", "ok").member("test_clock", test_clock).endObject();
        return jsonResponse(200, w);
    });
}

void addCoreRoutes(Router& router, const ServerCore& core) {
    addHealthRoutes(router, core.health, core.test_clock);
    addSessionRoutes(router, core.auth);
}

}  // namespace yishi::http
