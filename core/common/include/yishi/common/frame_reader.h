#pragma once

#include <cstdint>
#include <string_view>

#include "yishi/common/result.h"

namespace yishi {

// Reads what LengthPrefixed writes: bytes(tag), then fields in the order
// the tag defines. Every failure is invalid(<code given at construction>)
// with a message that says which field and where, so a reader of the
// election record can name the check that failed.
//
// The reader views `frame` and does not copy it: the frame must outlive it
// and every view it returns. Not thread-safe (it keeps a position).
class FrameReader {
  public:
    FrameReader(std::string_view frame, std::string code);

    // Reads bytes(tag) and fails unless it equals `expected`.
    Status expectTag(std::string_view expected);
    // Reads bytes(tag), whatever it is.
    Result<std::string_view> tag();
    // Reads bytes(x). `what` names the field in the error.
    Result<std::string_view> bytes(std::string_view what);
    // Reads bytes(x) and fails unless x has exactly `size` bytes.
    Result<std::string_view> bytesOfSize(std::string_view what, std::size_t size);
    // Reads int64(n).
    Result<std::int64_t> int64(std::string_view what);
    // Reads int64(n) and fails unless lo <= n <= hi.
    Result<std::int64_t> int64InRange(std::string_view what, std::int64_t lo, std::int64_t hi);
    // OK when every byte has been read; fails on trailing bytes.
    Status finish() const;

    std::size_t position() const { return pos_; }
    bool atEnd() const { return pos_ == frame_.size(); }

  private:
    Status fail(std::string_view what, std::string_view why) const;

    std::string_view frame_;
    std::string code_;
    std::size_t pos_ = 0;
};

}  // namespace yishi
