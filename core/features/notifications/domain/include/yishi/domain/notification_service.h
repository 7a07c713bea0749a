#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/notifications.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Each person's inbox, follows and preferences, and a district's outbound
// delivery (docs/notifications.md). Everyone signed in ("session.required"
// otherwise) reads and changes only their own inbox, follows and
// preferences; a district's delivery settings and queue are its admins'.
// Thread-safe.
class NotificationService {
  public:
    struct Inbox {
        Page<Notification> page;
        std::int64_t unread = 0;
    };

    // What a district admin sets; unset fields keep their value.
    struct DeliveryInput {
        std::optional<std::string> webhook_url;
        std::optional<std::string> smtp_host;
        std::optional<std::int64_t> smtp_port;
        std::optional<std::string> smtp_from;
        std::optional<std::string> webhook_ca_pem;
        std::optional<bool> smtp_starttls;
        std::optional<std::string> smtp_user;
        std::optional<std::string> smtp_password;  // "" clears it
        std::optional<QuietHours> quiet;
        bool new_secret = false;  // make a new webhook secret
    };

    NotificationService(Database& db, const Clock& clock, SecretSource& secrets);

    Result<Inbox> inbox(const Actor& actor, bool unread_only, PageRequest page);
    Result<std::int64_t> unreadCount(const Actor& actor);
    // not_found "notification.not_found" for an item that is not the caller's.
    Result<Notification> markRead(const Actor& actor, std::int64_t id);
    // Returns how many were unread.
    Result<std::int64_t> markAllRead(const Actor& actor);

    // Whether the caller follows the proposal after the call. not_found
    // "proposal.not_found" for one they may not see.
    Result<bool> follow(const Actor& actor, std::int64_t proposal);
    Result<bool> unfollow(const Actor& actor, std::int64_t proposal);
    Result<bool> following(const Actor& actor, std::int64_t proposal);

    Result<NotificationPreferences> preferences(const Actor& actor);
    // invalid "notification.kind" (an unknown kind muted), "notification.email"
    // (not an address), "notification.quiet_hours" (minutes outside 0..1439).
    Result<NotificationPreferences> savePreferences(const Actor& actor, const NotificationPreferences& prefs);

    // The district's admins only (forbidden "delivery.forbidden"); not_found
    // "district.not_found". A district that set nothing has the defaults.
    Result<DeliverySettings> deliverySettings(const Actor& actor, DistrictId district);
    // invalid "delivery.webhook_url" (http:// or https://, up to 500
    // characters), "delivery.webhook_ca" (PEM certificates, up to 20000
    // characters), "delivery.smtp_port" (1-65535), "delivery.smtp_from" (an
    // address when mail is on), "delivery.smtp_user" / "delivery.smtp_password"
    // (up to 200 characters, no line breaks; a user name needs a password),
    // "delivery.smtp_starttls" (a user name needs STARTTLS: no password in
    // the clear), "notification.quiet_hours". A webhook gets a secret when it
    // has none or `new_secret`. Records the change.
    Result<DeliverySettings> saveDeliverySettings(const Actor& actor, DistrictId district, const DeliveryInput& in);
    // The district's queue, newest first (its admins only).
    Result<Page<Delivery>> deliveries(const Actor& actor, DistrictId district, PageRequest page);

  private:
    Database& db_;
    const Clock& clock_;
    SecretSource& secrets_;
};

}  // namespace yishi::domain
