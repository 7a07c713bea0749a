#include <Poco/JSON/Array.h>

#include "../json_io.h"
#include "../views.h"
#include "handler_support.h"
#include "handlers.h"

namespace yishi::http {

namespace {

// GET /api/v1/districts/{id}
ApiResponse getDistrict(ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto view, call.services.communities.district(DistrictId(id)));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", view.district.id.value);
    o->set("name", view.district.name);
    Poco::JSON::Array::Ptr streets = new Poco::JSON::Array;
    for (const domain::Street& s : view.streets) streets->add(streetView(s));
    o->set("streets", streets);
    return jsonResponse(200, o);
}

}  // namespace

void addDistrictRoutes(Router& router) {
    router.add("GET", "/api/v1/districts/{id}", Access::kPublic, getDistrict);
}

}  // namespace yishi::http
