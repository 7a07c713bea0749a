#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "yishi/common/result.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// China Standard Time, UTC+8 all year: the zone yishi assumes unless told.
inline constexpr Duration kChinaUtcOffset = Duration::hours(8);

// Working days in the district's time zone: Monday to Friday, minus public
// holidays. (Make-up working weekends, 调休, are not modelled yet.)
class WorkingCalendar {
  public:
    // `holidays` are "YYYY-MM-DD" dates; `utc_offset` is the district's
    // offset from UTC (China: 8 hours).
    WorkingCalendar(std::set<std::string> holidays, Duration utc_offset);

    // Parses "2026-10-01,2026-10-02". invalid "holidays.invalid" on a bad date.
    static Result<std::set<std::string>> parseHolidays(const std::string& text);

    bool isWorkingDay(Instant at) const;
    // The same local time `days` working days after `from`: one working day
    // after Friday 10:00 is Monday 10:00. When `from` is not itself a working
    // day, counting starts at the next working day's start (09:00 is not
    // assumed; the day's beginning is).
    Instant addWorkingDays(Instant from, int days) const;

    // "YYYY-MM-DD" of `at` in the district's time zone.
    std::string localDate(Instant at) const;

    const std::set<std::string>& holidays() const { return holidays_; }
    Duration utcOffset() const { return offset_; }

  private:
    std::set<std::string> holidays_;
    Duration offset_;
};

// The response deadlines of docs/domain.md, as district settings.
struct DeadlineRules {
    Duration first_response = Duration::hours(15);  // a committee responds within 15 hours
    int decision_working_days = 1;                  // and decides the screening within 1 working day
    int escalation_working_days = 3;                // an escalated item is handled within 3
};

}  // namespace yishi::domain
