#include "notifications_routes.h"

#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::NotificationService;

void writeItem(JsonWriter& w, const domain::Notification& n) {
    w.beginObject();
    w.member("id", n.id);
    w.member("kind", n.kind);
    w.member("detail", n.detail);
    w.member("subject_kind", n.subject_kind);
    w.member("subject_id", n.subject_id);
    w.member("community_id", orNull(n.community.value));
    w.member("actor_id", orNull(n.actor.value));
    w.member("title", n.title);
    w.member("urgent", n.urgent);
    w.member("created_at", n.created_at.seconds());
    w.member("read", n.read_at != Instant());
    w.member("read_at", orNull(n.read_at.seconds()));
    w.member("event_at", orNull(n.event_at));
    w.endObject();
}

void writeQuiet(JsonWriter& w, const char* key, const std::optional<domain::QuietHours>& q) {
    w.key(key);
    if (!q) {
        w.null();
        return;
    }
    w.beginObject().member("start", q->start).member("end", q->end).endObject();
}

void writePreferences(JsonWriter& w, const domain::NotificationPreferences& p) {
    w.beginObject();
    w.key("kinds").beginArray();
    for (const std::string& k : domain::notificationKinds()) w.value(k);
    w.endArray();
    w.key("muted").beginArray();
    for (const std::string& k : p.muted) w.value(k);
    w.endArray();
    w.member("webhook", p.webhook);
    w.member("email", p.email);
    writeQuiet(w, "quiet", p.quiet);
    w.endObject();
}

void writeDeliverySettings(JsonWriter& w, const domain::DeliverySettings& s) {
    w.beginObject();
    w.member("webhook_url", s.webhook_url);
    w.member("webhook_secret", s.webhook_secret);
    w.member("smtp_host", s.smtp_host);
    w.member("smtp_port", s.smtp_port);
    w.member("smtp_from", s.smtp_from);
    w.member("webhook_ca_pem", s.webhook_ca_pem);
    w.member("smtp_starttls", s.smtp_starttls);
    w.member("smtp_user", s.smtp_user);
    // The password is write-only: whether there is one, never what it is.
    w.member("smtp_password_set", !s.smtp_password.empty());
    writeQuiet(w, "quiet", s.quiet);
    w.member("updated_at", orNull(s.updated_at.seconds()));
    w.endObject();
}

void writeDelivery(JsonWriter& w, const domain::Delivery& d) {
    w.beginObject();
    w.member("id", d.id);
    w.member("notification_id", d.notification_id);
    w.member("channel", d.channel);
    w.member("target", d.target);
    w.member("status", domain::deliveryStatusName(d.status));
    w.member("attempts", d.attempts);
    w.member("next_attempt_at", d.next_attempt_at.seconds());
    w.member("last_error", d.last_error);
    w.member("created_at", d.created_at.seconds());
    w.member("sent_at", orNull(d.sent_at.seconds()));
    w.endObject();
}

void writeFollowing(JsonWriter& w, const bool& following) {
    w.beginObject().member("following", following).endObject();
}

Result<std::optional<domain::QuietHours>> quietOf(const Value& body) {
    const Value* q = body.find("quiet");
    if (q == nullptr || q->isNull()) return std::optional<domain::QuietHours>();
    if (!q->isObject()) {
        return Status::invalid("body.wrong_type", "Field \"quiet\" must be {\"start\": minutes, \"end\": minutes}.");
    }
    YISHI_RETURN_IF_ERROR(onlyFields(*q, {"start", "end"}));
    YISHI_ASSIGN_OR_RETURN(std::int64_t start, requireInt(*q, "start"));
    YISHI_ASSIGN_OR_RETURN(std::int64_t end, requireInt(*q, "end"));
    const auto minute = [](std::int64_t m) { return static_cast<int>(m < -1 || m > 100000 ? -1 : m); };
    return std::optional<domain::QuietHours>(domain::QuietHours{minute(start), minute(end)});
}

// GET /api/v1/me/notifications
ApiResponse inbox(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"unread"}));
    const std::string unread = call.query.get("unread", "");
    if (!unread.empty() && unread != "1" && unread != "0") {
        return fail(call, Status::invalid("query.unread", "unread is 1 (only unread items) or 0."));
    }
    YISHI_HANDLER_ASSIGN(auto result, n.inbox(call.actor, unread == "1", page));
    JsonWriter w;
    w.beginObject();
    writePageMembers(w, result.page, writeItem);
    w.member("unread", result.unread);
    w.endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/me/notifications/unread
ApiResponse unread(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t count, n.unreadCount(call.actor));
    JsonWriter w;
    w.beginObject().member("unread", count).endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/me/notifications/{id}/read
ApiResponse markRead(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "notification"));
    YISHI_HANDLER_ASSIGN(auto item, n.markRead(call.actor, id));
    return jsonResponse(200, writeItem, item);
}

// POST /api/v1/me/notifications/read-all
ApiResponse markAllRead(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t marked, n.markAllRead(call.actor));
    JsonWriter w;
    w.beginObject().member("marked", marked).member("unread", 0).endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/me/notification-preferences
ApiResponse getPreferences(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(auto prefs, n.preferences(call.actor));
    return jsonResponse(200, writePreferences, prefs);
}

// PUT /api/v1/me/notification-preferences: fields left out keep their value.
ApiResponse putPreferences(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"muted", "webhook", "email", "quiet"}));
    YISHI_HANDLER_ASSIGN(domain::NotificationPreferences prefs, n.preferences(call.actor));
    if (const Value* muted = call.body.find("muted")) {
        if (!muted->isArray()) {
            return fail(call, Status::invalid("body.wrong_type", "Field \"muted\" must be a list of kinds."));
        }
        prefs.muted.clear();
        for (const Value& k : muted->asArray()) {
            if (!k.isString()) {
                return fail(call, Status::invalid("body.wrong_type", "Field \"muted\" must be a list of kinds."));
            }
            prefs.muted.insert(k.asString());
        }
    }
    YISHI_HANDLER_ASSIGN(prefs.webhook, optionalBool(call.body, "webhook", prefs.webhook));
    YISHI_HANDLER_ASSIGN(prefs.email, optionalString(call.body, "email", prefs.email));
    if (hasField(call.body, "quiet")) {
        YISHI_HANDLER_ASSIGN(prefs.quiet, quietOf(call.body));
    }
    YISHI_HANDLER_ASSIGN(auto saved, n.savePreferences(call.actor, prefs));
    return jsonResponse(200, writePreferences, saved);
}

// GET /api/v1/proposals/{id}/follow
ApiResponse following(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(bool f, n.following(call.actor, id));
    return jsonResponse(200, writeFollowing, f);
}

// POST /api/v1/proposals/{id}/follow
ApiResponse follow(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(bool f, n.follow(call.actor, id));
    return jsonResponse(200, writeFollowing, f);
}

// DELETE /api/v1/proposals/{id}/follow
ApiResponse unfollow(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(bool f, n.unfollow(call.actor, id));
    return jsonResponse(200, writeFollowing, f);
}

// GET /api/v1/districts/{id}/notification-delivery
ApiResponse getDelivery(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto settings, n.deliverySettings(call.actor, DistrictId(id)));
    return jsonResponse(200, writeDeliverySettings, settings);
}

// PUT /api/v1/districts/{id}/notification-delivery: fields left out keep their value.
ApiResponse putDelivery(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"webhook_url", "webhook_ca_pem", "smtp_host", "smtp_port", "smtp_from",
                                               "smtp_starttls", "smtp_user", "smtp_password", "quiet", "new_secret"}));
    NotificationService::DeliveryInput in;
    const auto str = [&](const char* name, std::optional<std::string>& out) -> Status {
        if (!hasField(call.body, name)) return Status::ok();
        YISHI_ASSIGN_OR_RETURN(out, requireString(call.body, name));
        return Status::ok();
    };
    YISHI_HANDLER_CHECK(str("webhook_url", in.webhook_url));
    YISHI_HANDLER_CHECK(str("smtp_host", in.smtp_host));
    YISHI_HANDLER_CHECK(str("smtp_from", in.smtp_from));
    YISHI_HANDLER_CHECK(str("webhook_ca_pem", in.webhook_ca_pem));
    YISHI_HANDLER_CHECK(str("smtp_user", in.smtp_user));
    YISHI_HANDLER_CHECK(str("smtp_password", in.smtp_password));
    if (hasField(call.body, "smtp_starttls")) {
        YISHI_HANDLER_ASSIGN(in.smtp_starttls, optionalBool(call.body, "smtp_starttls", false));
    }
    YISHI_HANDLER_ASSIGN(in.smtp_port, optionalInt(call.body, "smtp_port"));
    YISHI_HANDLER_ASSIGN(in.new_secret, optionalBool(call.body, "new_secret", false));
    if (hasField(call.body, "quiet")) {
        YISHI_HANDLER_ASSIGN(in.quiet, quietOf(call.body));
    }
    YISHI_HANDLER_ASSIGN(auto settings, n.saveDeliverySettings(call.actor, DistrictId(id), in));
    return jsonResponse(200, writeDeliverySettings, settings);
}

// GET /api/v1/districts/{id}/notification-deliveries
ApiResponse deliveries(NotificationService& n, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, n.deliveries(call.actor, DistrictId(id), page));
    JsonWriter w;
    writePage(w, result, writeDelivery);
    return jsonResponse(200, w);
}

}  // namespace

void addNotificationRoutes(Router& router, NotificationService& n) {
    router.add("GET", "/api/v1/me/notifications", Access::kSession, with(n, inbox));
    router.add("GET", "/api/v1/me/notifications/unread", Access::kSession, with(n, unread));
    router.add("POST", "/api/v1/me/notifications/{id}/read", Access::kSession, with(n, markRead));
    router.add("POST", "/api/v1/me/notifications/read-all", Access::kSession, with(n, markAllRead));
    router.add("GET", "/api/v1/me/notification-preferences", Access::kSession, with(n, getPreferences));
    router.add("PUT", "/api/v1/me/notification-preferences", Access::kSession, with(n, putPreferences));
    router.add("GET", "/api/v1/proposals/{id}/follow", Access::kSession, with(n, following));
    router.add("POST", "/api/v1/proposals/{id}/follow", Access::kSession, with(n, follow));
    router.add("DELETE", "/api/v1/proposals/{id}/follow", Access::kSession, with(n, unfollow));
    router.add("GET", "/api/v1/districts/{id}/notification-delivery", Access::kSession, with(n, getDelivery));
    router.add("PUT", "/api/v1/districts/{id}/notification-delivery", Access::kSession, with(n, putDelivery));
    router.add("GET", "/api/v1/districts/{id}/notification-deliveries", Access::kSession, with(n, deliveries));
}

}  // namespace yishi::http
