// The pure rules of notifications (docs/notifications.md): quiet hours in
// the district's time and the delivery backoff.
#include <boost/test/unit_test.hpp>

#include "yishi/domain/notifications.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

constexpr Duration kShanghai = Duration::hours(8);
// 2026-12-02 00:00 Asia/Shanghai is 2026-12-01 16:00 UTC.
const Instant kMidnight = Instant::fromSeconds(1796140800);

Instant local(int hour, int minute) { return kMidnight + Duration::hours(hour) + Duration::minutes(minute); }

}  // namespace

BOOST_AUTO_TEST_SUITE(notifications)

BOOST_AUTO_TEST_CASE(night_is_22_to_7_local_by_default) {
    const QuietHours night;
    BOOST_TEST(inQuietHours(night, local(23, 0), kShanghai));
    BOOST_TEST(inQuietHours(night, local(0, 0), kShanghai));
    BOOST_TEST(inQuietHours(night, local(6, 59), kShanghai));
    BOOST_TEST(!inQuietHours(night, local(7, 0), kShanghai));
    BOOST_TEST(!inQuietHours(night, local(21, 59), kShanghai));
    BOOST_TEST(inQuietHours(night, local(22, 0), kShanghai));
}

BOOST_AUTO_TEST_CASE(a_held_message_waits_for_the_morning) {
    const QuietHours night;
    BOOST_TEST(endOfQuietHours(night, local(23, 30) + Duration::seconds(17), kShanghai).seconds() ==
               local(31, 0).seconds());  // 07:00 the next day
    BOOST_TEST(endOfQuietHours(night, local(3, 0), kShanghai).seconds() == local(7, 0).seconds());
    BOOST_TEST(endOfQuietHours(night, local(12, 5), kShanghai).seconds() == local(12, 5).seconds());
    // Quiet in the day, and never quiet.
    BOOST_TEST(endOfQuietHours({12 * 60, 14 * 60}, local(13, 0), kShanghai).seconds() == local(14, 0).seconds());
    BOOST_TEST(!inQuietHours({600, 600}, local(10, 0), kShanghai));
}

BOOST_AUTO_TEST_CASE(backoff_doubles_from_30_seconds_up_to_an_hour) {
    BOOST_TEST(deliveryBackoff(1).seconds() == 30);
    BOOST_TEST(deliveryBackoff(2).seconds() == 60);
    BOOST_TEST(deliveryBackoff(3).seconds() == 120);
    BOOST_TEST(deliveryBackoff(7).seconds() == 1920);
    BOOST_TEST(deliveryBackoff(8).seconds() == 3600);
    BOOST_TEST(deliveryBackoff(50).seconds() == 3600);
}

BOOST_AUTO_TEST_CASE(kinds_are_known) {
    BOOST_TEST(isNotificationKind("reply"));
    BOOST_TEST(isNotificationKind("due"));
    BOOST_TEST(!isNotificationKind("spam"));
}

BOOST_AUTO_TEST_SUITE_END()
