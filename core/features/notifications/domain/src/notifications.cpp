#include "yishi/domain/notifications.h"

#include <algorithm>

namespace yishi::domain {

namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;

// Minutes of the local day at `at`.
int localMinute(Instant at, Duration utc_offset) {
    const std::int64_t local = (at + utc_offset).micros() / Duration::minutes(1).micros();
    return static_cast<int>(((local % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay);
}

}  // namespace

const std::vector<std::string>& notificationKinds() {
    static const std::vector<std::string> kinds = {notification_kinds::kState,     notification_kinds::kReply,
                                                   notification_kinds::kMeeting,   notification_kinds::kVote,
                                                   notification_kinds::kCommunity, notification_kinds::kDue,
                                                   notification_kinds::kCase};
    return kinds;
}

bool isNotificationKind(const std::string& kind) {
    const auto& kinds = notificationKinds();
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const char* deliveryStatusName(DeliveryStatus status) {
    switch (status) {
        case DeliveryStatus::kPending: return "pending";
        case DeliveryStatus::kSent: return "sent";
        case DeliveryStatus::kFailed: return "failed";
    }
    return "pending";
}

bool parseDeliveryStatus(const std::string& text, DeliveryStatus* status) {
    for (DeliveryStatus s : {DeliveryStatus::kPending, DeliveryStatus::kSent, DeliveryStatus::kFailed}) {
        if (text == deliveryStatusName(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

bool inQuietHours(const QuietHours& quiet, Instant at, Duration utc_offset) {
    if (quiet.start == quiet.end) return false;
    const int m = localMinute(at, utc_offset);
    if (quiet.start < quiet.end) return m >= quiet.start && m < quiet.end;
    return m >= quiet.start || m < quiet.end;
}

Instant endOfQuietHours(const QuietHours& quiet, Instant at, Duration utc_offset) {
    if (!inQuietHours(quiet, at, utc_offset)) return at;
    const int m = localMinute(at, utc_offset);
    const int wait = static_cast<int>((quiet.end - m + kMinutesPerDay) % kMinutesPerDay);
    // To the start of the minute the quiet time ends.
    const Instant minute_start =
        Instant::fromMicros(at.micros() - (at + utc_offset).micros() % Duration::minutes(1).micros());
    return minute_start + Duration::minutes(wait);
}

Duration deliveryBackoff(int failed_attempts) {
    const int doublings = std::clamp(failed_attempts - 1, 0, 7);
    return std::min(Duration::seconds(30) * (std::int64_t{1} << doublings), Duration::hours(1));
}

}  // namespace yishi::domain
