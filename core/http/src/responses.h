#pragma once

#include <functional>
#include <string>

#include "yishi/common/json_writer.h"
#include "yishi/common/status.h"
#include "yishi/http/api_types.h"

namespace yishi::http {

// The HTTP status for a failed Status's kind.
int httpStatusFor(const Status& status);

// {"error": {"code", "message", "message_zh", "message_en", "request_id"}}
// with the matching status, Content-Language, and Retry-After for rate
// limits. `message` is in `language`; a code without a zh-CN message is
// answered in English (message_zh then holds the English too).
// `extra`, when given, writes more members into the "error" object (e.g.
// the state and allowed actions of a refused transition).
ApiResponse errorResponse(const Status& status, const std::string& request_id, Language language,
                          const std::function<void(JsonWriter&)>& extra = {});

// The same, in the language the call asked for.
inline ApiResponse errorResponse(const Status& status, const ApiCall& call,
                                 const std::function<void(JsonWriter&)>& extra = {}) {
    return errorResponse(status, call.request_id, call.language, extra);
}

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
