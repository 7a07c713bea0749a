#include <boost/test/unit_test.hpp>

#include "yishi/domain/login_throttle.h"

using namespace yishi;
using yishi::domain::LoginThrottle;

BOOST_AUTO_TEST_SUITE(login_throttle)

BOOST_AUTO_TEST_CASE(blocks_after_the_limit_until_the_window_ends) {
    FakeClock clock(1'000'000);
    LoginThrottle throttle(clock, {3, 600});
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(throttle.retryAfter("login:a") == 0);
        throttle.recordFailure("login:a");
        clock.advanceSeconds(10);
    }
    // Window began at the first failure, 30 s ago.
    BOOST_TEST(throttle.retryAfter("login:a") == 570);
    BOOST_TEST(throttle.retryAfter("login:b") == 0);  // other keys are not affected
    clock.advanceSeconds(570);
    BOOST_TEST(throttle.retryAfter("login:a") == 0);
}

BOOST_AUTO_TEST_CASE(reset_clears_a_key) {
    FakeClock clock(5000);
    LoginThrottle throttle(clock, {2, 600});
    throttle.recordFailure("k");
    throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") > 0);
    throttle.reset("k");
    BOOST_TEST(throttle.retryAfter("k") == 0);
}

BOOST_AUTO_TEST_CASE(failures_in_an_old_window_do_not_count) {
    FakeClock clock(5000);
    LoginThrottle throttle(clock, {2, 60});
    throttle.recordFailure("k");
    clock.advanceSeconds(61);
    throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
