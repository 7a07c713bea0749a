#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "yishi/common/result.h"

namespace yishi::domain {

// Working days in the district's time zone: Monday to Friday, minus public
// holidays. (Make-up working weekends, 调休, are not modelled yet.)
class WorkingCalendar {
  public:
    // `holidays` are "YYYY-MM-DD" dates; `utc_offset_seconds` is the
    // district's offset (China: +8 h).
    WorkingCalendar(std::set<std::string> holidays, std::int64_t utc_offset_seconds);

    // Parses "2026-10-01,2026-10-02". invalid "holidays.invalid" on a bad date.
    static Result<std::set<std::string>> parseHolidays(const std::string& text);

    bool isWorkingDay(std::int64_t at_seconds) const;
    // The same local time `days` working days after `from`: one working day
    // after Friday 10:00 is Monday 10:00. When `from` is not itself a working
    // day, counting starts at the next working day's start (09:00 is not
    // assumed; the day's beginning is).
    std::int64_t addWorkingDays(std::int64_t from, int days) const;

    // "YYYY-MM-DD" of `at_seconds` in the district's time zone.
    std::string localDate(std::int64_t at_seconds) const;

    const std::set<std::string>& holidays() const { return holidays_; }
    std::int64_t utcOffsetSeconds() const { return offset_; }

  private:
    std::set<std::string> holidays_;
    std::int64_t offset_;
};

// The response deadlines of DOMAIN.md, as district settings.
struct DeadlineRules {
    std::int64_t first_response_seconds = 15 * 3600;  // a committee responds within 15 hours
    int decision_working_days = 1;                     // and decides the screening within 1 working day
    int escalation_working_days = 3;                   // an escalated item is handled within 3
};

}  // namespace yishi::domain
