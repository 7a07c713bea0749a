#include "yishi/common/length_prefixed.h"

#include <stdexcept>

namespace yishi {

namespace {

void appendBigEndian(std::string& out, std::uint64_t n, int size) {
    for (int shift = 8 * (size - 1); shift >= 0; shift -= 8) {
        out.push_back(static_cast<char>((n >> shift) & 0xFF));
    }
}

}  // namespace

LengthPrefixed::LengthPrefixed(std::string_view tag) { bytes(tag); }

LengthPrefixed& LengthPrefixed::bytes(std::string_view field) {
    if (field.size() > 0xFFFFFFFFu) {
        throw std::length_error("a length-prefixed field has 2^32 bytes or more");
    }
    appendBigEndian(out_, field.size(), 4);
    out_.append(field);
    return *this;
}

LengthPrefixed& LengthPrefixed::int64(std::int64_t n) {
    // The conversion to unsigned is modulo 2^64: two's complement.
    appendBigEndian(out_, static_cast<std::uint64_t>(n), 8);
    return *this;
}

}  // namespace yishi
