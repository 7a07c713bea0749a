#include "json_syntax.h"

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

namespace yishi::http {

namespace {

// An iterative recursive-descent scanner: the nesting lives in `stack_`, so
// a hostile body cannot overflow the C++ stack.
class Scanner {
  public:
    Scanner(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

    Status run() {
        skipSpace();
        if (!value()) return error_;
        skipSpace();
        if (pos_ != text_.size()) return fail("unexpected text after the JSON value");
        return Status::ok();
    }

  private:
    // Parses one value; containers are handled by the loop in container().
    bool value() {
        if (pos_ >= text_.size()) return failed("the body ends where a value was expected");
        const char c = text_[pos_];
        if (c == '{' || c == '[') return container();
        if (c == '"') return string();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (literal("true") || literal("false") || literal("null")) return true;
        return failed(std::string("unexpected character '") + printable(c) + "'");
    }

    bool container() {
        // Each stack entry is the closing bracket we wait for.
        const std::size_t base = stack_.size();
        if (!open()) return false;
        while (stack_.size() > base) {
            skipSpace();
            const char close = stack_.back();
            if (pos_ < text_.size() && text_[pos_] == close && !after_comma_) {
                ++pos_;
                stack_.pop_back();
                if (!afterValue()) return false;
                continue;
            }
            if (close == '}') {
                if (pos_ >= text_.size() || text_[pos_] != '"') {
                    return failed("expected a quoted member name");
                }
                if (!string()) return false;
                skipSpace();
                if (pos_ >= text_.size() || text_[pos_] != ':') return failed("expected ':'");
                ++pos_;
                skipSpace();
            }
            after_comma_ = false;
            if (pos_ < text_.size() && (text_[pos_] == '{' || text_[pos_] == '[')) {
                if (!open()) return false;
                continue;
            }
            if (!value() || !afterValue()) return false;
        }
        return true;
    }

    bool open() {
        if (static_cast<int>(stack_.size()) >= max_depth_) {
            error_ = Status::invalid("json.too_deep", "JSON nested deeper than " +
                                                          std::to_string(max_depth_) +
                                                          " levels at " + where());
            return false;
        }
        stack_.push_back(text_[pos_] == '{' ? '}' : ']');
        ++pos_;
        after_comma_ = false;
        return true;
    }

    // After a value inside a container: ',' or the closing bracket.
    bool afterValue() {
        if (stack_.empty()) return true;
        skipSpace();
        if (pos_ >= text_.size()) return failed("the body ends inside an object or array");
        if (text_[pos_] == ',') {
            ++pos_;
            after_comma_ = true;
            return true;
        }
        if (text_[pos_] == stack_.back()) return true;
        return failed(std::string("expected ',' or '") + stack_.back() + "'");
    }

    bool string() {
        ++pos_;  // opening quote
        while (pos_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) return failed("control character inside a string");
            if (c == '\\') {
                ++pos_;
                if (pos_ >= text_.size()) break;
                const char e = text_[pos_];
                if (e == 'u') {
                    for (int i = 1; i <= 4; ++i) {
                        if (pos_ + i >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[pos_ + i]))) {
                            return failed("bad \\u escape");
                        }
                    }
                    pos_ += 4;
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return failed("bad escape in a string");
                }
            }
            ++pos_;
        }
        return failed("unterminated string");
    }

    bool number() {
        const std::size_t start = pos_;
        if (text_[pos_] == '-') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (!digits()) {
            return failedAt(start, "bad number");
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (!digits()) return failedAt(start, "bad number");
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (!digits()) return failedAt(start, "bad number");
        }
        return true;
    }

    bool digits() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ > start;
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    void skipSpace() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }

    static std::string printable(char c) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) return std::string(1, c);
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", u);
        return buf;
    }

    std::string whereAt(std::size_t at) const {
        int line = 1, column = 1;
        for (std::size_t i = 0; i < at && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                ++column;  // count characters, not UTF-8 continuation bytes
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    std::string where() const { return whereAt(pos_); }

    bool failedAt(std::size_t at, const std::string& what) {
        error_ = Status::invalid("json.malformed", "Malformed JSON at " + whereAt(at) + ": " + what + ".");
        return false;
    }
    bool failed(const std::string& what) { return failedAt(pos_, what); }
    Status fail(const std::string& what) {
        failed(what);
        return error_;
    }

    std::string_view text_;
    const int max_depth_;
    std::size_t pos_ = 0;
    std::vector<char> stack_;
    bool after_comma_ = false;
    Status error_;
};

}  // namespace

Status checkJsonSyntax(std::string_view text, int max_depth) {
    return Scanner(text, max_depth).run();
}

}  // namespace yishi::http
