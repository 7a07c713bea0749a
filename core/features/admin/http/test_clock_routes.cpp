#include "admin_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"

namespace yishi::http {

namespace {

// POST /api/v1/test/clock
ApiResponse advanceClock(domain::TestClockService& clock, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t seconds, requireInt(call.body, "advance_seconds"));
    YISHI_HANDLER_ASSIGN(Duration offset, clock.advance(call.actor, seconds));
    JsonWriter w;
    w.beginObject().member("offset_seconds", offset.seconds()).endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addTestClockRoutes(Router& router, domain::TestClockService& clock) {
    router.add("POST", "/api/v1/test/clock", Access::kSession, with(clock, advanceClock));
}

}  // namespace yishi::http
