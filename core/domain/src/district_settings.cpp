#include "yishi/domain/district_settings.h"

#include "yishi/domain/ports.h"

namespace yishi::domain {

Status validateDistrictSettings(const DistrictSettings& s) {
    auto out = [](const char* field, const char* range) {
        return Status::invalid(std::string("settings.") + field, std::string(field) + " must be " + range + ".");
    };
    if (s.rules.first_response_seconds < 3600 || s.rules.first_response_seconds > 720 * 3600)
        return out("first_response_hours", "1 to 720");
    if (s.rules.decision_working_days < 1 || s.rules.decision_working_days > 30)
        return out("decision_working_days", "1 to 30");
    if (s.rules.escalation_working_days < 1 || s.rules.escalation_working_days > 60)
        return out("escalation_working_days", "1 to 60");
    if (s.auto_hide_reports < 1 || s.auto_hide_reports > 100) return out("auto_hide_reports", "1 to 100");
    if (s.comment_edit_window_seconds < 0 || s.comment_edit_window_seconds > 86'400)
        return out("comment_edit_window_seconds", "0 to 86400");
    if (s.holidays.size() > 200) return out("holidays", "at most 200 dates");
    std::string joined;
    for (const auto& day : s.holidays) joined += (joined.empty() ? "" : ",") + day;
    auto parsed = WorkingCalendar::parseHolidays(joined);
    if (!parsed.isOk()) return Status::invalid("settings.holidays", parsed.status().message());
    return Status::ok();
}

DistrictSettings effectiveSettings(Stores& stores, DistrictId district, const DistrictSettings& defaults) {
    std::optional<DistrictSettings> own = stores.scopes.districtSettings(district);
    return own ? *own : defaults;
}

}  // namespace yishi::domain
