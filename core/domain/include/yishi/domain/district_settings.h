#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"
#include "yishi/domain/deadlines.h"

namespace yishi::domain {

struct Stores;

// What each district decides for itself (issue 3): the response deadlines,
// its public holidays, after how many reports a comment is hidden, and how
// long a comment stays editable. A district without its own uses the
// server's configuration.
struct DistrictSettings {
    DeadlineRules rules;
    std::set<std::string> holidays;  // "YYYY-MM-DD"
    int auto_hide_reports = 3;
    Duration comment_edit_window = Duration::minutes(15);
};

// Ranges: first response 1–720 hours, decisions 1–30 and escalations 1–60
// working days, auto-hide after 1–100 reports, edit window 0–86,400 s, at
// most 200 holidays. invalid "settings.<field>" naming the range.
Status validateDistrictSettings(const DistrictSettings& settings);

// The district's own settings, or `defaults`.
DistrictSettings effectiveSettings(Stores& stores, DistrictId district, const DistrictSettings& defaults);

}  // namespace yishi::domain
