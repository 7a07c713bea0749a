#include "yishi/domain/district_settings.h"

#include "yishi/domain/ports.h"

namespace yishi::domain {

Status validateDistrictSettings(const DistrictSettings& s) {
    auto out = [](const char* field, const char* range) {
        return Status::invalid(std::string("settings.") + field, std::string(field) + " must be " + range + ".");
    };
    if (s.rules.first_response < Duration::hours(1) || s.rules.first_response > Duration::hours(720))
        return out("first_response_hours", "1 to 720");
    if (s.rules.decision_working_days < 1 || s.rules.decision_working_days > 30)
        return out("decision_working_days", "1 to 30");
    if (s.rules.escalation_working_days < 1 || s.rules.escalation_working_days > 60)
        return out("escalation_working_days", "1 to 60");
    if (s.auto_hide_reports < 1 || s.auto_hide_reports > 100) return out("auto_hide_reports", "1 to 100");
    if (s.comment_edit_window < Duration() || s.comment_edit_window > Duration::days(1))
        return out("comment_edit_window_seconds", "0 to 86400");
    if (s.holidays.size() > 200) return out("holidays", "at most 200 dates");
    // One date per list element: "2026-10-01,2026-10-02" in one element is
    // the config file's form, not the API's.
    for (const auto& day : s.holidays) {
        auto parsed = WorkingCalendar::parseHolidays(day);
        if (!parsed.isOk() || parsed->size() != 1 || *parsed->begin() != day)
            return Status::invalid("settings.holidays",
                                   "holidays must be a JSON list of \"YYYY-MM-DD\" dates, such as "
                                   "[\"2026-10-01\", \"2026-10-02\"]; not a date: \"" +
                                       day + "\".");
    }
    return Status::ok();
}

DistrictSettings effectiveSettings(Stores& stores, DistrictId district, const DistrictSettings& defaults) {
    std::optional<DistrictSettings> own = stores.scopes.districtSettings(district);
    return own ? *own : defaults;
}

}  // namespace yishi::domain
