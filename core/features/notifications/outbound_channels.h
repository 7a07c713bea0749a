#pragma once

#include "yishi/domain/delivery_sender.h"

namespace yishi::app {

// The district's outbound channels over the network: a webhook is an HTTP
// POST of the item's JSON with X-Yishi-Timestamp and X-Yishi-Signature
// ("sha256=" + HMAC-SHA-256 of "<timestamp>.<body>" under the district's
// secret, core/crypto); mail goes through SMTP (Poco). Each attempt gives up
// after 5 seconds without progress. Only plain http:// webhooks (TLS is not
// built in). Thread-safe (no shared state).
class NetworkChannels final : public domain::OutboundChannels {
  public:
    std::string send(const domain::OutboundMessage& message) override;
};

}  // namespace yishi::app
