#include "responses.h"

#include <optional>
#include <string_view>

#include "yishi/common/utf8.h"

namespace yishi::http {

namespace {

// Above a plugin's capped fault (kMaxFaultCauseBytes, 1 KB, plus the
// plugin's name and the position), so its own "… (N bytes)" stays shown.
constexpr std::size_t kMaxErrorMessageBytes = 2048;

}  // namespace

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

ApiResponse errorResponse(const Status& status, const std::string& request_id, Language language,
                          const std::function<void(JsonWriter&)>& extra) {
    ApiResponse r;
    r.status = httpStatusFor(status);
    // Internal details go to the log, not to the client.
    const bool internal = status.kind() == ErrorKind::kInternal;
    // A message may carry text from outside (a plugin's fault, a name from
    // the request): the answer shows a short, valid-UTF-8 excerpt of it.
    const std::string message_en = internal ? "Something went wrong on our side; the request id helps us find it."
                                            : utf8Excerpt(status.message(), kMaxErrorMessageBytes);
    const std::optional<std::string_view> zh = messageZhCn(internal ? "server.error" : status.code());
    const std::string message_zh = zh ? std::string(*zh) : message_en;
    const Language shown = zh ? language : Language::kEn;
    JsonWriter w;
    w.beginObject().key("error").beginObject();
    w.member("code", utf8Excerpt(status.code(), 128))
        .member("message", shown == Language::kEn ? message_en : message_zh)
        .member("message_zh", message_zh)
        .member("message_en", message_en)
        .member("request_id", request_id);
    if (extra) extra(w);
    w.endObject().endObject();
    r.body = w.take();
    r.headers.emplace_back("Content-Language", languageTag(shown));
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
