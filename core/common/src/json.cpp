// GCC 12 reports a false maybe-uninitialized inside std::variant assignment.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "yishi/common/json.h"
#include "yishi/common/json_string.h"

namespace yishi {

namespace {

void appendDouble(std::string& out, double d) {
    if (!std::isfinite(d)) {  // JSON has no spelling for these
        out += "null";
        return;
    }
    char buffer[32];
    int n = std::snprintf(buffer, sizeof buffer, "%.17g", d);
    out.append(buffer, n);
    if (!std::strpbrk(buffer, ".eEn")) out += ".0";
}

class Parser {
  public:
    Parser(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

    Result<Value> parseDocument() {
        skipSpace();
        Value v;
        if (!parseValue(v, 0)) return failure();
        skipSpace();
        if (pos_ != text_.size()) {
            error_ = "unexpected text after the value";
            return failure();
        }
        return v;
    }

  private:
    Status failure() const {
        return Status::invalid("json.syntax", error_ + " at byte " + std::to_string(pos_));
    }
    bool fail(const char* message) {
        error_ = message;
        return false;
    }
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

    bool parseValue(Value& out, int depth) {
        if (depth > max_depth_) return fail("nesting too deep");
        if (pos_ >= text_.size()) return fail("unexpected end of text");
        switch (text_[pos_]) {
            case '{': return parseObject(out, depth);
            case '[': return parseArray(out, depth);
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
        if (pos_ + 4 > text_.size()) return fail("short \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = text_[pos_++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= c - '0';
            else if (c >= 'a' && c <= 'f') out |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') out |= c - 'A' + 10;
            else return fail("bad \\u escape");
        }
        return true;
    }

    bool parseString(std::string& out) {
        ++pos_;  // opening quote
        for (;;) {
            if (pos_ >= text_.size()) return fail("unterminated string");
            char c = text_[pos_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (pos_ >= text_.size()) return fail("unterminated escape");
            char e = text_[pos_++];
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
                    unsigned cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp < 0xDC00) {
                        unsigned low = 0;
                        if (text_.substr(pos_, 2) != "\\u") return fail("lone surrogate");
                        pos_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return fail("lone surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail("lone surrogate");
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default: return fail("unknown escape");
            }
        }
    }

    bool parseNumber(Value& out) {
        const std::size_t start = pos_;
        bool integral = true;
        if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
        const std::size_t digits = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        if (pos_ == digits) return fail("unexpected character");
        if (text_[digits] == '0' && pos_ - digits > 1) return fail("leading zero");
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
        if (ec != std::errc() || end != last) return fail("number out of range");
        out = Value(d);
        return true;
    }

    std::string_view text_;
    int max_depth_;
    std::size_t pos_ = 0;
    std::string error_;
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

Result<Value> parseJson(std::string_view text, int max_depth) {
    Parser parser(text, max_depth);
    return parser.parseDocument();
}

}  // namespace yishi
