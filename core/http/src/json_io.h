#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/common/value.h"

namespace yishi::http {

// Parses a request body that must be one JSON object, with the common
// reader: UTF-8 checked, at most `max_depth` arrays and objects deep.
// Errors: invalid "json.malformed" / "json.too_deep" (the message names line
// and column), invalid "body.not_object".
Result<Value> parseJsonObject(std::string_view text, int max_depth);

// "line L, column C" of the byte at `offset` in `text`; columns count
// characters, not UTF-8 bytes.
std::string lineAndColumn(std::string_view text, std::size_t offset);

// Typed access to members of a request body (or of an object inside one).
// Errors name the member: invalid "body.missing_field" or "body.wrong_type".
// A body that is not an object (no body at all) has no members.
Result<std::string> requireString(const Value& body, const std::string& name);
// An absent member (or null) gives `fallback`.
Result<std::string> optionalString(const Value& body, const std::string& name, const std::string& fallback);
Result<bool> optionalBool(const Value& body, const std::string& name, bool fallback);
// Integers must fit int64: a larger one is refused ("body.wrong_type"),
// never wrapped, as are fractions.
Result<std::int64_t> requireInt(const Value& body, const std::string& name);
// A time given in seconds since the epoch, from 2000-01-01T00:00:00Z to
// 2099-12-31T23:59:59Z: invalid "body.<name>" otherwise (never clamped).
inline constexpr std::int64_t kEarliestTimeSeconds = 946'684'800;
inline constexpr std::int64_t kLatestTimeSeconds = 4'102'444'799;
Result<Instant> requireTime(const Value& body, const std::string& name);
// Absent or null: an empty optional.
Result<std::optional<std::int64_t>> optionalInt(const Value& body, const std::string& name);
Result<Value> requireObject(const Value& body, const std::string& name);
// Whether the member is there and not null.
bool hasField(const Value& body, const std::string& name);

// Refuses a member of `body` not named in `known` (a misspelt field would
// otherwise be ignored in silence): invalid "body.unknown_field" naming it
// and the fields the call takes. A body that is not an object passes.
Status onlyFields(const Value& body, std::initializer_list<const char*> known);

// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

}  // namespace yishi::http
