#include "yishi/common/status.h"

namespace yishi {

std::string Status::toString() const {
    if (isOk()) return "ok";
    return code_ + ": " + message_;
}

std::string_view errorKindName(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::kOk: return "ok";
        case ErrorKind::kInvalid: return "invalid";
        case ErrorKind::kUnauthenticated: return "unauthenticated";
        case ErrorKind::kForbidden: return "forbidden";
        case ErrorKind::kNotFound: return "not_found";
        case ErrorKind::kConflict: return "conflict";
        case ErrorKind::kTooLarge: return "too_large";
        case ErrorKind::kUnsupported: return "unsupported";
        case ErrorKind::kRateLimited: return "rate_limited";
        case ErrorKind::kUnavailable: return "unavailable";
        case ErrorKind::kInternal: return "internal";
    }
    return "internal";
}

}  // namespace yishi
