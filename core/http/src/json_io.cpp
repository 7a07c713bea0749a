#include "json_io.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include "json_syntax.h"
#include "yishi/common/json_string.h"

namespace yishi::http {

namespace {

Status missing(const std::string& name) {
    return Status::invalid("body.missing_field", "The request body needs the field \"" + name + "\".");
}

Status wrongType(const std::string& name, const char* expected) {
    return Status::invalid("body.wrong_type",
                           "The field \"" + name + "\" must be " + expected + ".");
}

}  // namespace

Result<Poco::JSON::Object::Ptr> parseJsonObject(std::string_view text, int max_depth) {
    YISHI_RETURN_IF_ERROR(checkJsonSyntax(text, max_depth));
    try {
        Poco::JSON::Parser parser;
        // The syntax check bounded the depth already; this is a second fence.
        parser.setDepth(static_cast<std::size_t>(max_depth) + 1);
        Poco::Dynamic::Var root = parser.parse(std::string(text));
        if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
            return Status::invalid("body.not_object", "The request body must be a JSON object.");
        }
        return root.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        return Status::invalid("json.malformed", "Malformed JSON: " + e.displayText());
    }
}

Result<std::string> requireString(const Poco::JSON::Object::Ptr& body, const std::string& name) {
    if (!body || !body->has(name) || body->isNull(name)) return missing(name);
    Poco::Dynamic::Var v = body->get(name);
    if (!v.isString()) return wrongType(name, "a string");
    return v.extract<std::string>();
}

Result<std::string> optionalString(const Poco::JSON::Object::Ptr& body, const std::string& name,
                                   const std::string& fallback) {
    if (!body || !body->has(name) || body->isNull(name)) return fallback;
    return requireString(body, name);
}

Result<bool> optionalBool(const Poco::JSON::Object::Ptr& body, const std::string& name,
                          bool fallback) {
    if (!body || !body->has(name) || body->isNull(name)) return fallback;
    Poco::Dynamic::Var v = body->get(name);
    if (v.type() != typeid(bool)) return wrongType(name, "true or false");
    return v.extract<bool>();
}

Result<std::int64_t> requireInt(const Poco::JSON::Object::Ptr& body, const std::string& name) {
    if (!body || !body->has(name) || body->isNull(name)) return missing(name);
    Poco::Dynamic::Var v = body->get(name);
    if (!v.isInteger()) return wrongType(name, "an integer");
    try {
        return v.convert<std::int64_t>();
    } catch (const Poco::Exception&) {
        return wrongType(name, "an integer in range");
    }
}

Result<std::optional<std::int64_t>> optionalInt(const Poco::JSON::Object::Ptr& body, const std::string& name) {
    if (!body || !body->has(name) || body->isNull(name)) return std::optional<std::int64_t>();
    YISHI_ASSIGN_OR_RETURN(std::int64_t value, requireInt(body, name));
    return std::optional<std::int64_t>(value);
}

Result<Poco::JSON::Object::Ptr> requireObject(const Poco::JSON::Object::Ptr& body,
                                              const std::string& name) {
    if (!body || !body->has(name) || body->isNull(name)) return missing(name);
    Poco::JSON::Object::Ptr o = body->getObject(name);
    if (!o) return wrongType(name, "an object");
    return o;
}

Poco::JSON::Object::Ptr newObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

namespace {

// Appends `v` as JSON. Poco's own stringify writes through an ostream a
// character at a time, which dominated the profile of list responses; this
// appends to one string.
void appendJson(std::string& out, const Poco::Dynamic::Var& v);

void appendObject(std::string& out, const Poco::JSON::Object& o) {
    out.push_back('{');
    bool first = true;
    // getNames() keeps insertion order for JSON_PRESERVE_KEY_ORDER objects.
    for (const std::string& name : o.getNames()) {
        if (!first) out.push_back(',');
        first = false;
        appendJsonString(out, name);
        out.push_back(':');
        appendJson(out, o.get(name));
    }
    out.push_back('}');
}

void appendArray(std::string& out, const Poco::JSON::Array& a) {
    out.push_back('[');
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out.push_back(',');
        appendJson(out, a.get(static_cast<unsigned>(i)));
    }
    out.push_back(']');
}

void appendJson(std::string& out, const Poco::Dynamic::Var& v) {
    if (v.isEmpty()) {
        out += "null";
    } else if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto& o = v.extract<Poco::JSON::Object::Ptr>();
        if (o) appendObject(out, *o);
        else out += "null";
    } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto& a = v.extract<Poco::JSON::Array::Ptr>();
        if (a) appendArray(out, *a);
        else out += "null";
    } else if (v.type() == typeid(bool)) {
        out += v.extract<bool>() ? "true" : "false";
    } else if (v.isString()) {
        appendJsonString(out, v.extract<std::string>());
    } else if (v.isInteger()) {
        out += v.convert<std::string>();
    } else if (v.isNumeric()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", v.convert<double>());
        out += buf;
    } else {
        appendJsonString(out, v.convert<std::string>());
    }
}

}  // namespace

std::string toJson(const Poco::JSON::Object::Ptr& object) {
    std::string out;
    out.reserve(256);
    appendObject(out, *object);
    return out;
}

std::string jsonQuote(std::string_view text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}


}  // namespace yishi::http
