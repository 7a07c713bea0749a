#include "yishi/domain/deadlines.h"

#include <cstdio>

namespace yishi::domain {

namespace {

// 2026-02-30 is no date: the last day of month `m` (1..12) of year `y`.
unsigned daysInMonth(int y, unsigned m) {
    constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

WorkingCalendar::WorkingCalendar(std::set<std::string> holidays, Duration utc_offset)
    : holidays_(std::move(holidays)), offset_(utc_offset) {}

Result<std::set<std::string>> WorkingCalendar::parseHolidays(const std::string& text) {
    std::set<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string date = text.substr(start, end - start);
        while (!date.empty() && date.front() == ' ') date.erase(date.begin());
        while (!date.empty() && date.back() == ' ') date.pop_back();
        if (!date.empty()) {
            int y = 0;
            unsigned m = 0, d = 0;
            char tail = 0;
            if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 ||
                m > 12 || d < 1 || d > daysInMonth(y, m)) {
                return Status::invalid("holidays.invalid", "Holidays are YYYY-MM-DD dates, comma-separated: " + date);
            }
            out.insert(date);
        }
        start = end + 1;
    }
    return out;
}

std::string WorkingCalendar::localDate(Instant at) const {
    return isoDate(civilDateOfDay(localDayNumber(at, offset_)));
}

bool WorkingCalendar::isWorkingDay(Instant at) const {
    if (weekdayOfDay(localDayNumber(at, offset_)) >= 5) return false;
    return holidays_.count(localDate(at)) == 0;
}

Instant WorkingCalendar::addWorkingDays(Instant from, int days) const {
    Instant t = from;
    if (!isWorkingDay(t)) {
        // Start at the beginning of the next working day.
        t = startOfLocalDay(localDayNumber(t, offset_) + 1, offset_);
        while (!isWorkingDay(t)) t += Duration::days(1);
    }
    for (int counted = 0; counted < days;) {
        t += Duration::days(1);
        if (isWorkingDay(t)) ++counted;
    }
    return t;
}

}  // namespace yishi::domain
