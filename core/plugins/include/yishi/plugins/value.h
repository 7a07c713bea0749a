#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "yishi/common/result.h"

namespace yishi::plugins {

// Plain data crossing the plugin boundary: what the host hands a hook and
// what a hook returns. Objects keep their keys sorted, so the JSON text of a
// value is a function of the value alone; that is what makes plugin output
// byte-identical from one worker to the next.
class Value {
  public:
    using Array = std::vector<Value>;
    using Object = std::map<std::string, Value>;

    Value() = default;  // null
    Value(bool b) : data_(b) {}
    Value(int i) : data_(std::int64_t{i}) {}
    Value(std::int64_t i) : data_(i) {}
    Value(double d) : data_(d) {}
    Value(const char* s) : data_(std::string(s)) {}
    Value(std::string s) : data_(std::move(s)) {}
    Value(Array a) : data_(std::move(a)) {}
    Value(Object o) : data_(std::move(o)) {}

    bool isNull() const { return std::holds_alternative<std::monostate>(data_); }
    bool isBool() const { return std::holds_alternative<bool>(data_); }
    bool isInt() const { return std::holds_alternative<std::int64_t>(data_); }
    bool isDouble() const { return std::holds_alternative<double>(data_); }
    bool isString() const { return std::holds_alternative<std::string>(data_); }
    bool isArray() const { return std::holds_alternative<Array>(data_); }
    bool isObject() const { return std::holds_alternative<Object>(data_); }

    // REQUIRES: the matching is*() holds.
    bool asBool() const { return std::get<bool>(data_); }
    std::int64_t asInt() const { return std::get<std::int64_t>(data_); }
    double asDouble() const { return std::get<double>(data_); }
    const std::string& asString() const { return std::get<std::string>(data_); }
    const Array& asArray() const { return std::get<Array>(data_); }
    Array& asArray() { return std::get<Array>(data_); }
    const Object& asObject() const { return std::get<Object>(data_); }
    Object& asObject() { return std::get<Object>(data_); }

    // The member `key` of an object, or nullptr when this is not an object or
    // has no such member.
    const Value* find(std::string_view key) const;

    friend bool operator==(const Value&, const Value&) = default;

  private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object> data_;
};

// Compact JSON with sorted keys. Doubles are written with 17 significant
// digits and always carry a '.' or an exponent, so they read back as doubles.
std::string toJson(const Value& value);
void appendJson(std::string& out, const Value& value);

// Parses JSON text (RFC 8259) into a Value. Integers that fit int64 become
// ints, other numbers doubles. invalid "json.syntax" with the byte offset on
// malformed text or nesting deeper than `max_depth`.
Result<Value> parseJson(std::string_view text, int max_depth = 64);

}  // namespace yishi::plugins
