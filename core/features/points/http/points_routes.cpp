#include "points_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

void ledgerMembers(JsonWriter& w, const domain::LedgerEntry& e) {
    w.member("id", e.id);
    w.member("delta", e.delta);
    w.member("rule", e.rule);
    w.member("reason", e.reason);
    w.member("at", e.at.seconds());
    w.member("event_id", valueOrNull(e.source_event > 0, e.source_event));
    w.member("redemption_id", valueOrNull(e.redemption.valid(), e.redemption.value));
    w.member("plugin", e.plugin);
}

void writeSkipped(JsonWriter& w, const domain::SkippedEvent& s) {
    w.beginObject();
    w.member("event_id", s.event_id);
    w.member("event_type", s.event_type);
    w.member("community_id", orNull(s.community.value));
    w.member("code", s.code);
    w.member("message", s.message);
    w.member("plugin", s.plugin);
    w.member("attempts", s.attempts);
    w.member("at", s.at.seconds());
    w.member("next_retry_at", orNull(s.next_retry_at));
    w.endObject();
}

void writeItem(JsonWriter& w, const domain::RewardItem& item) {
    w.beginObject();
    w.member("id", item.id.value);
    w.member("district_id", item.district.value);
    w.member("name", item.name);
    w.member("cost", item.cost);
    w.member("stock", item.stock);
    w.member("active", item.active);
    w.endObject();
}

void redemptionMembers(JsonWriter& w, const domain::Redemption& r) {
    w.member("id", r.id.value);
    w.member("reward_id", r.item.value);
    w.member("community_id", r.community.value);
    w.member("user_id", r.user.value);
    w.member("cost", r.cost);
    w.member("state", domain::redemptionStateName(r.state));
    w.member("created_at", r.created_at.seconds());
    w.member("handed_over_at", orNull(r.handed_over_at));
}

void writeRedemption(JsonWriter& w, const domain::Redemption& r) {
    w.beginObject();
    redemptionMembers(w, r);
    w.endObject();
}

// GET /api/v1/districts/{id}/points/mine
ApiResponse myPoints(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto statement, points.mine(call.actor, DistrictId(id), page));
    JsonWriter w;
    w.beginObject();
    writePageMembers(w, statement.entries, [&](JsonWriter& out, const domain::LedgerEntry& e) {
        out.beginObject();
        ledgerMembers(out, e);
        // A redemption's entry says what it was for and where it stands.
        auto gift = e.redemption.valid() ? statement.redeemed.find(e.redemption.value) : statement.redeemed.end();
        const bool known = gift != statement.redeemed.end();
        out.member("reward_name", valueOrNull(known, known ? gift->second.reward_name : std::string()));
        out.member("redemption_state",
                   valueOrNull(known, std::string(known ? domain::redemptionStateName(gift->second.state) : "")));
        out.member("handed_over_at", known ? orNull(gift->second.handed_over_at) : std::nullopt);
        out.endObject();
    });
    w.member("balance", statement.balance);
    w.endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/communities/{id}/volunteer-hours
ApiResponse logVolunteer(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::int64_t user, requireInt(call.body, "user_id"));
    YISHI_HANDLER_ASSIGN(std::int64_t minutes, requireInt(call.body, "minutes"));
    YISHI_HANDLER_ASSIGN(std::string description, requireString(call.body, "description"));
    YISHI_HANDLER_ASSIGN(std::int64_t event,
                         points.logVolunteerService(call.actor, CommunityId(id), UserId(user), minutes, description));
    JsonWriter w;
    w.beginObject().member("event_id", event).member("user_id", user).member("minutes", minutes).endObject();
    return jsonResponse(201, w);
}

// GET /api/v1/districts/{id}/rewards
ApiResponse listRewards(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto items, points.items(DistrictId(id)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& item : items) writeItem(w, item);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/districts/{id}/rewards
ApiResponse createReward(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
    YISHI_HANDLER_ASSIGN(std::int64_t cost, requireInt(call.body, "cost"));
    YISHI_HANDLER_ASSIGN(std::int64_t stock, requireInt(call.body, "stock"));
    YISHI_HANDLER_ASSIGN(auto item, points.createItem(call.actor, DistrictId(id), name, cost, stock));
    return jsonResponse(201, writeItem, item);
}

// PATCH /api/v1/rewards/{id}
ApiResponse updateReward(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "reward"));
    domain::PointsService::ItemChange change;
    if (call.body.find("name")) {
        YISHI_HANDLER_ASSIGN(std::string name, requireString(call.body, "name"));
        change.name = name;
    }
    YISHI_HANDLER_ASSIGN(change.cost, optionalInt(call.body, "cost"));
    YISHI_HANDLER_ASSIGN(change.stock, optionalInt(call.body, "stock"));
    if (call.body.find("active")) {
        YISHI_HANDLER_ASSIGN(bool active, optionalBool(call.body, "active", true));
        change.active = active;
    }
    YISHI_HANDLER_ASSIGN(auto item, points.updateItem(call.actor, domain::RewardItemId(id), change));
    return jsonResponse(200, writeItem, item);
}

// POST /api/v1/rewards/{id}/redemptions
ApiResponse redeem(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "reward"));
    YISHI_HANDLER_ASSIGN(std::string key, requireString(call.body, "idempotency_key"));
    YISHI_HANDLER_ASSIGN(auto redeemed, points.redeem(call.actor, domain::RewardItemId(id), key));
    JsonWriter w;
    w.beginObject();
    redemptionMembers(w, redeemed.redemption);
    w.member("balance", redeemed.balance);
    w.endObject();
    return jsonResponse(redeemed.created ? 201 : 200, w);
}

// POST /api/v1/redemptions/{id}/handover
ApiResponse handOver(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "redemption"));
    YISHI_HANDLER_ASSIGN(auto r, points.handOver(call.actor, domain::RedemptionId(id)));
    return jsonResponse(200, writeRedemption, r);
}

// GET /api/v1/communities/{id}/redemptions?state=requested|handed_over
ApiResponse communityRedemptions(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto page, pageRequest(call, {"state"}));
    const std::string state_text = call.query.get("state", "");
    std::optional<domain::RedemptionState> state;
    if (state_text == "requested")
        state = domain::RedemptionState::kRequested;
    else if (state_text == "handed_over")
        state = domain::RedemptionState::kHandedOver;
    else if (!state_text.empty())
        return fail(call, Status::invalid("query.state", "state is requested or handed_over."));
    YISHI_HANDLER_ASSIGN(auto redemptions, points.communityRedemptions(call.actor, CommunityId(id), state, page));
    JsonWriter w;
    writePage(w, redemptions, [](JsonWriter& out, const domain::PointsService::RedemptionView& v) {
        out.beginObject();
        redemptionMembers(out, v.redemption);
        out.key("user").beginObject().member("id", v.redemption.user.value).member("display_name", v.user_name);
        out.endObject();
        out.key("reward").beginObject().member("id", v.redemption.item.value).member("name", v.reward_name);
        out.member("cost", v.reward_cost).endObject();
        out.endObject();
    });
    return jsonResponse(200, w);
}

// GET /api/v1/districts/{id}/points/skipped
ApiResponse listSkipped(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto skipped, points.skipped(call.actor, DistrictId(id)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& s : skipped) writeSkipped(w, s);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/districts/{id}/points/skipped/{event}/retry
ApiResponse retrySkipped(domain::PointsService& points, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(std::int64_t event, pathId(call, "event", "event"));
    YISHI_HANDLER_ASSIGN(auto awards, points.retrySkipped(call.actor, DistrictId(id), event));
    JsonWriter w;
    w.beginObject().member("event_id", event).key("awards").beginArray();
    for (const auto& e : awards) {
        w.beginObject();
        w.member("user_id", e.user.value);
        w.member("delta", e.delta);
        w.member("rule", e.rule);
        w.member("plugin", e.plugin);
        w.endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
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
    router.add("GET", "/api/v1/districts/{id}/points/skipped", Access::kSession, with(points, listSkipped));
    router.add("POST", "/api/v1/districts/{id}/points/skipped/{event}/retry", Access::kSession,
               with(points, retrySkipped));
}

}  // namespace yishi::http
