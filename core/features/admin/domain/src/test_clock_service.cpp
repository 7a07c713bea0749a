#include "yishi/domain/test_clock_service.h"

namespace yishi::domain {

namespace {
constexpr std::int64_t kMaxAdvanceSeconds = 10LL * 366 * 24 * 3600;
}

Result<Duration> TestClockService::advance(const Actor& actor, std::int64_t seconds) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    bool admin = false;
    for (const RoleGrant& g : actor.grants()) admin = admin || g.role == Role::kDistrictAdmin;
    if (!admin) return Status::forbidden("clock.forbidden", "Only a district admin moves the test clock.");
    if (seconds < 1 || seconds > kMaxAdvanceSeconds)
        return Status::invalid("clock.advance", "advance_seconds is 1 second to 10 years; the clock never goes back.");
    clock_.advance(Duration::seconds(seconds));
    return clock_.offset();
}

}  // namespace yishi::domain
