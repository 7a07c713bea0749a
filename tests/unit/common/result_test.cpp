#include <boost/test/unit_test.hpp>

#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"

using yishi::Result;
using yishi::Status;

namespace {

Result<int> half(int n) {
    if (n % 2) return Status::invalid("n.odd", "odd");
    return n / 2;
}

Result<int> quarter(int n) {
    YISHI_ASSIGN_OR_RETURN(int h, half(n));
    return half(h);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(result)

BOOST_AUTO_TEST_CASE(holds_value_or_status) {
    Result<int> ok = half(8);
    BOOST_TEST(ok.isOk());
    BOOST_TEST(ok.value() == 4);
    Result<int> bad = half(3);
    BOOST_TEST(!bad.isOk());
    BOOST_TEST(bad.status().code() == "n.odd");
}

BOOST_AUTO_TEST_CASE(assign_or_return_propagates_the_first_error) {
    BOOST_TEST(quarter(8).value() == 2);
    BOOST_TEST(quarter(6).status().code() == "n.odd");  // 6 -> 3 is odd
    BOOST_TEST(quarter(5).status().code() == "n.odd");
}

BOOST_AUTO_TEST_CASE(fake_clock_moves_only_when_told) {
    yishi::FakeClock clock(yishi::Instant::fromSeconds(1000));
    BOOST_TEST(clock.now() == yishi::Instant::fromSeconds(1000));
    clock.advance(yishi::Duration::hours(15));
    BOOST_TEST(clock.now() == yishi::Instant::fromSeconds(1000) + yishi::Duration::hours(15));
    clock.set(yishi::Instant::fromMicros(-1));
    BOOST_TEST(clock.now().micros() == -1);
}

BOOST_AUTO_TEST_SUITE_END()
