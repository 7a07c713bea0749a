#pragma once

#include <string>
#include <string_view>

#include "yishi/common/result.h"

// Bytes in the API are lower-case hex (docs/api.md, elections).
namespace yishi::http {

std::string hexOf(std::string_view bytes);
// The bytes of `hex` (either case); invalid `code` when it is not an even
// number of hex digits.
Result<std::string> bytesOfHex(std::string_view hex, const std::string& code);

}  // namespace yishi::http
