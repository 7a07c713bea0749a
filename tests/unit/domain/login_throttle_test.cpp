#include <boost/test/unit_test.hpp>

#include "yishi/domain/backoff_throttle.h"
#include "yishi/domain/login_throttle.h"

using namespace yishi;
using yishi::domain::LoginThrottle;

BOOST_AUTO_TEST_SUITE(login_throttle)

BOOST_AUTO_TEST_CASE(blocks_after_the_limit_until_the_window_ends) {
    FakeClock clock(Instant::fromSeconds(1'000'000));
    LoginThrottle throttle(clock, {3, Duration::minutes(10)});
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(throttle.retryAfter("login:a") == 0);
        throttle.recordFailure("login:a");
        clock.advance(Duration::seconds(10));
    }
    // Window began at the first failure, 30 s ago.
    BOOST_TEST(throttle.retryAfter("login:a") == 570);
    BOOST_TEST(throttle.retryAfter("login:b") == 0);  // other keys are not affected
    clock.advance(Duration::seconds(570));
    BOOST_TEST(throttle.retryAfter("login:a") == 0);
}

BOOST_AUTO_TEST_CASE(reset_clears_a_key) {
    FakeClock clock(Instant::fromSeconds(5000));
    LoginThrottle throttle(clock, {2, Duration::minutes(10)});
    throttle.recordFailure("k");
    throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") > 0);
    throttle.reset("k");
    BOOST_TEST(throttle.retryAfter("k") == 0);
}

BOOST_AUTO_TEST_CASE(failures_in_an_old_window_do_not_count) {
    FakeClock clock(Instant::fromSeconds(5000));
    LoginThrottle throttle(clock, {2, Duration::minutes(1)});
    throttle.recordFailure("k");
    clock.advance(Duration::seconds(61));
    throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") == 0);
}

BOOST_AUTO_TEST_CASE(waits_round_up_so_a_blocked_key_never_hears_zero) {
    FakeClock clock(Instant::fromSeconds(5000));
    LoginThrottle throttle(clock, {1, Duration::minutes(1)});
    throttle.recordFailure("k");
    clock.advance(Duration::seconds(59) + Duration::micros(800'000));
    BOOST_TEST(throttle.retryAfter("k") == 1);  // 0.2 s left
    clock.advance(Duration::micros(200'000));
    BOOST_TEST(throttle.retryAfter("k") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(backoff_throttle)

using yishi::domain::BackoffThrottle;

BOOST_AUTO_TEST_CASE(free_failures_then_doubling_waits_up_to_the_cap) {
    FakeClock clock(Instant::fromSeconds(1'000'000));
    BackoffThrottle throttle(clock, {2, Duration::seconds(1), Duration::seconds(10), Duration::hours(1)});
    throttle.recordFailure("k");
    throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") == 0);
    const int expected[] = {1, 2, 4, 8, 10, 10};
    for (int wait : expected) {
        throttle.recordFailure("k");
        BOOST_TEST(throttle.retryAfter("k") == wait);
        BOOST_TEST(throttle.retryAfter("other") == 0);
        clock.advance(Duration::seconds(wait));
        BOOST_TEST(throttle.retryAfter("k") == 0);
    }
}

BOOST_AUTO_TEST_CASE(a_key_quiet_for_forget_after_starts_afresh_and_reset_clears_it) {
    FakeClock clock(Instant::fromSeconds(1'000'000));
    BackoffThrottle throttle(clock, {1, Duration::seconds(1), Duration::minutes(15), Duration::hours(1)});
    for (int i = 0; i < 12; ++i) throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") == 900);
    clock.advance(Duration::hours(1));
    BOOST_TEST(throttle.retryAfter("k") == 0);
    throttle.recordFailure("k");  // the first of a new count: free
    BOOST_TEST(throttle.retryAfter("k") == 0);
    throttle.recordFailure("k");
    BOOST_TEST(throttle.retryAfter("k") == 1);
    throttle.reset("k");
    BOOST_TEST(throttle.retryAfter("k") == 0);
}

BOOST_AUTO_TEST_CASE(memory_stays_bounded_under_a_flood_of_keys) {
    FakeClock clock(Instant::fromSeconds(1'000'000));
    BackoffThrottle throttle(clock, {5, Duration::seconds(1), Duration::minutes(15), Duration::hours(1)});
    for (std::size_t i = 0; i < BackoffThrottle::kMaxKeys + 5000; ++i) throttle.recordFailure(std::to_string(i));
    BOOST_TEST(throttle.keys() <= BackoffThrottle::kMaxKeys);
}

BOOST_AUTO_TEST_SUITE_END()
