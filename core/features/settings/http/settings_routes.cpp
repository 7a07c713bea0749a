#include <algorithm>

#include "settings_routes.h"

#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

void writeSettings(JsonWriter& w, const domain::SettingsService::View& view) {
    const domain::DistrictSettings& s = view.settings;
    w.beginObject();
    w.member("source", view.district_specific ? "district" : "default");
    w.member("first_response_hours", s.rules.first_response.hours());
    w.member("decision_working_days", s.rules.decision_working_days);
    w.member("escalation_working_days", s.rules.escalation_working_days);
    w.key("holidays").beginArray();
    for (const std::string& day : s.holidays) w.value(day);
    w.endArray();
    w.member("auto_hide_reports", s.auto_hide_reports);
    w.member("comment_edit_window_seconds", s.comment_edit_window.seconds());
    w.endObject();
}

// GET /api/v1/districts/{id}/settings
ApiResponse getSettings(domain::SettingsService& settings, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto view, settings.get(DistrictId(id)));
    return jsonResponse(200, writeSettings, view);
}

// PUT /api/v1/districts/{id}/settings: fields left out keep their value.
ApiResponse putSettings(domain::SettingsService& settings, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto current, settings.get(DistrictId(id)));
    domain::DistrictSettings s = current.settings;
    // A misspelt field would otherwise leave its setting unchanged in silence.
    if (Status known =
            onlyFields(call.body, {"first_response_hours", "decision_working_days", "escalation_working_days",
                                   "auto_hide_reports", "comment_edit_window_seconds", "holidays"});
        !known.isOk()) {
        return fail(call, known);
    }
    YISHI_HANDLER_ASSIGN(auto hours, optionalInt(call.body, "first_response_hours"));
    if (hours) s.rules.first_response = Duration::hours(*hours);
    YISHI_HANDLER_ASSIGN(auto decision, optionalInt(call.body, "decision_working_days"));
    if (decision) s.rules.decision_working_days = static_cast<int>(std::clamp<std::int64_t>(*decision, -1, 1000));
    YISHI_HANDLER_ASSIGN(auto escalation, optionalInt(call.body, "escalation_working_days"));
    if (escalation) s.rules.escalation_working_days = static_cast<int>(std::clamp<std::int64_t>(*escalation, -1, 1000));
    YISHI_HANDLER_ASSIGN(auto reports, optionalInt(call.body, "auto_hide_reports"));
    if (reports) s.auto_hide_reports = static_cast<int>(std::clamp<std::int64_t>(*reports, -1, 1000));
    YISHI_HANDLER_ASSIGN(auto window, optionalInt(call.body, "comment_edit_window_seconds"));
    if (window) s.comment_edit_window = Duration::seconds(*window);
    if (const Value* days = call.body.find("holidays")) {
        if (!days->isArray())
            return fail(call,
                        Status::invalid("body.holidays",
                                        "holidays is a JSON list of \"YYYY-MM-DD\" dates, such as [\"2026-10-01\"]."));
        s.holidays.clear();
        for (const Value& day : days->asArray()) {
            if (!day.isString())
                return fail(call, Status::invalid(
                                      "body.holidays",
                                      "holidays is a JSON list of \"YYYY-MM-DD\" dates, such as [\"2026-10-01\"]."));
            s.holidays.insert(day.asString());
        }
    }
    YISHI_HANDLER_ASSIGN(auto view, settings.update(call.actor, DistrictId(id), s));
    return jsonResponse(200, writeSettings, view);
}

}  // namespace

void addSettingsRoutes(Router& router, domain::SettingsService& settings) {
    router.add("GET", "/api/v1/districts/{id}/settings", Access::kPublic, with(settings, getSettings));
    router.add("PUT", "/api/v1/districts/{id}/settings", Access::kSession, with(settings, putSettings));
}

}  // namespace yishi::http
