#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace yishi {

// Plain data as JSON knows it (json.h reads and writes it): what the host
// hands a plugin hook and what a hook returns, among others. Objects keep
// their keys sorted, so the JSON text of a value is a function of the value
// alone; that is what makes plugin output byte-identical from one worker to
// the next. A value type: reading one from several threads is safe, changing
// one needs it to yourself.
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
}  // namespace yishi
