#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>

#include "background_loop.h"
#include "feature.h"
#include "http/notifications_routes.h"
#include "outbound_channels.h"
#include "yishi/domain/delivery_sender.h"
#include "yishi/domain/notification_processor.h"
#include "yishi/domain/notification_service.h"

namespace yishi::app {

namespace {

// Notifications (docs/notifications.md): the inbox, follows and preferences
// over HTTP; in the background, one thread turns changes and deadlines into
// items and queued deliveries, another sends the deliveries (never a
// request's thread).
class NotificationsFeature final : public Feature {
  public:
    explicit NotificationsFeature(FeatureContext& c)
        : service_(c.db, c.clock, c.secrets),
          batch_(static_cast<int>(c.config.getInt("yishi.notifications_batch", 200))),
          processor_(c.db, c.clock, {batch_, c.calendar.utcOffset()}),
          sender_(c.db, c.clock, channels_),
          idle_ms_(c.config.getInt("yishi.notifications_idle_ms", 200)),
          retention_(Duration::days(std::max<std::int64_t>(
              1, c.config.getInt("yishi.notifications_retention_days", domain::kDefaultRetentionDays)))),
          warn_(c.warn) {
        c.provide(service_);
    }
    ~NotificationsFeature() override {
        stopping_ = true;  // a sender waiting on slow receivers stops after the message in flight
        sending_.reset();
        processing_.reset();
    }

    void addRoutes(http::Router& router) override { http::addNotificationRoutes(router, service_); }
    void start() override {
        processing_.emplace(
            [this]() -> Result<int> {
                YISHI_ASSIGN_OR_RETURN(int handled, processor_.processBatch());
                // What time alone causes is looked for once a second at most:
                // its scan reads more than a batch of changes does.
                const auto now = std::chrono::steady_clock::now();
                if (now - last_due_ >= std::chrono::seconds(1)) {
                    last_due_ = now;
                    YISHI_RETURN_IF_ERROR(processor_.processDue().status());
                    // Retention: a small batch of what is old enough, at
                    // most once a second (docs/notifications.md).
                    YISHI_RETURN_IF_ERROR(processor_.prune(retention_).status());
                }
                // Again at once only after a full batch: under a steady
                // stream of changes, a pause of idle_ms_ gathers the next
                // ones into one transaction instead of one each.
                return handled >= batch_ ? handled : 0;
            },
            [this](const std::string& m) { warn_("notifications: " + m); }, idle_ms_);
        sending_.emplace([this] { return sender_.sendDue(20, &stopping_); },
                         [this](const std::string& m) { warn_("notification delivery: " + m); }, idle_ms_);
    }

  private:
    domain::NotificationService service_;
    const int batch_;
    domain::NotificationProcessor processor_;
    NetworkChannels channels_;
    domain::DeliverySender sender_;
    const int idle_ms_;
    const Duration retention_;
    std::function<void(const std::string&)> warn_;
    std::atomic<bool> stopping_{false};
    std::chrono::steady_clock::time_point last_due_;  // the processing thread's alone
    std::optional<BackgroundLoop> processing_;
    std::optional<BackgroundLoop> sending_;
};

}  // namespace

std::unique_ptr<Feature> make_notifications_feature(FeatureContext& c) {
    return std::make_unique<NotificationsFeature>(c);
}

}  // namespace yishi::app
