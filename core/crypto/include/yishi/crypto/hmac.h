#pragma once

#include <string>
#include <string_view>

namespace yishi::crypto {

// HMAC-SHA-256 of `message` under `key` (any length), as 64 lowercase hex
// digits: what a receiver of a district's webhook recomputes with the
// district's secret to know the message is the server's. Thread-safe.
std::string hmacSha256Hex(std::string_view key, std::string_view message);

}  // namespace yishi::crypto
