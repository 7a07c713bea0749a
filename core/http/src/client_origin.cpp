#include "yishi/http/client_origin.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "yishi/common/utf8.h"

namespace yishi::http {

namespace {

struct Address {
    std::array<std::uint8_t, 16> bytes{};
    bool v4 = false;
};

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<Address> parseAddress(std::string_view text) {
    text = trim(text);
    // "[::1]" as some proxies write IPv6; no ports.
    if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 45) return std::nullopt;
    const std::string z(text);
    Address a;
    if (::inet_pton(AF_INET, z.c_str(), a.bytes.data()) == 1) {
        a.v4 = true;
        return a;
    }
    if (::inet_pton(AF_INET6, z.c_str(), a.bytes.data()) != 1) return std::nullopt;
    static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(std::begin(kMapped), std::end(kMapped), a.bytes.begin())) {
        std::copy(a.bytes.begin() + 12, a.bytes.end(), a.bytes.begin());
        std::fill(a.bytes.begin() + 4, a.bytes.end(), 0);
        a.v4 = true;
    }
    return a;
}

bool samePrefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int prefix) {
    for (int i = 0; i < prefix / 8; ++i)
        if (a[i] != b[i]) return false;
    if (prefix % 8 == 0) return true;
    const std::uint8_t mask = static_cast<std::uint8_t>(0xFF << (8 - prefix % 8));
    return (a[prefix / 8] & mask) == (b[prefix / 8] & mask);
}

}  // namespace

Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
    TrustedProxies out;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view entry = trim(list.substr(start, end - start));
        start = end + 1;
        if (entry.empty()) {
            if (end == list.size()) break;
            continue;
        }
        auto bad = [&] {
            return Status::invalid(
                "config.trusted_proxies",
                "Not an IP address or range among the trusted proxies: \"" + utf8Excerpt(entry, 64) + "\".");
        };
        const std::size_t slash = entry.find('/');
        const std::optional<Address> address = parseAddress(entry.substr(0, slash));
        if (!address) return bad();
        Range range;
        range.bytes = address->bytes;
        range.v4 = address->v4;
        const int bits = range.v4 ? 32 : 128;
        range.prefix = bits;
        if (slash != std::string_view::npos) {
            const std::string_view digits = entry.substr(slash + 1);
            if (digits.empty() || digits.size() > 3 ||
                !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return bad();
            range.prefix = std::stoi(std::string(digits));
            if (range.prefix > bits) return bad();
        }
        out.ranges_.push_back(range);
        if (end == list.size()) break;
    }
    return out;
}

bool TrustedProxies::contains(std::string_view text) const {
    if (ranges_.empty()) return false;
    const std::optional<Address> address = parseAddress(text);
    if (!address) return false;
    return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& r) {
        return r.v4 == address->v4 && samePrefix(r.bytes, address->bytes, r.prefix);
    });
}

ClientOrigin clientOrigin(std::string_view peer, bool peer_tls, std::string_view forwarded_for,
                          std::string_view forwarded_proto, const TrustedProxies& trusted) {
    ClientOrigin origin{std::string(peer), peer_tls};
    if (!trusted.contains(peer)) return origin;

    // Right to left: each trusted hop vouches for the one before it; the
    // first hop it cannot vouch for is the client.
    std::string_view rest = forwarded_for;
    std::optional<std::string_view> leftmost;
    while (!trim(rest).empty()) {
        const std::size_t comma = rest.rfind(',');
        const std::string_view entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        if (entry.empty()) continue;
        const std::optional<Address> address = parseAddress(entry);
        if (!address) break;  // garbage: believe no further, keep the last hop vouched for
        leftmost = entry;
        if (!trusted.contains(entry)) break;
    }
    if (leftmost) {
        std::string_view a = *leftmost;
        if (a.size() > 2 && a.front() == '[' && a.back() == ']') a = a.substr(1, a.size() - 2);
        origin.address = std::string(a);
    }

    // The outermost proxy, the one the client spoke to, writes the first value.
    std::string_view proto = forwarded_proto.substr(0, forwarded_proto.find(','));
    proto = trim(proto);
    if (!proto.empty()) {
        std::string lower(proto);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        origin.https = peer_tls || lower == "https";
    }
    return origin;
}

}  // namespace yishi::http
