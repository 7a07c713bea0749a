#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace yishi {

// Bytes to hash: a domain-separation tag, then fields, laid out so that one
// byte string comes from exactly one list of fields. ("ab", "c") and
// ("a", "bc") give different bytes, and so do different tags.
//
// Layout (no padding, no separators, every integer big-endian):
//
//   encoding  = bytes(tag) field*
//   field     = bytes(b) | int64(n)
//   bytes(b)  = length of b as 4 bytes (unsigned) || the bytes of b
//   int64(n)  = n as 8 bytes, two's complement
//
// e.g. LengthPrefixed("t").bytes("ab").int64(-2) is the 19 bytes
//   00 00 00 01 74 | 00 00 00 02 61 62 | FF FF FF FF FF FF FF FE
//
// The bytes do not say which kind each field is: a tag stands for one fixed
// sequence of fields, written down where the tag is defined; when that
// sequence changes, so does the tag (".../v2"). Bytes are taken as they are,
// without any text normalisation.
//
// A value type; not safe to change from two threads at once.
class LengthPrefixed {
  public:
    // Starts with bytes(tag). Throws std::length_error when the tag has 2^32
    // bytes or more.
    explicit LengthPrefixed(std::string_view tag);

    // Appends bytes(field). Throws std::length_error when the field has 2^32
    // bytes or more.
    LengthPrefixed& bytes(std::string_view field);
    // Appends int64(n).
    LengthPrefixed& int64(std::int64_t n);

    // Everything appended so far, the tag first.
    const std::string& encoded() const { return out_; }

  private:
    std::string out_;
};

}  // namespace yishi
