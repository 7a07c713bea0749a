#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "yishi/common/status.h"

namespace yishi {

// Either a value of type T or a failed Status. Construct from a value for
// success and from a non-OK Status for failure.
template <typename T>
class Result {
  public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
    // REQUIRES: !status.isOk().
    Result(Status status) : status_(std::move(status)) {  // NOLINT
        assert(!status_.isOk());
    }

    bool isOk() const { return value_.has_value(); }
    // OK when the result holds a value.
    const Status& status() const { return status_; }

    // REQUIRES: isOk().
    T& value() & { return *value_; }
    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() & { return *value_; }
    const T& operator*() const& { return *value_; }

  private:
    std::optional<T> value_;
    Status status_;
};

}  // namespace yishi

// Declares `lhs` from a Result-returning expression, or returns its Status.
#define YISHI_CONCAT_INNER_(a, b) a##b
#define YISHI_CONCAT_(a, b) YISHI_CONCAT_INNER_(a, b)
#define YISHI_ASSIGN_OR_RETURN(lhs, expr)                                                                       \
    auto YISHI_CONCAT_(yishi_result_, __LINE__) = (expr);                                                       \
    if (!YISHI_CONCAT_(yishi_result_, __LINE__).isOk()) return YISHI_CONCAT_(yishi_result_, __LINE__).status(); \
    lhs = std::move(YISHI_CONCAT_(yishi_result_, __LINE__)).value()
