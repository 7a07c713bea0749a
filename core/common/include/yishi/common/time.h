#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string>

// Time as types: an Instant is a point in time, a Duration the distance
// between two. Both count microseconds in a signed 64-bit integer, so the
// units never have to be remembered or converted by hand; the units a
// column or a JSON field keeps are chosen at that edge (fromSeconds,
// seconds(), ...).
//
// Overflow policy: the range is about ±292,000 years around 1970. Building a
// value from a coarser unit and every arithmetic operation saturate at the
// ends of the range (Duration::min/max, Instant::min/max) instead of wrapping:
// a deadline in the year 300000 from hostile input becomes Instant::max(),
// still later than every real instant, and nothing is undefined behaviour.
// Saturated values are not meant to be computed with; check the range of
// outside input where its exact value matters.
//
// Both types are trivially copyable constexpr values; neither converts to or
// from an integer implicitly. Thread-safe as values are.

namespace yishi {

namespace time_detail {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

constexpr std::int64_t saturatedAdd(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_add_overflow(a, b, &out)) return b > 0 ? kMax : kMin;
    return out;
}

constexpr std::int64_t saturatedSub(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_sub_overflow(a, b, &out)) return b < 0 ? kMax : kMin;
    return out;
}

constexpr std::int64_t saturatedMul(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out)) return (a < 0) != (b < 0) ? kMin : kMax;
    return out;
}

// Rounds towards negative infinity (C++'s `/` rounds towards zero). b > 0.
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && a < 0); }

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr std::int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr std::int64_t kMicrosPerDay = 24 * kMicrosPerHour;

}  // namespace time_detail

// A length of time, in microseconds; negative when it runs backwards. The
// accessors in coarser units truncate towards zero, so (-d).hours() is
// -(d.hours()).
class Duration {
  public:
    constexpr Duration() = default;  // zero

    static constexpr Duration micros(std::int64_t n) { return Duration(n); }
    static constexpr Duration seconds(std::int64_t n) { return scaled(n, time_detail::kMicrosPerSecond); }
    static constexpr Duration minutes(std::int64_t n) { return scaled(n, time_detail::kMicrosPerMinute); }
    static constexpr Duration hours(std::int64_t n) { return scaled(n, time_detail::kMicrosPerHour); }
    // 24 hours exactly: the zones yishi serves keep no daylight saving time.
    static constexpr Duration days(std::int64_t n) { return scaled(n, time_detail::kMicrosPerDay); }
    static constexpr Duration max() { return Duration(time_detail::kMax); }
    static constexpr Duration min() { return Duration(time_detail::kMin); }

    constexpr std::int64_t micros() const { return micros_; }
    constexpr std::int64_t seconds() const { return micros_ / time_detail::kMicrosPerSecond; }
    constexpr std::int64_t minutes() const { return micros_ / time_detail::kMicrosPerMinute; }
    constexpr std::int64_t hours() const { return micros_ / time_detail::kMicrosPerHour; }
    constexpr std::int64_t days() const { return micros_ / time_detail::kMicrosPerDay; }
    // Whole seconds rounded up, for "try again in n seconds": a wait of
    // 0.2 s is 1, never 0.
    constexpr std::int64_t ceilSeconds() const {
        return -time_detail::floorDiv(time_detail::saturatedSub(0, micros_), time_detail::kMicrosPerSecond);
    }

    friend constexpr auto operator<=>(Duration, Duration) = default;

    friend constexpr Duration operator+(Duration a, Duration b) {
        return Duration(time_detail::saturatedAdd(a.micros_, b.micros_));
    }
    friend constexpr Duration operator-(Duration a, Duration b) {
        return Duration(time_detail::saturatedSub(a.micros_, b.micros_));
    }
    friend constexpr Duration operator-(Duration d) { return Duration(time_detail::saturatedSub(0, d.micros_)); }
    friend constexpr Duration operator*(Duration d, std::int64_t n) {
        return Duration(time_detail::saturatedMul(d.micros_, n));
    }
    friend constexpr Duration operator*(std::int64_t n, Duration d) { return d * n; }
    constexpr Duration& operator+=(Duration d) { return *this = *this + d; }
    constexpr Duration& operator-=(Duration d) { return *this = *this - d; }

  private:
    constexpr explicit Duration(std::int64_t micros) : micros_(micros) {}
    static constexpr Duration scaled(std::int64_t n, std::int64_t unit) {
        return Duration(time_detail::saturatedMul(n, unit));
    }

    std::int64_t micros_ = 0;
};

// A point in time: microseconds since 1970-01-01T00:00:00 UTC (the Unix
// epoch), negative before it. Default-constructed it is the epoch, which
// entities use as "not set". seconds() rounds towards the past, so an
// instant half a second before the epoch lies in second -1.
class Instant {
  public:
    constexpr Instant() = default;  // the epoch

    static constexpr Instant fromMicros(std::int64_t micros) { return Instant(micros); }
    static constexpr Instant fromSeconds(std::int64_t seconds) {
        return Instant(time_detail::saturatedMul(seconds, time_detail::kMicrosPerSecond));
    }
    static constexpr Instant max() { return Instant(time_detail::kMax); }
    static constexpr Instant min() { return Instant(time_detail::kMin); }

    constexpr std::int64_t micros() const { return micros_; }
    constexpr std::int64_t seconds() const { return time_detail::floorDiv(micros_, time_detail::kMicrosPerSecond); }

    friend constexpr auto operator<=>(Instant, Instant) = default;

    friend constexpr Instant operator+(Instant t, Duration d) {
        return Instant(time_detail::saturatedAdd(t.micros_, d.micros()));
    }
    friend constexpr Instant operator+(Duration d, Instant t) { return t + d; }
    friend constexpr Instant operator-(Instant t, Duration d) {
        return Instant(time_detail::saturatedSub(t.micros_, d.micros()));
    }
    friend constexpr Duration operator-(Instant a, Instant b) {
        return Duration::micros(time_detail::saturatedSub(a.micros_, b.micros_));
    }
    constexpr Instant& operator+=(Duration d) { return *this = *this + d; }
    constexpr Instant& operator-=(Duration d) { return *this = *this - d; }

  private:
    constexpr explicit Instant(std::int64_t micros) : micros_(micros) {}

    std::int64_t micros_ = 0;
};

// The local day: the one place that knows how an instant falls on a calendar
// day in a zone `utc_offset` ahead of UTC (China: Duration::hours(8)).
// Day numbers count days since 1970-01-01, that day being 0 and the day
// before it -1, in the zone's own calendar.

// The local day `at` falls on.
constexpr std::int64_t localDayNumber(Instant at, Duration utc_offset) {
    return time_detail::floorDiv((at + utc_offset).micros(), time_detail::kMicrosPerDay);
}

// The first instant of local day `day` (its local midnight).
constexpr Instant startOfLocalDay(std::int64_t day, Duration utc_offset) {
    return Instant() + Duration::days(day) - utc_offset;
}

// 0 for Monday ... 6 for Sunday (1970-01-01 was a Thursday).
constexpr int weekdayOfDay(std::int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

// A date of the proleptic Gregorian calendar.
struct CivilDate {
    int year = 1970;
    unsigned month = 1;  // 1..12
    unsigned day = 1;    // 1..31

    friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
};

// The date of day number `day` (Howard Hinnant's days_from_civil, inverted).
constexpr CivilDate civilDateOfDay(std::int64_t day) {
    const std::int64_t z = day + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    CivilDate out;
    out.day = doy - (153 * mp + 2) / 5 + 1;
    out.month = mp < 10 ? mp + 3 : mp - 9;
    out.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (out.month <= 2));
    return out;
}

// "YYYY-MM-DD".
std::string isoDate(const CivilDate& date);

// For logs and test failures: an instant as UTC, "2026-11-20T02:00:00Z"
// (with ".ffffff" when it has microseconds); a duration in seconds, "54000s"
// or "-1.500000s".
std::ostream& operator<<(std::ostream& out, Instant at);
std::ostream& operator<<(std::ostream& out, Duration d);

}  // namespace yishi
