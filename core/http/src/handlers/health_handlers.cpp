#include "../json_io.h"
#include "handler_support.h"
#include "handlers.h"

namespace yishi::http {

void addHealthRoutes(Router& router) {
    router.add("GET", "/api/v1/health", Access::kPublic, [](ApiCall& call) {
        const Status s = call.services.health();
        if (!s.isOk()) return fail(call, s);
        Poco::JSON::Object::Ptr o = newObject();
        o->set("status", "ok");
        return jsonResponse(200, o);
    });
}

}  // namespace yishi::http
