#pragma once

#include "yishi/domain/delivery_sender.h"

namespace yishi::app {

// The district's outbound channels over the network: a webhook is an HTTP
// POST of the item's JSON with X-Yishi-Timestamp and X-Yishi-Signature
// ("sha256=" + HMAC-SHA-256 of "<timestamp>.<body>" under the district's
// secret, core/crypto); mail goes through SMTP (Poco). TLS is Poco's NetSSL
// (OpenSSL): an https:// webhook and a STARTTLS mail server must show a
// certificate for their host name that the system's trust store or the
// district's own CA vouches for, or the attempt fails with the reason (no
// way to turn verification off). A user name is sent (AUTH PLAIN, else
// LOGIN) only after STARTTLS. Each attempt gives up after 5 seconds without
// progress. Thread-safe (no shared state).
class NetworkChannels final : public domain::OutboundChannels {
  public:
    NetworkChannels();
    ~NetworkChannels() override;
    NetworkChannels(const NetworkChannels&) = delete;
    NetworkChannels& operator=(const NetworkChannels&) = delete;

    std::string send(const domain::OutboundMessage& message) override;
};

}  // namespace yishi::app
