// libFuzzer harness for the JSON reader (core/common/src/json.cpp), the
// HTTP layer's request-body reader over it (parseJsonObject in
// core/http/src/json_io.cpp) and the UTF-8 excerpts of error messages
// (core/common/src/utf8.cpp). Besides crashes, leaks and undefined
// behaviour, it checks what the rest of the server relies on:
//  - round trip: a value that parses, written by toJson or by JsonWriter
//    (member by member, or whole), reads back as the same value, and the
//    text toJson writes is stable (writing the value read back gives the
//    same bytes);
//  - depth: a value read with max_depth d has at most d levels, and its
//    text is refused as too deep (kind kTooDeep) with one level less;
//  - UTF-8: on valid UTF-8 text the checking reader and the plain one agree;
//    every string the checking reader returns (member names too) is valid
//    UTF-8, whatever escapes it had;
//  - a refusal says where (an offset within the text) and why; the body
//    reader's codes are the three docs/api.md lists, and its messages never
//    quote the body;
//  - utf8Excerpt: valid UTF-8, within its bound (or the note alone), and
//    an excerpt of an excerpt is the same excerpt when it fits the bound.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "json_io.h"
#include "yishi/common/json.h"
#include "yishi/common/json_writer.h"
#include "yishi/common/utf8.h"

using namespace yishi;

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

// How many arrays and objects are open at the deepest value, 0 for a scalar.
int depthOf(const Value& v) {
    int deepest = 0;
    if (v.isArray()) {
        for (const auto& e : v.asArray()) deepest = std::max(deepest, depthOf(e));
        return deepest + 1;
    }
    if (v.isObject()) {
        for (const auto& [k, e] : v.asObject()) deepest = std::max(deepest, depthOf(e));
        return deepest + 1;
    }
    return 0;
}

bool allStringsValidUtf8(const Value& v) {
    if (v.isString()) return isValidUtf8(v.asString());
    if (v.isArray()) {
        for (const auto& e : v.asArray())
            if (!allStringsValidUtf8(e)) return false;
    }
    if (v.isObject()) {
        for (const auto& [k, e] : v.asObject())
            if (!isValidUtf8(k) || !allStringsValidUtf8(e)) return false;
    }
    return true;
}

// The value written member by member, as the HTTP layer writes its answers.
void writeInParts(JsonWriter& w, const Value& v) {
    if (v.isNull()) {
        w.null();
    } else if (v.isBool()) {
        w.value(v.asBool());
    } else if (v.isInt()) {
        w.value(v.asInt());
    } else if (v.isDouble()) {
        w.value(v.asDouble());
    } else if (v.isString()) {
        w.value(v.asString());
    } else if (v.isArray()) {
        w.beginArray();
        for (const auto& e : v.asArray()) writeInParts(w, e);
        w.endArray();
    } else {
        w.beginObject();
        for (const auto& [k, e] : v.asObject()) {
            w.key(k);
            writeInParts(w, e);
        }
        w.endObject();
    }
}

void checkRead(std::string_view text, const JsonReadOptions& options) {
    JsonReadError error;
    const Result<Value> read = parseJson(text, options, &error);
    if (!read.isOk()) {
        require(read.status().code() == "json.syntax");
        require(error.offset <= text.size());
        require(!error.what.empty());
        return;
    }
    const Value& v = *read;
    const int depth = depthOf(v);
    require(depth <= options.max_depth);
    if (options.check_utf8) require(allStringsValidUtf8(v));

    // What toJson writes reads back as the same value, and is stable.
    const std::string written = toJson(v);
    const Result<Value> again = parseJson(written, options);
    require(again.isOk());
    require(*again == v);
    require(toJson(*again) == written);

    // JsonWriter: whole, or member by member in the map's (sorted) order,
    // gives the same text.
    JsonWriter whole;
    whole.value(v);
    require(whole.text() == written);
    JsonWriter parts;
    writeInParts(parts, v);
    require(parts.text() == written);

    // The depth limit, on the written text (the input may nest deeper in a
    // member that a repeated key replaced): exactly enough passes, one less
    // is too deep, and the text is refused where the level opens.
    if (depth > 0) {
        require(parseJson(written, JsonReadOptions{depth, options.check_utf8}).isOk());
        JsonReadError shallow;
        require(!parseJson(written, JsonReadOptions{depth - 1, options.check_utf8}, &shallow).isOk());
        require(shallow.kind == JsonReadError::Kind::kTooDeep);
        require(written[shallow.offset] == '[' || written[shallow.offset] == '{');
    }
}

void checkBody(std::string_view text, int max_depth) {
    const Result<Value> body = http::parseJsonObject(text, max_depth);
    if (body.isOk()) {
        require(body->isObject());
        require(allStringsValidUtf8(*body));
        return;
    }
    const std::string& code = body.status().code();
    require(code == "json.malformed" || code == "json.too_deep" || code == "body.not_object");
    const std::string& message = body.status().message();
    require(isValidUtf8(message));
    require(message.size() < 160);  // a position and a reason, never the body
}

void checkExcerpt(std::string_view text, std::size_t max_bytes) {
    const std::string excerpt = utf8Excerpt(text, max_bytes);
    require(isValidUtf8(excerpt));
    const std::string note = "\xE2\x80\xA6 (" + std::to_string(text.size()) + " bytes)";
    require(excerpt.size() <= std::max(max_bytes, note.size()));
    if (isValidUtf8(text) && text.size() <= max_bytes) require(excerpt == text);
    // A fixed point when it fits the bound (a note alone past it is not).
    if (excerpt.size() <= max_bytes) require(utf8Excerpt(excerpt, max_bytes) == excerpt);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    // Small depths, so the limit is within the fuzzer's reach.
    checkRead(text, JsonReadOptions{8, false});
    checkRead(text, JsonReadOptions{8, true});
    if (isValidUtf8(text)) {
        const Result<Value> plain = parseJson(text, JsonReadOptions{8, false});
        const Result<Value> checked = parseJson(text, JsonReadOptions{8, true});
        require(plain.isOk() == checked.isOk());
        if (plain.isOk()) require(*plain == *checked);
    }
    checkBody(text, 8);
    checkExcerpt(text, size == 0 ? 0 : bytes[0] % 64);
    return 0;
}
