#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace yishi {

// The family of an error. Each family maps to one HTTP status in core/http
// and to one exit code in the CLI; the stable, machine-readable part of an
// error is Status::code(), e.g. "community.not_found".
enum class ErrorKind {
    kOk,
    kInvalid,          // the request is malformed or a value is out of range
    kUnauthenticated,  // no valid session
    kForbidden,        // authenticated, but this actor may not do this here
    kNotFound,
    kConflict,  // the state of the resource does not allow it
    kTooLarge,
    kUnsupported,  // e.g. a content type the API does not take
    kRateLimited,  // retry after Status::retryAfterSeconds()
    kUnavailable,  // a dependency is busy or down; retrying may help
    kInternal,     // a bug or a broken dependency
};

// A Status is the result of an operation that may fail in an expected way.
// It is either OK or carries a kind, a stable code and a human message.
// Statuses are values: copy them freely.
class Status {
  public:
    Status() = default;

    static Status ok() { return Status(); }
    static Status invalid(std::string code, std::string message) {
        return Status(ErrorKind::kInvalid, std::move(code), std::move(message));
    }
    static Status unauthenticated(std::string code, std::string message) {
        return Status(ErrorKind::kUnauthenticated, std::move(code), std::move(message));
    }
    static Status forbidden(std::string code, std::string message) {
        return Status(ErrorKind::kForbidden, std::move(code), std::move(message));
    }
    static Status notFound(std::string code, std::string message) {
        return Status(ErrorKind::kNotFound, std::move(code), std::move(message));
    }
    static Status conflict(std::string code, std::string message) {
        return Status(ErrorKind::kConflict, std::move(code), std::move(message));
    }
    static Status tooLarge(std::string code, std::string message) {
        return Status(ErrorKind::kTooLarge, std::move(code), std::move(message));
    }
    static Status unsupported(std::string code, std::string message) {
        return Status(ErrorKind::kUnsupported, std::move(code), std::move(message));
    }
    // REQUIRES: retry_after_seconds > 0.
    static Status rateLimited(std::string code, std::string message, int retry_after_seconds) {
        Status s(ErrorKind::kRateLimited, std::move(code), std::move(message));
        s.retry_after_seconds_ = retry_after_seconds;
        return s;
    }
    static Status unavailable(std::string code, std::string message) {
        return Status(ErrorKind::kUnavailable, std::move(code), std::move(message));
    }
    static Status internal(std::string code, std::string message) {
        return Status(ErrorKind::kInternal, std::move(code), std::move(message));
    }

    bool isOk() const { return kind_ == ErrorKind::kOk; }
    ErrorKind kind() const { return kind_; }
    // Empty when OK; otherwise "<area>.<what>", stable across releases.
    const std::string& code() const { return code_; }
    const std::string& message() const { return message_; }
    // Seconds a client should wait before retrying; 0 unless kRateLimited.
    int retryAfterSeconds() const { return retry_after_seconds_; }

    // "code: message", or "ok".
    std::string toString() const;

  private:
    Status(ErrorKind kind, std::string code, std::string message)
        : kind_(kind), code_(std::move(code)), message_(std::move(message)) {}

    ErrorKind kind_ = ErrorKind::kOk;
    std::string code_;
    std::string message_;
    int retry_after_seconds_ = 0;
};

// Name of an ErrorKind for logs, e.g. "not_found".
std::string_view errorKindName(ErrorKind kind);

}  // namespace yishi

// Returns early from the calling function when `expr` yields a failed Status.
#define YISHI_RETURN_IF_ERROR(expr)                      \
    do {                                                 \
        ::yishi::Status yishi_status_ = (expr);          \
        if (!yishi_status_.isOk()) return yishi_status_; \
    } while (0)
