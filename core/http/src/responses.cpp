#include "responses.h"

namespace yishi::http {

int httpStatusFor(const Status& status) {
    switch (status.kind()) {
        case ErrorKind::kOk: return 200;
        case ErrorKind::kInvalid: return 400;
        case ErrorKind::kUnauthenticated: return 401;
        case ErrorKind::kForbidden: return 403;
        case ErrorKind::kNotFound: return 404;
        case ErrorKind::kConflict: return 409;
        case ErrorKind::kTooLarge: return 413;
        case ErrorKind::kUnsupported: return 415;
        case ErrorKind::kRateLimited: return 429;
        case ErrorKind::kUnavailable: return 503;
        case ErrorKind::kInternal: return 500;
    }
    return 500;
}

ApiResponse errorResponse(const Status& status, const std::string& request_id,
                          const std::function<void(JsonWriter&)>& extra) {
    ApiResponse r;
    r.status = httpStatusFor(status);
    // Internal details go to the log, not to the client.
    const std::string message = status.kind() == ErrorKind::kInternal
                                    ? "Something went wrong on our side; the request id helps us find it."
                                    : status.message();
    JsonWriter w;
    w.beginObject().key("error").beginObject();
    w.member("code", status.code()).member("message", message).member("request_id", request_id);
    if (extra) extra(w);
    w.endObject().endObject();
    r.body = w.take();
    if (status.kind() == ErrorKind::kRateLimited) {
        r.headers.emplace_back("Retry-After", std::to_string(status.retryAfterSeconds()));
    }
    return r;
}

ApiResponse jsonResponse(int http_status, JsonWriter& body) {
    ApiResponse r;
    r.status = http_status;
    r.body = body.take();
    return r;
}

}  // namespace yishi::http
