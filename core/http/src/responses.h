#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "api_types.h"
#include "yishi/common/status.h"

namespace yishi::http {

// The HTTP status for a failed Status's kind.
int httpStatusFor(const Status& status);

// {"error": {"code", "message", "request_id"}} with the matching status
// (and Retry-After for rate limits).
ApiResponse errorResponse(const Status& status, const std::string& request_id);

ApiResponse jsonResponse(int http_status, const Poco::JSON::Object::Ptr& body);

}  // namespace yishi::http
