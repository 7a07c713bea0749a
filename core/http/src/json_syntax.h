#pragma once

#include <string_view>

#include "yishi/common/status.h"

namespace yishi::http {

// Checks that `text` is one JSON value (RFC 8259) nested at most `max_depth`
// arrays/objects deep, before anything builds a tree of it. Errors, each
// naming line and column: invalid "json.malformed", invalid "json.too_deep".
// Runs in linear time and constant stack.
Status checkJsonSyntax(std::string_view text, int max_depth);

}  // namespace yishi::http
