#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yishi/common/status.h"

namespace yishi::http {

// Text of a request that handlers read and answers may repeat: the path and
// the query's names and values, each percent-decoded. Every one must be
// valid UTF-8 (json_io.h checks the body's strings), so that no answer or
// log line carries bytes a reader cannot decode: invalid "request.bad_utf8"
// naming which part is not. Pure; thread-safe.
Status checkRequestText(std::string_view path, const std::vector<std::pair<std::string, std::string>>& query);

}  // namespace yishi::http
