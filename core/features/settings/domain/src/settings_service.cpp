#include "yishi/domain/settings_service.h"
#include "yishi/common/english_count.h"
#include "yishi/domain/settings_changes.h"

namespace yishi::domain {

namespace {

Status districtNotFound(DistrictId district) {
    return Status::notFound("district.not_found", "No district with id " + std::to_string(district.value) + ".");
}

std::string summary(const DistrictSettings& s) {
    std::string text = "first response " + std::to_string(s.rules.first_response.hours()) + " h, decision " +
                       std::to_string(s.rules.decision_working_days) + " wd, escalation " +
                       std::to_string(s.rules.escalation_working_days) + " wd, auto-hide " +
                       countOf(s.auto_hide_reports, "report", "reports") + ", edit window " +
                       std::to_string(s.comment_edit_window.seconds()) + " s, " +
                       countOf(static_cast<std::int64_t>(s.holidays.size()), "holiday", "holidays");
    return text;
}

}  // namespace

SettingsService::SettingsService(Database& db, const Clock& clock, DistrictSettings defaults)
    : db_(db), clock_(clock), defaults_(std::move(defaults)) {}

Result<SettingsService::View> SettingsService::get(DistrictId district) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        if (!s.scopes.district(district)) return districtNotFound(district);
        std::optional<DistrictSettings> own = s.scopes.districtSettings(district);
        view.district_specific = own.has_value();
        view.settings = own ? *own : defaults_;
        return Status::ok();
    }));
    return view;
}

Result<SettingsService::View> SettingsService::update(const Actor& actor, DistrictId district,
                                                      const DistrictSettings& settings) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateDistrictSettings(settings));
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) -> Status {
        if (!s.scopes.district(district)) return districtNotFound(district);
        if (!actor.isDistrictAdmin(district))
            return Status::forbidden("district.forbidden", "Only an admin of this district changes its settings.");
        const Instant now = clock_.now();
        s.scopes.saveDistrictSettings(district, settings, actor.userId(), now);
        s.record(
            {changes::kDistrictSettingsChanged, now, actor.userId(), district.value, CommunityId(), summary(settings)});
        return Status::ok();
    }));
    return View{settings, true};
}

}  // namespace yishi::domain
