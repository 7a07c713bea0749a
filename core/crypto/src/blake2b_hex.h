#pragma once

#include <string>
#include <string_view>

namespace yishi::crypto {

// BLAKE2b-256 of `context` (with its terminating zero, as a separator) then
// `content`, in hex. Each use has its own context string.
std::string blake2bHex(std::string_view context, std::string_view content);

}  // namespace yishi::crypto
