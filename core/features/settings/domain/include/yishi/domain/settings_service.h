#pragma once

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/district_settings.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Reading and changing a district's settings. Thread-safe.
class SettingsService {
  public:
    // `defaults`: what districts without their own settings use (the server
    // configuration).
    SettingsService(Database& db, const Clock& clock, DistrictSettings defaults);

    struct View {
        DistrictSettings settings;
        bool district_specific = false;
    };
    // Public: the deadlines are a public commitment. not_found "district.not_found".
    Result<View> get(DistrictId district);

    // District admins (forbidden "district.forbidden"); the whole set at once,
    // validated (invalid "settings.*"), audited as "district.settings_changed".
    // Applies to what happens next: deadlines already set stay as they were.
    Result<View> update(const Actor& actor, DistrictId district, const DistrictSettings& settings);

  private:
    Database& db_;
    const Clock& clock_;
    DistrictSettings defaults_;
};

}  // namespace yishi::domain
