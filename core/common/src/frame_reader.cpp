#include "yishi/common/frame_reader.h"

#include <string>

namespace yishi {

FrameReader::FrameReader(std::string_view frame, std::string code) : frame_(frame), code_(std::move(code)) {}

Status FrameReader::fail(std::string_view what, std::string_view why) const {
    return Status::invalid(code_, std::string(what) + " at byte " + std::to_string(pos_) + ": " + std::string(why));
}

Result<std::string_view> FrameReader::bytes(std::string_view what) {
    if (frame_.size() - pos_ < 4) return fail(what, "the frame ends inside a length");
    std::uint64_t length = 0;
    for (int i = 0; i < 4; ++i) length = (length << 8) | static_cast<unsigned char>(frame_[pos_ + i]);
    if (frame_.size() - pos_ - 4 < length) return fail(what, "the frame ends inside a field");
    pos_ += 4;
    const std::string_view field = frame_.substr(pos_, length);
    pos_ += length;
    return field;
}

Result<std::string_view> FrameReader::bytesOfSize(std::string_view what, std::size_t size) {
    const std::size_t start = pos_;
    YISHI_ASSIGN_OR_RETURN(std::string_view field, bytes(what));
    if (field.size() != size) {
        pos_ = start;
        return fail(what, "has " + std::to_string(field.size()) + " bytes, not " + std::to_string(size));
    }
    return field;
}

Result<std::int64_t> FrameReader::int64(std::string_view what) {
    if (frame_.size() - pos_ < 8) return fail(what, "the frame ends inside an integer");
    std::uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n = (n << 8) | static_cast<unsigned char>(frame_[pos_ + i]);
    pos_ += 8;
    return static_cast<std::int64_t>(n);  // two's complement (C++20)
}

Result<std::int64_t> FrameReader::int64InRange(std::string_view what, std::int64_t lo, std::int64_t hi) {
    const std::size_t start = pos_;
    YISHI_ASSIGN_OR_RETURN(std::int64_t n, int64(what));
    if (n < lo || n > hi) {
        pos_ = start;
        return fail(what, "is " + std::to_string(n) + ", outside " + std::to_string(lo) + ".." + std::to_string(hi));
    }
    return n;
}

Result<std::string_view> FrameReader::tag() { return bytes("the tag"); }

Status FrameReader::expectTag(std::string_view expected) {
    const std::size_t start = pos_;
    YISHI_ASSIGN_OR_RETURN(std::string_view found, tag());
    if (found != expected) {
        pos_ = start;
        return fail("the tag", "expected " + std::string(expected));
    }
    return Status::ok();
}

Status FrameReader::finish() const {
    if (!atEnd()) return fail("the end", std::to_string(frame_.size() - pos_) + " bytes follow the last field");
    return Status::ok();
}

}  // namespace yishi
