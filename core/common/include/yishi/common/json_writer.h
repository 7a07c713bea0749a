#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/value.h"

namespace yishi {

// Writes compact JSON text straight into a string, in the order of the
// calls, so object members come out in the order they are written (what the
// HTTP API's responses and docs/api.md rely on) and no tree is built first.
// Commas and colons are placed by the writer; the caller keeps the shape
// right (a key before each member value, every begin matched by its end).
// Strings are written as appendJsonString does, doubles and embedded Values
// as toJson does (json.h): NaN and infinities become null.
// One writer per thread; it is not synchronised.
class JsonWriter {
  public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);

    JsonWriter& null();
    JsonWriter& value(bool b);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(double d);
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter& value(T i) {
        separate();
        char buffer[24];
        out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, i).ptr);
        return *this;
    }
    // A Value as toJson writes it (object keys sorted).
    JsonWriter& value(const Value& v);
    // null when empty.
    template <typename T>
    JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }
    // A JSON array of the items.
    template <typename T>
    JsonWriter& value(const std::vector<T>& items) {
        beginArray();
        for (const T& item : items) value(item);
        return endArray();
    }

    // key(name) then value(v).
    template <typename T>
    JsonWriter& member(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    void separate();  // a ',' when a value or member came before at this level

    std::string out_;
    bool need_comma_ = false;
};

}  // namespace yishi
