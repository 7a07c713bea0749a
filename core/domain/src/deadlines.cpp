#include "yishi/domain/deadlines.h"

#include <cstdio>

namespace yishi::domain {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civilFromDays(std::int64_t z, int* y, unsigned* m, unsigned* d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (*m <= 2));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

WorkingCalendar::WorkingCalendar(std::set<std::string> holidays, std::int64_t utc_offset_seconds)
    : holidays_(std::move(holidays)), offset_(utc_offset_seconds) {}

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
            if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
                m < 1 || m > 12 || d < 1 || d > 31) {
                return Status::invalid("holidays.invalid", "Holidays are YYYY-MM-DD dates, comma-separated: " + date);
            }
            out.insert(date);
        }
        start = end + 1;
    }
    return out;
}

std::string WorkingCalendar::localDate(std::int64_t at_seconds) const {
    int y;
    unsigned m, d;
    civilFromDays(floorDiv(at_seconds + offset_, kDay), &y, &m, &d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

bool WorkingCalendar::isWorkingDay(std::int64_t at_seconds) const {
    const std::int64_t days = floorDiv(at_seconds + offset_, kDay);
    // 1970-01-01 was a Thursday: weekday 0 = Monday.
    const std::int64_t weekday = ((days % 7) + 7 + 3) % 7;
    if (weekday >= 5) return false;
    return holidays_.count(localDate(at_seconds)) == 0;
}

std::int64_t WorkingCalendar::addWorkingDays(std::int64_t from, int days) const {
    std::int64_t t = from;
    if (!isWorkingDay(t)) {
        // Start at the beginning of the next working day.
        const std::int64_t local_midnight = floorDiv(t + offset_, kDay) * kDay - offset_;
        t = local_midnight + kDay;
        while (!isWorkingDay(t)) t += kDay;
    }
    for (int counted = 0; counted < days;) {
        t += kDay;
        if (isWorkingDay(t)) ++counted;
    }
    return t;
}

}  // namespace yishi::domain
