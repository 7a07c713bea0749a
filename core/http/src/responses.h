#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "yishi/http/api_types.h"
#include "yishi/common/status.h"

namespace yishi::http {

// The HTTP status for a failed Status's kind.
int httpStatusFor(const Status& status);

// {"error": {"code", "message", "request_id"}} with the matching status
// (and Retry-After for rate limits).
// `extra` members, when given, are added to the "error" object (e.g. the
// state and allowed actions of a refused transition).
ApiResponse errorResponse(const Status& status, const std::string& request_id,
                          Poco::JSON::Object::Ptr extra = nullptr);

ApiResponse jsonResponse(int http_status, const Poco::JSON::Object::Ptr& body);

}  // namespace yishi::http
