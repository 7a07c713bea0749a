#pragma once

#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/common/value.h"

// The JSON reader and writer for Value. Thread-safe (no shared state).
namespace yishi {

// Compact JSON (no spaces) with object keys in sorted order, so equal values
// give equal text. Strings as appendJsonString (json_string.h) writes them:
// UTF-8 as is, never re-encoded. Doubles are written with 17 significant
// digits and always carry a '.' or an exponent, so they read back as doubles;
// NaN and infinities, which JSON cannot spell, are written as null.
std::string toJson(const Value& value);
void appendJson(std::string& out, const Value& value);

// Parses one JSON value (RFC 8259), surrounded by optional whitespace only.
// Integers (no '.', no exponent) that fit int64 become exact ints; other
// numbers become doubles. Escapes (\uXXXX with surrogate pairs included)
// become UTF-8; other bytes of a string are kept as they are (not checked to
// be UTF-8). A repeated object key keeps its last value. Errors: invalid
// "json.syntax", its message ending "at byte N" with the offset of the error,
// for malformed text and for a value inside more than `max_depth` arrays and
// objects (recursion is bounded by it).
Result<Value> parseJson(std::string_view text, int max_depth = 64);

}  // namespace yishi
