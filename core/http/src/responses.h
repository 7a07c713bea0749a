#pragma once

#include <functional>
#include <string>

#include "yishi/common/json_writer.h"
#include "yishi/common/status.h"
#include "yishi/http/api_types.h"

namespace yishi::http {

// The HTTP status for a failed Status's kind.
int httpStatusFor(const Status& status);

// {"error": {"code", "message", "request_id"}} with the matching status
// (and Retry-After for rate limits).
// `extra`, when given, writes more members into the "error" object (e.g.
// the state and allowed actions of a refused transition).
ApiResponse errorResponse(const Status& status, const std::string& request_id,
                          const std::function<void(JsonWriter&)>& extra = {});

// The text `body` wrote (one JSON value) as the response body.
ApiResponse jsonResponse(int http_status, JsonWriter& body);

// What `write(writer, value)` writes, as the response body.
template <typename Write, typename T>
ApiResponse jsonResponse(int http_status, Write write, const T& value) {
    JsonWriter w;
    write(w, value);
    return jsonResponse(http_status, w);
}

}  // namespace yishi::http
