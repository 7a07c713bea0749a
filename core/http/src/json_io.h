#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "yishi/common/result.h"

namespace yishi::http {

// Parses a request body that must be one JSON object. Errors:
// invalid "json.malformed" / "json.too_deep" (with line and column),
// invalid "body.not_object".
Result<Poco::JSON::Object::Ptr> parseJsonObject(std::string_view text, int max_depth);

// Typed access to members of a request body. Errors name the member:
// invalid "body.missing_field" or "body.wrong_type".
Result<std::string> requireString(const Poco::JSON::Object::Ptr& body, const std::string& name);
// An absent member (or null) gives `fallback`.
Result<std::string> optionalString(const Poco::JSON::Object::Ptr& body, const std::string& name,
                                   const std::string& fallback);
Result<bool> optionalBool(const Poco::JSON::Object::Ptr& body, const std::string& name, bool fallback);
Result<std::int64_t> requireInt(const Poco::JSON::Object::Ptr& body, const std::string& name);
// Absent or null: an empty optional.
Result<std::optional<std::int64_t>> optionalInt(const Poco::JSON::Object::Ptr& body, const std::string& name);
Result<Poco::JSON::Object::Ptr> requireObject(const Poco::JSON::Object::Ptr& body,
                                              const std::string& name);

// A fresh object that keeps members in insertion order (stable output).
Poco::JSON::Object::Ptr newObject();
// Compact JSON text; non-ASCII stays UTF-8.
std::string toJson(const Poco::JSON::Object::Ptr& object);
// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

}  // namespace yishi::http
