#include "yishi/domain/delivery_sender.h"

#include <optional>
#include <utility>
#include <vector>

#include "yishi/common/json.h"
#include "yishi/common/value.h"

namespace yishi::domain {

namespace {

struct Attempt {
    Delivery delivery;
    std::optional<OutboundMessage> message;  // none: the district no longer has the channel
};

Value itemJson(const Notification& n, const User& user) {
    Value::Object o;
    o["id"] = n.id;
    o["user_id"] = user.id.value;
    o["login"] = user.login;
    o["display_name"] = user.display_name;
    o["kind"] = n.kind;
    o["detail"] = n.detail;
    o["subject_kind"] = n.subject_kind;
    o["subject_id"] = n.subject_id;
    o["community_id"] = n.community.value;
    o["title"] = n.title;
    o["urgent"] = n.urgent;
    o["created_at"] = n.created_at.seconds();
    return Value(std::move(o));
}

std::optional<OutboundMessage> messageOf(Stores& s, const Delivery& d, Instant now) {
    NotificationStore& store = s.get<NotificationStore>();
    std::optional<DeliverySettings> settings = store.deliverySettings(d.district);
    std::optional<Notification> n = store.notification(d.notification_id);
    if (!settings || !n) return std::nullopt;
    std::optional<User> user = s.users.user(n->user);
    if (!user) return std::nullopt;
    OutboundMessage m;
    m.channel = d.channel;
    m.at = now;
    m.json = toJson(itemJson(*n, *user));
    m.ca_pem = settings->webhook_ca_pem;  // trusted for the mail server's STARTTLS too
    if (d.channel == "webhook") {
        if (settings->webhook_url.empty()) return std::nullopt;
        m.url = settings->webhook_url;
        m.secret = settings->webhook_secret;
    } else {
        if (settings->smtp_host.empty()) return std::nullopt;
        m.smtp_host = settings->smtp_host;
        m.smtp_port = settings->smtp_port;
        m.from = settings->smtp_from;
        m.smtp_starttls = settings->smtp_starttls;
        m.smtp_user = settings->smtp_user;
        m.smtp_password = settings->smtp_password;
        m.to = d.target;
        m.subject = "[议事] " + n->title;
        m.text = n->title + "\n" + n->kind + ": " + n->detail + "\n\n" + m.json + "\n";
    }
    return m;
}

}  // namespace

DeliverySender::DeliverySender(Database& db, const Clock& clock, OutboundChannels& channels)
    : db_(db), clock_(clock), channels_(channels) {}

Result<int> DeliverySender::sendDue(int limit, const std::atomic<bool>* stop) {
    const Instant now = clock_.now();
    std::vector<Attempt> attempts;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        for (Delivery& d : s.get<NotificationStore>().dueDeliveries(now, limit)) {
            std::optional<OutboundMessage> m = messageOf(s, d, now);
            attempts.push_back({std::move(d), std::move(m)});
        }
        return Status::ok();
    }));
    if (attempts.empty()) return 0;
    // No transaction is open while a message travels: a slow receiver holds
    // this thread alone.
    std::vector<std::string> errors;
    for (const Attempt& a : attempts) {
        if (stop != nullptr && stop->load()) break;
        errors.push_back(a.message ? channels_.send(*a.message) : "the district no longer sends on this channel");
    }
    attempts.resize(errors.size());
    if (attempts.empty()) return 0;
    const Instant done = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        NotificationStore& store = s.get<NotificationStore>();
        for (std::size_t i = 0; i < attempts.size(); ++i) {
            std::optional<Delivery> d = store.delivery(attempts[i].delivery.id);
            if (!d || d->status != DeliveryStatus::kPending || d->attempts != attempts[i].delivery.attempts) continue;
            d->attempts += 1;
            if (errors[i].empty()) {
                d->status = DeliveryStatus::kSent;
                d->sent_at = done;
                d->last_error.clear();
            } else {
                d->last_error = errors[i].substr(0, 500);
                const bool permanent = !attempts[i].message;
                if (permanent || d->attempts >= kMaxDeliveryAttempts) {
                    d->status = DeliveryStatus::kFailed;
                } else {
                    d->next_attempt_at = done + deliveryBackoff(d->attempts);
                }
            }
            store.updateDelivery(*d);
        }
        return Status::ok();
    }));
    return static_cast<int>(attempts.size());
}

}  // namespace yishi::domain
