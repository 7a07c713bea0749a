#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/common/value.h"

// The JSON reader and writer for Value. Thread-safe (no shared state).
namespace yishi {

// Compact JSON (no spaces) with object keys in sorted order, so equal values
// give equal text. Strings as appendJsonString (json_string.h) writes them:
// UTF-8 as is, never re-encoded. Doubles are written as the shortest text
// that reads back as the same double, and always carry a '.' or an exponent
// ("2.0", "1e+20"), so they read back as doubles; NaN and infinities, which
// JSON cannot spell, are written as null.
std::string toJson(const Value& value);
void appendJson(std::string& out, const Value& value);

// How parseJson reads. `max_depth` bounds the nesting (and the recursion):
// a value may sit inside at most that many arrays and objects, so an array
// or object opened inside `max_depth` others is refused where it opens.
// With `check_utf8`, a string (member names included) that is not valid
// UTF-8 (overlong forms, surrogates and code points past U+10FFFF count as
// invalid) is refused at the first byte of the bad sequence.
struct JsonReadOptions {
    int max_depth = 64;
    bool check_utf8 = false;
};

// Why and where parseJson refused a text, as data, for callers that report
// it their own way (the HTTP layer names line and column).
struct JsonReadError {
    enum class Kind { kMalformed, kTooDeep };
    Kind kind = Kind::kMalformed;
    std::size_t offset = 0;  // in bytes from the start of the text
    std::string what;        // e.g. "expected ':'"
};

// Parses one JSON value (RFC 8259), surrounded by optional whitespace only.
// Integers (no '.', no exponent) that fit int64 become exact ints; other
// numbers become doubles (so an integer past int64 is a double, never
// wrapped). Escapes (\uXXXX with surrogate pairs included) become UTF-8;
// other bytes of a string are kept as they are. A repeated object key keeps
// its last value. Errors: invalid "json.syntax", its message ending
// "at byte N" with the offset of the error, for malformed text and for
// nesting past the depth; `error`, when given, receives the same as data.
Result<Value> parseJson(std::string_view text, const JsonReadOptions& options, JsonReadError* error = nullptr);
Result<Value> parseJson(std::string_view text, int max_depth = 64);

}  // namespace yishi
