#include "json_io.h"

#include <cmath>

#include "yishi/common/json.h"
#include "yishi/common/json_string.h"
#include "yishi/common/utf8.h"

namespace yishi::http {

namespace {

Status missing(const std::string& name) {
    return Status::invalid("body.missing_field", "The request body needs the field \"" + name + "\".");
}

Status wrongType(const std::string& name, const char* expected) {
    return Status::invalid("body.wrong_type", "The field \"" + name + "\" must be " + expected + ".");
}

}  // namespace

std::string lineAndColumn(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Result<Value> parseJsonObject(std::string_view text, int max_depth) {
    JsonReadError error;
    Result<Value> root = parseJson(text, JsonReadOptions{max_depth, true}, &error);
    if (!root.isOk()) {
        if (error.kind == JsonReadError::Kind::kTooDeep) {
            return Status::invalid("json.too_deep", "JSON nested deeper than " + std::to_string(max_depth) +
                                                        " levels at " + lineAndColumn(text, error.offset));
        }
        return Status::invalid("json.malformed",
                               "Malformed JSON at " + lineAndColumn(text, error.offset) + ": " + error.what + ".");
    }
    if (!root->isObject()) return Status::invalid("body.not_object", "The request body must be a JSON object.");
    return root;
}

bool hasField(const Value& body, const std::string& name) {
    const Value* v = body.find(name);
    return v && !v->isNull();
}

Result<std::string> requireString(const Value& body, const std::string& name) {
    if (!hasField(body, name)) return missing(name);
    const Value& v = *body.find(name);
    if (!v.isString()) return wrongType(name, "a string");
    return v.asString();
}

Result<std::string> optionalString(const Value& body, const std::string& name, const std::string& fallback) {
    if (!hasField(body, name)) return fallback;
    return requireString(body, name);
}

Result<bool> optionalBool(const Value& body, const std::string& name, bool fallback) {
    if (!hasField(body, name)) return fallback;
    const Value& v = *body.find(name);
    if (!v.isBool()) return wrongType(name, "true or false");
    return v.asBool();
}

Result<std::int64_t> requireInt(const Value& body, const std::string& name) {
    if (!hasField(body, name)) return missing(name);
    const Value& v = *body.find(name);
    // The reader gives an integer past int64 as a double: refused, not wrapped.
    if (v.isDouble() && std::fabs(v.asDouble()) >= 0x1p63) return wrongType(name, "an integer in range");
    if (!v.isInt()) return wrongType(name, "an integer");
    return v.asInt();
}

Result<Instant> requireTime(const Value& body, const std::string& name) {
    YISHI_ASSIGN_OR_RETURN(std::int64_t seconds, requireInt(body, name));
    // What 议事 schedules (meetings, deadlines, votes, a project's dates) lies
    // within a lifetime of now: anything outside 2000..2099 is a mistake (a
    // time in milliseconds, a sign slip), never a time to clamp or wrap.
    if (seconds < kEarliestTimeSeconds || seconds > kLatestTimeSeconds) {
        return Status::invalid("body." + name, "The field \"" + name +
                                                   "\" must be a time in seconds since 1970, between the years 2000 "
                                                   "and 2099.");
    }
    return Instant::fromSeconds(seconds);
}

Result<std::optional<std::int64_t>> optionalInt(const Value& body, const std::string& name) {
    if (!hasField(body, name)) return std::optional<std::int64_t>();
    YISHI_ASSIGN_OR_RETURN(std::int64_t value, requireInt(body, name));
    return std::optional<std::int64_t>(value);
}

Status onlyFields(const Value& body, std::initializer_list<const char*> known) {
    if (!body.isObject()) return Status::ok();
    for (const auto& [name, value] : body.asObject()) {
        bool found = false;
        for (const char* k : known) found = found || name == k;
        if (found) continue;
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        return Status::invalid("body.unknown_field",
                               "Unknown field \"" + utf8Excerpt(name, 64) + "\"; this call takes: " + list + ".");
    }
    return Status::ok();
}

Result<Value> requireObject(const Value& body, const std::string& name) {
    if (!hasField(body, name)) return missing(name);
    const Value& v = *body.find(name);
    if (!v.isObject()) return wrongType(name, "an object");
    return v;
}

std::string jsonQuote(std::string_view text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}

}  // namespace yishi::http
