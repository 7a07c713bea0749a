// GCC 12 reports a false maybe-uninitialized inside std::variant assignment.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "yishi/common/json.h"

#include "yishi/common/json_string.h"
#include "yishi/common/utf8.h"

namespace yishi {

namespace {

void appendDouble(std::string& out, double d) {
    if (!std::isfinite(d)) {  // JSON has no spelling for these
        out += "null";
        return;
    }
    // The shortest text that reads back as the same double.
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    out.append(buffer, end);
    if (std::find_if(buffer, end, [](char c) { return c == '.' || c == 'e'; }) == end) out += ".0";
}

class Parser {
  public:
    Parser(std::string_view text, const JsonReadOptions& options) : text_(text), options_(options) {}

    Result<Value> parseDocument() {
        skipSpace();
        Value v;
        if (!parseValue(v, 0)) return failure();
        skipSpace();
        if (pos_ != text_.size()) {
            fail("unexpected text after the value");
            return failure();
        }
        return v;
    }

    const JsonReadError& error() const { return error_; }

  private:
    Status failure() const {
        return Status::invalid("json.syntax", error_.what + " at byte " + std::to_string(error_.offset));
    }
    bool failAt(std::size_t offset, const char* message) {
        error_.offset = offset;
        error_.what = message;
        return false;
    }
    bool fail(const char* message) { return failAt(pos_, message); }
    void skipSpace() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
            ++pos_;
    }
    bool literal(const char* word) {
        const std::size_t n = std::strlen(word);
        if (text_.substr(pos_, n) != word) return fail("unknown literal");
        pos_ += n;
        return true;
    }

    // `depth`: how many arrays and objects are open around this value.
    bool parseValue(Value& out, int depth) {
        if (pos_ >= text_.size()) return fail("unexpected end of text");
        switch (text_[pos_]) {
            case '{':
            case '[':
                if (depth >= options_.max_depth) {
                    error_.kind = JsonReadError::Kind::kTooDeep;
                    return fail("nesting too deep");
                }
                return text_[pos_] == '{' ? parseObject(out, depth) : parseArray(out, depth);
            case '"': {
                std::string s;
                if (!parseString(s)) return false;
                out = Value(std::move(s));
                return true;
            }
            case 't': out = Value(true); return literal("true");
            case 'f': out = Value(false); return literal("false");
            case 'n': out = Value(); return literal("null");
            default: return parseNumber(out);
        }
    }

    bool parseObject(Value& out, int depth) {
        ++pos_;
        Value::Object object;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            out = Value(std::move(object));
            return true;
        }
        for (;;) {
            skipSpace();
            std::string key;
            if (pos_ >= text_.size() || text_[pos_] != '"') return fail("expected a member name");
            if (!parseString(key)) return false;
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':'");
            ++pos_;
            skipSpace();
            Value member;
            if (!parseValue(member, depth + 1)) return false;
            object.insert_or_assign(std::move(key), std::move(member));
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == '}') {
                ++pos_;
                out = Value(std::move(object));
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool parseArray(Value& out, int depth) {
        ++pos_;
        Value::Array array;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            out = Value(std::move(array));
            return true;
        }
        for (;;) {
            skipSpace();
            Value element;
            if (!parseValue(element, depth + 1)) return false;
            array.push_back(std::move(element));
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == ']') {
                ++pos_;
                out = Value(std::move(array));
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    bool hex4(unsigned& out) {
        out = 0;
        for (int i = 0; i < 4; ++i, ++pos_) {
            if (pos_ >= text_.size()) return fail("short \\u escape");
            const char c = text_[pos_];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= c - '0';
            else if (c >= 'a' && c <= 'f')
                out |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                out |= c - 'A' + 10;
            else
                return fail("bad \\u escape");
        }
        return true;
    }

    // The length of the valid UTF-8 sequence at pos_ (a lead byte >= 0x80),
    // or 0.
    std::size_t utf8Length() const { return utf8SequenceLength(text_, pos_); }

    bool parseString(std::string& out) {
        ++pos_;  // opening quote
        for (;;) {
            if (pos_ >= text_.size()) return fail("unterminated string");
            const char c = text_[pos_];
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            if (options_.check_utf8 && static_cast<unsigned char>(c) >= 0x80) {
                const std::size_t n = utf8Length();
                if (n == 0) return fail("invalid UTF-8 in string");
                out.append(text_.substr(pos_, n));
                pos_ += n;
                continue;
            }
            ++pos_;
            if (c == '"') return true;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (pos_ >= text_.size()) return fail("unterminated escape");
            const char e = text_[pos_];
            if (e != 'u') ++pos_;
            switch (e) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    ++pos_;
                    unsigned cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp < 0xDC00) {
                        unsigned low = 0;
                        if (text_.substr(pos_, 2) != "\\u") return fail("lone surrogate");
                        pos_ += 2;
                        if (!hex4(low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF) return fail("lone surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail("lone surrogate");
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default: return failAt(pos_ - 1, "unknown escape");
            }
        }
    }

    bool parseNumber(Value& out) {
        const std::size_t start = pos_;
        bool integral = true;
        if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
        const std::size_t digits = pos_;
        // A leading '0' is the whole integer part; digits after it are
        // text after the number (so "01" goes wrong at the '1').
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else {
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        }
        if (pos_ == digits) return fail("unexpected character");
        if (pos_ < text_.size() && text_[pos_] == '.') {
            integral = false;
            ++pos_;
            const std::size_t frac = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            if (pos_ == frac) return fail("digits expected after '.'");
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            integral = false;
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            const std::size_t exp = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            if (pos_ == exp) return fail("digits expected in exponent");
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (integral) {
            std::int64_t i = 0;
            auto [end, ec] = std::from_chars(first, last, i);
            if (ec == std::errc() && end == last) {
                out = Value(i);
                return true;
            }
        }
        double d = 0;
        auto [end, ec] = std::from_chars(first, last, d);
        if (ec != std::errc() || end != last) return failAt(start, "number out of range");
        out = Value(d);
        return true;
    }

    std::string_view text_;
    const JsonReadOptions options_;
    std::size_t pos_ = 0;
    JsonReadError error_;
};

}  // namespace

void appendJson(std::string& out, const Value& value) {
    if (value.isNull()) {
        out += "null";
    } else if (value.isBool()) {
        out += value.asBool() ? "true" : "false";
    } else if (value.isInt()) {
        out += std::to_string(value.asInt());
    } else if (value.isDouble()) {
        appendDouble(out, value.asDouble());
    } else if (value.isString()) {
        appendJsonString(out, value.asString());
    } else if (value.isArray()) {
        out.push_back('[');
        bool first = true;
        for (const auto& element : value.asArray()) {
            if (!first) out.push_back(',');
            first = false;
            appendJson(out, element);
        }
        out.push_back(']');
    } else {
        out.push_back('{');
        bool first = true;
        for (const auto& [key, member] : value.asObject()) {
            if (!first) out.push_back(',');
            first = false;
            appendJsonString(out, key);
            out.push_back(':');
            appendJson(out, member);
        }
        out.push_back('}');
    }
}

std::string toJson(const Value& value) {
    std::string out;
    appendJson(out, value);
    return out;
}

Result<Value> parseJson(std::string_view text, const JsonReadOptions& options, JsonReadError* error) {
    Parser parser(text, options);
    Result<Value> value = parser.parseDocument();
    if (!value.isOk() && error) *error = parser.error();
    return value;
}

Result<Value> parseJson(std::string_view text, int max_depth) {
    return parseJson(text, JsonReadOptions{max_depth, false});
}

}  // namespace yishi
