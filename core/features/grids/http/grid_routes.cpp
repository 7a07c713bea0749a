#include "grids_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::GridService;

void writeEstate(JsonWriter& w, const domain::Estate& e) {
    w.beginObject();
    w.member("id", e.id);
    w.member("community_id", e.community_id.value);
    w.member("name", e.name);
    w.endObject();
}

void writeWorker(JsonWriter& w, const domain::User& u) {
    w.beginObject();
    w.member("id", u.id.value);
    w.member("display_name", u.display_name);
    w.endObject();
}

void writeGrid(JsonWriter& w, const domain::Grid& g) {
    w.beginObject();
    w.member("id", g.id);
    w.member("community_id", g.community_id.value);
    w.member("name", g.name);
    w.key("workers").beginArray();
    for (const domain::User& u : g.workers) writeWorker(w, u);
    w.endArray();
    w.endObject();
}

void writeHead(JsonWriter& w, const domain::BuildingHead& h) {
    w.beginObject();
    w.member("id", h.id);
    w.member("estate_id", h.estate_id);
    w.member("building", h.building);
    w.key("user");
    writeWorker(w, h.person);
    w.endObject();
}

void writeOverview(JsonWriter& w, const GridService::Overview& o) {
    w.beginObject();
    w.key("estates").beginArray();
    for (const domain::Estate& e : o.estates) {
        w.beginObject();
        w.member("id", e.id);
        w.member("community_id", e.community_id.value);
        w.member("name", e.name);
        w.key("building_heads").beginArray();
        for (const domain::BuildingHead& h : o.building_heads) {
            if (h.estate_id == e.id) writeHead(w, h);
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("grids").beginArray();
    for (const domain::Grid& g : o.grids) writeGrid(w, g);
    w.endArray();
    w.endObject();
}

void writePlace(JsonWriter& w, const GridService::PlaceView& v) {
    w.beginObject();
    w.member("proposal_id", v.proposal_id.value);
    w.key("estate");
    if (v.estate) {
        writeEstate(w, *v.estate);
    } else {
        w.null();
    }
    w.key("grid");
    if (v.grid) {
        writeGrid(w, *v.grid);
    } else {
        w.null();
    }
    w.member("may_change", v.may_change);
    w.endObject();
}

void writeTopic(JsonWriter& w, const GridService::Topic& t) {
    w.beginObject();
    w.member("id", t.id.value);
    w.member("title", t.title);
    w.member("kind", domain::proposalKindName(t.kind));
    w.member("state", domain::proposalStateName(t.state));
    w.member("created_at", t.created_at.seconds());
    w.endObject();
}

void writeMyEstate(JsonWriter& w, const std::int64_t& estate_id) {
    w.beginObject();
    w.member("estate_id", orNull(estate_id));
    w.endObject();
}

void writeResidentPlace(JsonWriter& w, const domain::ResidentPlace& p) {
    w.beginObject();
    w.key("user").beginObject().member("id", p.user.value).member("display_name", p.display_name).endObject();
    w.member("grid_id", orNull(p.grid_id));
    w.member("estate_id", orNull(p.estate_id));
    w.member("building", p.building);
    w.member("recorded_at", p.recorded_at.seconds());
    w.endObject();
}

// An id field that may be null or absent (0: none).
Result<std::int64_t> idOrNone(const Value& body, const std::string& name) {
    YISHI_ASSIGN_OR_RETURN(std::optional<std::int64_t> id, optionalInt(body, name));
    return id.value_or(0);
}

// GET /api/v1/communities/{id}/grids
ApiResponse overview(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto o, grids.overview(CommunityId(community)));
    return jsonResponse(200, writeOverview, o);
}

// POST /api/v1/communities/{id}/estates
ApiResponse createEstate(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"name"}));
    YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(auto e, grids.createEstate(call.actor, CommunityId(community), name));
    return jsonResponse(201, writeEstate, e);
}

// POST /api/v1/communities/{id}/grids
ApiResponse createGrid(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"name"}));
    YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(auto g, grids.createGrid(call.actor, CommunityId(community), name));
    return jsonResponse(201, writeGrid, g);
}

// POST /api/v1/grids/{id}/workers
ApiResponse addWorker(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t grid, pathId(call, "id", "grid"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"user_id"}));
    YISHI_HANDLER_ASSIGN(std::int64_t user, requireInt(call.body, "user_id"));
    YISHI_HANDLER_ASSIGN(auto g, grids.addWorker(call.actor, grid, UserId(user)));
    return jsonResponse(201, writeGrid, g);
}

// DELETE /api/v1/grids/{id}/workers/{user_id}
ApiResponse removeWorker(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t grid, pathId(call, "id", "grid"));
    YISHI_HANDLER_ASSIGN(std::int64_t user, pathId(call, "user_id", "user"));
    YISHI_HANDLER_ASSIGN(auto g, grids.removeWorker(call.actor, grid, UserId(user)));
    return jsonResponse(200, writeGrid, g);
}

// POST /api/v1/estates/{id}/building-heads
ApiResponse addBuildingHead(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t estate, pathId(call, "id", "estate"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"building", "user_id"}));
    YISHI_HANDLER_ASSIGN(std::string building, requireString(call.body, "building"));
    YISHI_HANDLER_ASSIGN(std::int64_t user, requireInt(call.body, "user_id"));
    YISHI_HANDLER_ASSIGN(auto h, grids.addBuildingHead(call.actor, estate, building, UserId(user)));
    return jsonResponse(201, writeHead, h);
}

// DELETE /api/v1/building-heads/{id}
ApiResponse removeBuildingHead(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t head, pathId(call, "id", "building_head"));
    YISHI_HANDLER_ASSIGN(auto h, grids.removeBuildingHead(call.actor, head));
    return jsonResponse(200, writeHead, h);
}

// GET /api/v1/communities/{id}/resident-places
ApiResponse roster(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto places, grids.roster(call.actor, CommunityId(community)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& p : places) writeResidentPlace(w, p);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// PUT /api/v1/communities/{id}/resident-places/{user_id}
ApiResponse recordPlace(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::int64_t user, pathId(call, "user_id", "user"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"grid_id", "estate_id", "building"}));
    domain::ResidentPlace place;
    place.user = UserId(user);
    YISHI_HANDLER_ASSIGN(place.grid_id, idOrNone(call.body, "grid_id"));
    YISHI_HANDLER_ASSIGN(place.estate_id, idOrNone(call.body, "estate_id"));
    YISHI_HANDLER_ASSIGN(place.building, optionalString(call.body, "building", ""));
    YISHI_HANDLER_ASSIGN(auto saved, grids.recordPlace(call.actor, CommunityId(community), place));
    return jsonResponse(200, writeResidentPlace, saved);
}

// GET /api/v1/proposals/{id}/place
ApiResponse place(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto v, grids.place(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, writePlace, v);
}

// PUT /api/v1/proposals/{id}/place
ApiResponse setPlace(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"estate_id", "grid_id"}));
    YISHI_HANDLER_ASSIGN(std::int64_t estate, idOrNone(call.body, "estate_id"));
    YISHI_HANDLER_ASSIGN(std::int64_t grid, idOrNone(call.body, "grid_id"));
    YISHI_HANDLER_ASSIGN(auto v, grids.setPlace(call.actor, domain::ProposalId(id), estate, grid));
    return jsonResponse(200, writePlace, v);
}

// GET /api/v1/communities/{id}/estates/{estate_id}/proposals
ApiResponse topicsIn(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::int64_t estate, pathId(call, "estate_id", "estate"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, grids.topicsIn(CommunityId(community), estate, page));
    JsonWriter w;
    writePage(w, result, writeTopic);
    return jsonResponse(200, w);
}

// GET /api/v1/communities/{id}/my-estate
ApiResponse myEstate(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::int64_t estate, grids.myEstate(call.actor, CommunityId(community)));
    return jsonResponse(200, writeMyEstate, estate);
}

// PUT /api/v1/communities/{id}/my-estate
ApiResponse setMyEstate(GridService& grids, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"estate_id"}));
    YISHI_HANDLER_ASSIGN(std::int64_t estate, idOrNone(call.body, "estate_id"));
    YISHI_HANDLER_ASSIGN(std::int64_t saved, grids.setMyEstate(call.actor, CommunityId(community), estate));
    return jsonResponse(200, writeMyEstate, saved);
}

}  // namespace

void addGridRoutes(Router& router, GridService& grids) {
    router.add("GET", "/api/v1/communities/{id}/grids", Access::kPublicCached, with(grids, overview));
    router.add("POST", "/api/v1/communities/{id}/estates", Access::kSession, with(grids, createEstate));
    router.add("POST", "/api/v1/communities/{id}/grids", Access::kSession, with(grids, createGrid));
    router.add("POST", "/api/v1/grids/{id}/workers", Access::kSession, with(grids, addWorker));
    router.add("DELETE", "/api/v1/grids/{id}/workers/{user_id}", Access::kSession, with(grids, removeWorker));
    router.add("POST", "/api/v1/estates/{id}/building-heads", Access::kSession, with(grids, addBuildingHead));
    router.add("DELETE", "/api/v1/building-heads/{id}", Access::kSession, with(grids, removeBuildingHead));
    router.add("GET", "/api/v1/communities/{id}/resident-places", Access::kSession, with(grids, roster));
    router.add("PUT", "/api/v1/communities/{id}/resident-places/{user_id}", Access::kSession, with(grids, recordPlace));
    // Not cached: a draft's place changes without a Change (its trace is not public yet).
    router.add("GET", "/api/v1/proposals/{id}/place", Access::kPublic, with(grids, place));
    router.add("PUT", "/api/v1/proposals/{id}/place", Access::kSession, with(grids, setPlace));
    router.add("GET", "/api/v1/communities/{id}/estates/{estate_id}/proposals", Access::kPublicCached,
               with(grids, topicsIn));
    router.add("GET", "/api/v1/communities/{id}/my-estate", Access::kSession, with(grids, myEstate));
    router.add("PUT", "/api/v1/communities/{id}/my-estate", Access::kSession, with(grids, setMyEstate));
}

}  // namespace yishi::http
