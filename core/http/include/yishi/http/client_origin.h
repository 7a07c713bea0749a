#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"

namespace yishi::http {

// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers
// the server believes: IPv4 or IPv6 addresses and CIDR ranges
// ("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8"). Empty by default: then no
// forwarded header is believed, whoever sends it. An immutable value;
// thread-safe to read.
class TrustedProxies {
  public:
    TrustedProxies() = default;

    // A comma-separated list as above. invalid "config.trusted_proxies"
    // naming the entry that is neither an address nor a range.
    static Result<TrustedProxies> parse(std::string_view list);

    // Whether `address` (an IPv4 or IPv6 address in text; an IPv4 address
    // mapped into IPv6, "::ffff:10.0.0.1", counts as the IPv4 one) is in
    // one of the ranges. Text that is no address is in none.
    bool contains(std::string_view address) const;
    bool empty() const { return ranges_.empty(); }

  private:
    struct Range {
        std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
        bool v4 = false;
        int prefix = 0;
    };
    std::vector<Range> ranges_;
};

// Who sent a request and whether it came over TLS, as far as the server can
// believe it.
struct ClientOrigin {
    std::string address;  // the client's IP address
    bool https = false;   // the request came over TLS, to us or to a trusted proxy
};

// From plain values, so any connection layer can call it: `peer` is the
// socket's peer address, `peer_tls` whether that connection itself is TLS,
// `forwarded_for` and `forwarded_proto` the headers' values ("" when
// absent). Only when the peer is a trusted proxy are the headers read:
// the client is the rightmost X-Forwarded-For entry that is not itself a
// trusted proxy (entries left of it could be made up by the client; all
// trusted: the leftmost), and https holds when the first X-Forwarded-Proto
// value is "https". From anyone else, the headers are ignored: the peer is
// the client. Pure; thread-safe.
ClientOrigin clientOrigin(std::string_view peer, bool peer_tls, std::string_view forwarded_for,
                          std::string_view forwarded_proto, const TrustedProxies& trusted);

}  // namespace yishi::http
