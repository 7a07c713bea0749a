#include "yishi/common/time.h"

#include <cstdio>
#include <ostream>

namespace yishi {

std::string isoDate(const CivilDate& date) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buf;
}

std::ostream& operator<<(std::ostream& out, Instant at) {
    const std::int64_t day = localDayNumber(at, Duration());
    const Duration into_day = at - startOfLocalDay(day, Duration());
    const std::int64_t micros = (into_day - Duration::seconds(into_day.seconds())).micros();
    char buf[40];
    std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lld", static_cast<long long>(into_day.hours()),
                  static_cast<long long>(into_day.minutes() % 60), static_cast<long long>(into_day.seconds() % 60));
    out << isoDate(civilDateOfDay(day)) << buf;
    if (micros != 0) {
        std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(micros));
        out << buf;
    }
    return out << 'Z';
}

std::ostream& operator<<(std::ostream& out, Duration d) {
    const std::int64_t micros = (d - Duration::seconds(d.seconds())).micros();
    if (micros == 0) return out << d.seconds() << 's';
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%lld.%06llds", d < Duration() ? "-" : "",
                  static_cast<long long>(d.seconds() < 0 ? -d.seconds() : d.seconds()),
                  static_cast<long long>(micros < 0 ? -micros : micros));
    return out << buf;
}

}  // namespace yishi
