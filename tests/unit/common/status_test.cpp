#include <boost/test/unit_test.hpp>

#include "yishi/common/status.h"

using yishi::ErrorKind;
using yishi::Status;

BOOST_AUTO_TEST_SUITE(status)

BOOST_AUTO_TEST_CASE(default_is_ok) {
    Status s;
    BOOST_TEST(s.isOk());
    BOOST_TEST(s.code().empty());
    BOOST_TEST(s.toString() == "ok");
}

BOOST_AUTO_TEST_CASE(error_carries_kind_code_and_message) {
    Status s = Status::notFound("community.not_found", "There is no such community.");
    BOOST_TEST(!s.isOk());
    BOOST_TEST((s.kind() == ErrorKind::kNotFound));
    BOOST_TEST(s.code() == "community.not_found");
    BOOST_TEST(s.toString() == "community.not_found: There is no such community.");
    BOOST_TEST(s.retryAfterSeconds() == 0);
}

BOOST_AUTO_TEST_CASE(rate_limit_carries_retry_after) {
    Status s = Status::rateLimited("session.too_many_failures", "wait", 42);
    BOOST_TEST((s.kind() == ErrorKind::kRateLimited));
    BOOST_TEST(s.retryAfterSeconds() == 42);
    BOOST_TEST(yishi::errorKindName(s.kind()) == "rate_limited");
}

Status failsWhen(bool fail) {
    YISHI_RETURN_IF_ERROR(fail ? Status::conflict("x.y", "z") : Status::ok());
    return Status::invalid("reached.end", "the macro did not return");
}

BOOST_AUTO_TEST_CASE(return_if_error_returns_early_only_on_failure) {
    BOOST_TEST(failsWhen(true).code() == "x.y");
    BOOST_TEST(failsWhen(false).code() == "reached.end");
}

BOOST_AUTO_TEST_SUITE_END()
