#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <type_traits>

#include "yishi/common/time.h"

using yishi::CivilDate;
using yishi::Duration;
using yishi::Instant;

namespace {

constexpr Duration kChina = Duration::hours(8);

// 2026-11-20 00:00 in China (UTC+8) is 2026-11-19 16:00 UTC.
constexpr Instant kChinaMidnight = Instant::fromSeconds(1'795'104'000);

}  // namespace

// The types are values that cannot be mixed up with raw integers.
static_assert(std::is_trivially_copyable_v<Instant>);
static_assert(std::is_trivially_copyable_v<Duration>);
static_assert(!std::is_convertible_v<std::int64_t, Instant>);
static_assert(!std::is_convertible_v<std::int64_t, Duration>);
static_assert(!std::is_convertible_v<Instant, std::int64_t>);
static_assert(!std::is_convertible_v<Duration, std::int64_t>);
static_assert(!std::is_constructible_v<Instant, std::int64_t>);
static_assert(!std::is_constructible_v<Duration, std::int64_t>);
// Usable at compile time.
static_assert(Instant::fromSeconds(2) - Instant::fromSeconds(1) == Duration::seconds(1));
static_assert(Duration::days(1) == Duration::hours(24));
static_assert(yishi::localDayNumber(Instant(), Duration()) == 0);

BOOST_AUTO_TEST_SUITE(time_types)

BOOST_AUTO_TEST_CASE(units_round_trip) {
    BOOST_TEST(Instant::fromSeconds(1'795'140'000).seconds() == 1'795'140'000);
    BOOST_TEST(Instant::fromSeconds(1'795'140'000).micros() == 1'795'140'000'000'000);
    BOOST_TEST(Instant::fromMicros(1'795'140'000'123'456).micros() == 1'795'140'000'123'456);
    BOOST_TEST(Instant::fromMicros(1'795'140'000'999'999).seconds() == 1'795'140'000);
    BOOST_TEST(Instant::fromSeconds(-5).seconds() == -5);
    BOOST_TEST(Duration::seconds(90).minutes() == 1);
    BOOST_TEST(Duration::minutes(90).hours() == 1);
    BOOST_TEST(Duration::hours(15).seconds() == 54'000);
    BOOST_TEST(Duration::days(7).hours() == 168);
    BOOST_TEST(Duration::micros(1'500'000).seconds() == 1);
    BOOST_TEST(Duration::hours(720).hours() == 720);
}

BOOST_AUTO_TEST_CASE(arithmetic_and_order) {
    const Instant t = Instant::fromSeconds(1000);
    BOOST_TEST((t + Duration::seconds(5) == Instant::fromSeconds(1005)));
    BOOST_TEST((Duration::seconds(5) + t == Instant::fromSeconds(1005)));
    BOOST_TEST((t - Duration::minutes(1) == Instant::fromSeconds(940)));
    BOOST_TEST((Instant::fromSeconds(1005) - t == Duration::seconds(5)));
    BOOST_TEST((t - Instant::fromSeconds(1005) == -Duration::seconds(5)));
    BOOST_TEST((t < t + Duration::micros(1)));
    BOOST_TEST((Duration::seconds(59) < Duration::minutes(1)));
    BOOST_TEST((Duration::minutes(2) * 3 == Duration::minutes(6)));
    Instant moving = t;
    moving += Duration::hours(1);
    moving -= Duration::minutes(30);
    BOOST_TEST((moving == Instant::fromSeconds(1000 + 1800)));
}

BOOST_AUTO_TEST_CASE(instants_before_1970_round_towards_the_past) {
    BOOST_TEST(Instant::fromMicros(-1).seconds() == -1);
    BOOST_TEST(Instant::fromMicros(-1'000'000).seconds() == -1);
    BOOST_TEST(Instant::fromMicros(-1'000'001).seconds() == -2);
    BOOST_TEST(Instant::fromMicros(-999'999).seconds() == -1);
}

BOOST_AUTO_TEST_CASE(durations_truncate_towards_zero_and_round_up_on_request) {
    BOOST_TEST(Duration::micros(-1'500'000).seconds() == -1);
    BOOST_TEST(Duration::minutes(-90).hours() == -1);
    BOOST_TEST(Duration::micros(200'000).ceilSeconds() == 1);
    BOOST_TEST(Duration::seconds(570).ceilSeconds() == 570);
    BOOST_TEST((Duration::seconds(570) + Duration::micros(1)).ceilSeconds() == 571);
    BOOST_TEST(Duration().ceilSeconds() == 0);
    BOOST_TEST(Duration::micros(-1'500'000).ceilSeconds() == -1);
}

BOOST_AUTO_TEST_CASE(overflow_saturates_instead_of_wrapping) {
    constexpr std::int64_t kHuge = std::numeric_limits<std::int64_t>::max();
    BOOST_TEST((Instant::fromSeconds(kHuge) == Instant::max()));
    BOOST_TEST((Instant::fromSeconds(-kHuge) == Instant::min()));
    BOOST_TEST((Duration::hours(kHuge / 2) == Duration::max()));
    BOOST_TEST((Duration::days(-kHuge) == Duration::min()));
    BOOST_TEST((Instant::max() + Duration::hours(15) == Instant::max()));
    BOOST_TEST((Instant::min() - Duration::hours(15) == Instant::min()));
    BOOST_TEST((Instant::max() - Instant::min() == Duration::max()));
    BOOST_TEST((Instant::min() - Instant::max() == Duration::min()));
    BOOST_TEST((-Duration::min() == Duration::max()));
    BOOST_TEST((Duration::max() * 2 == Duration::max()));
    BOOST_TEST((Duration::max() * -2 == Duration::min()));
    // A saturated deadline is still later than every real instant.
    BOOST_TEST((Instant::fromSeconds(kHuge) > Instant::fromSeconds(1'795'140'000)));
}

BOOST_AUTO_TEST_CASE(local_days_turn_at_local_midnight) {
    const std::int64_t day = yishi::localDayNumber(kChinaMidnight, kChina);
    BOOST_TEST(yishi::localDayNumber(kChinaMidnight - Duration::micros(1), kChina) == day - 1);
    BOOST_TEST(yishi::localDayNumber(kChinaMidnight + Duration::hours(24) - Duration::micros(1), kChina) == day);
    BOOST_TEST(yishi::localDayNumber(kChinaMidnight + Duration::hours(24), kChina) == day + 1);
    BOOST_TEST((yishi::startOfLocalDay(day, kChina) == kChinaMidnight));
    BOOST_TEST((yishi::civilDateOfDay(day) == CivilDate{2026, 11, 20}));
    BOOST_TEST(yishi::weekdayOfDay(day) == 4);  // a Friday
    // In UTC it is still the day before.
    BOOST_TEST(yishi::localDayNumber(kChinaMidnight, Duration()) == day - 1);
}

BOOST_AUTO_TEST_CASE(local_days_before_1970) {
    // 1970-01-01 00:00 UTC is 08:00 in China; 07:59:59 there is still day 0,
    // 1969-12-31 23:59:59 UTC is day -1 in UTC.
    BOOST_TEST(yishi::localDayNumber(Instant::fromSeconds(-1), Duration()) == -1);
    BOOST_TEST(yishi::localDayNumber(Instant::fromSeconds(-1), kChina) == 0);
    BOOST_TEST(yishi::localDayNumber(Instant::fromSeconds(-8 * 3600), kChina) == 0);
    BOOST_TEST(yishi::localDayNumber(Instant::fromSeconds(-8 * 3600) - Duration::micros(1), kChina) == -1);
    BOOST_TEST((yishi::startOfLocalDay(-1, kChina) == Instant::fromSeconds(-32 * 3600)));
    BOOST_TEST((yishi::civilDateOfDay(-1) == CivilDate{1969, 12, 31}));
    BOOST_TEST((yishi::civilDateOfDay(-719468) == CivilDate{0, 3, 1}));
    BOOST_TEST(yishi::weekdayOfDay(-1) == 2);  // 1969-12-31 was a Wednesday
    BOOST_TEST(yishi::weekdayOfDay(-4) == 6);  // and 1969-12-28 a Sunday
}

BOOST_AUTO_TEST_CASE(every_day_round_trips_through_its_midnight) {
    // Four centuries, both sides of 1970, a zone behind UTC and one ahead.
    for (Duration offset : {Duration::hours(-5), Duration(), kChina, Duration::minutes(345)}) {
        for (std::int64_t day = -73'000; day <= 73'000; day += 97) {
            const Instant midnight = yishi::startOfLocalDay(day, offset);
            BOOST_TEST_REQUIRE(yishi::localDayNumber(midnight, offset) == day);
            BOOST_TEST_REQUIRE(yishi::localDayNumber(midnight - Duration::micros(1), offset) == day - 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(dates_are_formatted_as_iso) {
    BOOST_TEST(yishi::isoDate(yishi::civilDateOfDay(0)) == "1970-01-01");
    BOOST_TEST(yishi::isoDate({2026, 2, 28}) == "2026-02-28");
    BOOST_TEST(yishi::isoDate(yishi::civilDateOfDay(yishi::localDayNumber(kChinaMidnight, kChina))) == "2026-11-20");
    // 2024 was a leap year: day 19782 is 2024-02-29.
    BOOST_TEST(yishi::isoDate(yishi::civilDateOfDay(19'782)) == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(values_print_readably) {
    auto text = [](auto value) {
        std::ostringstream out;
        out << value;
        return out.str();
    };
    BOOST_TEST(text(kChinaMidnight) == "2026-11-19T16:00:00Z");
    BOOST_TEST(text(kChinaMidnight + Duration::micros(1'500)) == "2026-11-19T16:00:00.001500Z");
    BOOST_TEST(text(Instant::fromMicros(-1)) == "1969-12-31T23:59:59.999999Z");
    BOOST_TEST(text(Duration::hours(15)) == "54000s");
    BOOST_TEST(text(Duration::micros(-1'500'000)) == "-1.500000s");
    BOOST_TEST(text(Duration::micros(-500'000)) == "-0.500000s");
}

BOOST_AUTO_TEST_SUITE_END()
