#pragma once

#include <atomic>
#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/notifications.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// One message to send outside the server, as the district configured it.
struct OutboundMessage {
    std::string channel;  // "webhook" or "email"
    std::string json;     // the item as JSON (the webhook's body; the mail's text carries it too)
    Instant at;           // when the attempt is made (the webhook's signed timestamp)
    // webhook
    std::string url;  // http:// or https://
    std::string secret;
    std::string ca_pem;  // https and STARTTLS: trusted besides the system's trust store
    // email
    std::string smtp_host;
    int smtp_port = 25;
    bool smtp_starttls = false;
    std::string smtp_user;  // empty: no AUTH
    std::string smtp_password;
    std::string from;
    std::string to;
    std::string subject;
    std::string text;
};

// Sends a message (app: Poco HTTP and SMTP, signed with core/crypto's HMAC).
// Returns an empty string on success, else what went wrong. Blocks up to its
// own timeouts. Thread-safe.
class OutboundChannels {
  public:
    virtual ~OutboundChannels() = default;
    virtual std::string send(const OutboundMessage& message) = 0;
};

// Sends the deliveries that are due (docs/notifications.md): reads them on a
// snapshot, sends each with no transaction open, then records each outcome
// in a write: sent, or tried again after deliveryBackoff(), or failed after
// kMaxDeliveryAttempts. Never runs on a request's thread. Thread-safety: one
// caller at a time (its background thread).
class DeliverySender {
  public:
    DeliverySender(Database& db, const Clock& clock, OutboundChannels& channels);

    // Returns how many deliveries were attempted. Stops sending, after the
    // message in flight, once `stop` (when given) is set; the outcomes of
    // those sent are recorded.
    Result<int> sendDue(int limit = 20, const std::atomic<bool>* stop = nullptr);

  private:
    Database& db_;
    const Clock& clock_;
    OutboundChannels& channels_;
};

}  // namespace yishi::domain
