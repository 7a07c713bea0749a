#include <Poco/JSON/Array.h>

#include "points_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"

namespace yishi::http {

namespace {

Poco::JSON::Object::Ptr entryView(const domain::LedgerEntry& e) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", e.id);
    o->set("delta", e.delta);
    o->set("rule", e.rule);
    o->set("reason", e.reason);
    o->set("at", e.at.seconds());
    o->set("event_id", valueOrNull(e.source_event > 0, e.source_event));
    o->set("redemption_id", valueOrNull(e.redemption.valid(), e.redemption.value));
    return o;
}

Poco::JSON::Object::Ptr itemView(const domain::RewardItem& item) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", item.id.value);
    o->set("district_id", item.district.value);
    o->set("name", item.name);
    o->set("cost", item.cost);
    o->set("stock", item.stock);
    o->set("active", item.active);
    return o;
}

Poco::JSON::Object::Ptr redemptionView(const domain::Redemption& r) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", r.id.value);
    o->set("reward_id", r.item.value);
    o->set("community_id", r.community.value);
    o->set("user_id", r.user.value);
    o->set("cost", r.cost);
    o->set("state", domain::redemptionStateName(r.state));
    o->set("created_at", r.created_at.seconds());
    o->set("handed_over_at", orNull(r.handed_over_at));
    return o;
}

// GET /api/v1/districts/{id}/points/mine
ApiResponse myPoints(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto statement, points.mine(call.actor, DistrictId(id), page));
    Poco::JSON::Object::Ptr o = pageView(statement.entries, entryView);
    o->set("balance", statement.balance);
    return jsonResponse(200, o);
}

// POST /api/v1/communities/{id}/volunteer-hours
ApiResponse logVolunteer(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::int64_t user, requireInt(call.body, "user_id"));
    YISHI_HANDLER_ASSIGN(std::int64_t minutes, requireInt(call.body, "minutes"));
    YISHI_HANDLER_ASSIGN(std::string description, requireString(call.body, "description"));
    YISHI_HANDLER_ASSIGN(std::int64_t event, points.logVolunteerService(
                                                 call.actor, CommunityId(id), UserId(user), minutes, description));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("event_id", event);
    o->set("user_id", user);
    o->set("minutes", minutes);
    return jsonResponse(201, o);
}

// GET /api/v1/districts/{id}/rewards
ApiResponse listRewards(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto items, points.items(DistrictId(id)));
    Poco::JSON::Object::Ptr o = newObject();
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& item : items) list->add(itemView(item));
    o->set("items", list);
    return jsonResponse(200, o);
}

// POST /api/v1/districts/{id}/rewards
ApiResponse createReward(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(std::int64_t cost, requireInt(call.body, "cost"));
    YISHI_HANDLER_ASSIGN(std::int64_t stock, requireInt(call.body, "stock"));
    YISHI_HANDLER_ASSIGN(auto item, points.createItem(call.actor, DistrictId(id), name, cost, stock));
    return jsonResponse(201, itemView(item));
}

// PATCH /api/v1/rewards/{id}
ApiResponse updateReward(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "reward"));
    domain::PointsService::ItemChange change;
    if (call.body && call.body->has("name")) {
        YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
        change.name = name;
    }
    YISHI_HANDLER_ASSIGN(change.cost, optionalInt(call.body, "cost"));
    YISHI_HANDLER_ASSIGN(change.stock, optionalInt(call.body, "stock"));
    if (call.body && call.body->has("active")) {
        YISHI_HANDLER_ASSIGN(bool active, optionalBool(call.body, "active", true));
        change.active = active;
    }
    YISHI_HANDLER_ASSIGN(auto item, points.updateItem(call.actor, domain::RewardItemId(id), change));
    return jsonResponse(200, itemView(item));
}

// POST /api/v1/rewards/{id}/redemptions
ApiResponse redeem(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "reward"));
    YISHI_HANDLER_ASSIGN(std::string key, requireString(call.body, "idempotency_key"));
    YISHI_HANDLER_ASSIGN(auto redeemed, points.redeem(call.actor, domain::RewardItemId(id), key));
    Poco::JSON::Object::Ptr o = redemptionView(redeemed.redemption);
    o->set("balance", redeemed.balance);
    return jsonResponse(redeemed.created ? 201 : 200, o);
}

// POST /api/v1/redemptions/{id}/handover
ApiResponse handOver(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "redemption"));
    YISHI_HANDLER_ASSIGN(auto r, points.handOver(call.actor, domain::RedemptionId(id)));
    return jsonResponse(200, redemptionView(r));
}

// GET /api/v1/communities/{id}/redemptions?state=requested|handed_over
ApiResponse communityRedemptions(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto page, pageRequest(call));
    const std::string state_text = call.query.get("state", "");
    std::optional<domain::RedemptionState> state;
    if (state_text == "requested") state = domain::RedemptionState::kRequested;
    else if (state_text == "handed_over") state = domain::RedemptionState::kHandedOver;
    else if (!state_text.empty())
        return fail(call, Status::invalid("query.state", "state is requested or handed_over."));
    YISHI_HANDLER_ASSIGN(auto redemptions,
                         points.communityRedemptions(call.actor, CommunityId(id), state, page));
    return jsonResponse(200, pageView(redemptions, redemptionView));
}

}  // namespace

void addPointsRoutes(Router& router, domain::PointsService& points) {
    router.add("GET", "/api/v1/districts/{id}/points/mine", Access::kSession, with(points, myPoints));
    router.add("POST", "/api/v1/communities/{id}/volunteer-hours", Access::kSession, with(points, logVolunteer));
    router.add("GET", "/api/v1/districts/{id}/rewards", Access::kPublic, with(points, listRewards));
    router.add("POST", "/api/v1/districts/{id}/rewards", Access::kSession, with(points, createReward));
    router.add("PATCH", "/api/v1/rewards/{id}", Access::kSession, with(points, updateReward));
    router.add("POST", "/api/v1/rewards/{id}/redemptions", Access::kSession, with(points, redeem));
    router.add("POST", "/api/v1/redemptions/{id}/handover", Access::kSession, with(points, handOver));
    router.add("GET", "/api/v1/communities/{id}/redemptions", Access::kSession, with(points, communityRedemptions));
}

}  // namespace yishi::http
