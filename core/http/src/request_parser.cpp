#include "request_parser.h"

#include <algorithm>
#include <cstring>

namespace yishi::http {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// RFC 9110 5.6.2: tchar.
bool isTokenChar(unsigned char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return isTokenChar(static_cast<unsigned char>(c)); });
}

// A field value's characters: VCHAR, obs-text, SP and HTAB.
bool isValueChar(unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7f); }

bool isWhitespace(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isWhitespace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isWhitespace(s.back())) s.remove_suffix(1);
    return s;
}

bool startsWithIgnoringCase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equalsIgnoringCase(s.substr(0, prefix.size()), prefix);
}

// uri-host [":" port]: reg-name, IPv4 or an IP literal in brackets.
bool isHostValue(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
               std::strchr("-._~!$&'()*+;=%:[]", u) != nullptr;
    });
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Calls `each` with every element of a comma-separated list, trimmed;
// empty elements are skipped (RFC 9110 5.6.1).
template <typename Each>
void forEachListElement(std::string_view list, Each each) {
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view element = trim(list.substr(0, comma));
        if (!element.empty()) each(element);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

constexpr std::size_t kMaxChunkLine = 4096;

}  // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

const std::string* HttpRequest::find(std::string_view name) const {
    for (const auto& [n, v] : headers) {
        if (equalsIgnoringCase(n, name)) return &v;
    }
    return nullptr;
}

std::string HttpRequest::get(std::string_view name, std::string_view fallback) const {
    const std::string* value = find(name);
    return value ? *value : std::string(fallback);
}

bool RequestParser::headDone() const {
    return state_ != State::kRequestLine && state_ != State::kFields && state_ != State::kFailed;
}

void RequestParser::fail(ParseFailure failure, std::string text) {
    state_ = State::kFailed;
    failure_ = failure;
    failure_text_ = std::move(text);
}

std::size_t RequestParser::lineLimit() const {
    switch (state_) {
        case State::kRequestLine: return limits_.max_request_line;
        case State::kChunkSize: return kMaxChunkLine;
        default: return limits_.max_field_line;
    }
}

void RequestParser::failLineTooLong() {
    switch (state_) {
        case State::kRequestLine:
            fail(ParseFailure::kUriTooLong,
                 "The request line is longer than " + std::to_string(limits_.max_request_line) + " bytes.");
            break;
        case State::kChunkSize: fail(ParseFailure::kMalformed, "A chunk size line is too long."); break;
        default:
            fail(ParseFailure::kHeadersTooLarge,
                 "A header line is longer than " + std::to_string(limits_.max_field_line) + " bytes.");
    }
}

std::size_t RequestParser::feed(std::string_view data) {
    std::size_t pos = 0;
    while (pos < data.size()) {
        switch (state_) {
            case State::kDone:
            case State::kFailed: return pos;
            case State::kRequestLine:
            case State::kFields:
            case State::kChunkSize:
            case State::kTrailer: {
                const char* start = data.data() + pos;
                const std::size_t available = data.size() - pos;
                const auto* lf = static_cast<const char*>(std::memchr(start, '\n', available));
                const std::size_t take = lf ? static_cast<std::size_t>(lf - start) + 1 : available;
                const std::size_t line_bytes = line_.size() + (lf ? take - 1 : take);  // without the LF
                if (line_bytes > lineLimit() + 1) {                                    // + 1: the CR
                    failLineTooLong();
                    return pos;
                }
                const bool in_head = state_ != State::kChunkSize;
                if (in_head && head_bytes_ + line_bytes > limits_.max_head_bytes) {
                    fail(ParseFailure::kHeadersTooLarge,
                         "The request head is larger than " + std::to_string(limits_.max_head_bytes) + " bytes.");
                    return pos;
                }
                pos += take;
                consumed_ += take;
                if (!lf) {
                    line_.append(start, take);
                    break;
                }
                if (in_head) head_bytes_ += line_bytes + 1;
                std::string_view line(start, take - 1);
                if (!line_.empty()) {
                    line_.append(line);
                    line = line_;
                }
                if (line.empty() || line.back() != '\r') {
                    fail(ParseFailure::kMalformed, "A line ends in a bare LF; lines must end in CRLF.");
                    return pos;
                }
                line.remove_suffix(1);
                onLine(line);
                line_.clear();
                break;
            }
            case State::kBody:
            case State::kChunkData: {
                const std::size_t take =
                    static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, data.size() - pos));
                request_.body.append(data.data() + pos, take);
                pos += take;
                consumed_ += take;
                remaining_ -= take;
                if (remaining_ == 0) state_ = state_ == State::kBody ? State::kDone : State::kChunkDataCr;
                break;
            }
            case State::kChunkDataCr:
            case State::kChunkDataLf: {
                const char expected = state_ == State::kChunkDataCr ? '\r' : '\n';
                if (data[pos] != expected) {
                    fail(ParseFailure::kMalformed, "A chunk's data is not followed by CRLF.");
                    return pos;
                }
                ++pos;
                ++consumed_;
                state_ = state_ == State::kChunkDataCr ? State::kChunkDataLf : State::kChunkSize;
                break;
            }
        }
    }
    return pos;
}

void RequestParser::onLine(std::string_view line) {
    // A CR inside a line is a bare CR: refused like any control character
    // by the checks below (method, target, field name and value, chunk line).
    switch (state_) {
        case State::kRequestLine:
            if (!line.empty()) onRequestLine(line);  // empty lines before a request are skipped
            return;
        case State::kFields:
        case State::kTrailer: {
            const bool trailer = state_ == State::kTrailer;
            if (line.empty()) {
                if (trailer) {
                    state_ = State::kDone;
                } else {
                    onHeadEnd();
                }
                return;
            }
            if (isWhitespace(line.front())) {
                fail(ParseFailure::kMalformed, "A header line starts with whitespace (obs-fold is not accepted).");
                return;
            }
            onField(line, trailer);
            return;
        }
        case State::kChunkSize: onChunkSize(line); return;
        default: return;
    }
}

void RequestParser::onRequestLine(std::string_view line) {
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp1 == std::string_view::npos || sp2 == std::string_view::npos) {
        fail(ParseFailure::kMalformed, "The request line is not METHOD TARGET HTTP/1.x.");
        return;
    }
    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    if (!isToken(method)) {
        fail(ParseFailure::kMalformed, "The method has characters a method may not have.");
        return;
    }
    const bool target_chars = !target.empty() && std::all_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    if (!target_chars) {
        fail(ParseFailure::kMalformed, "The request target has characters a URI may not have.");
        return;
    }
    const bool origin_form = target.front() == '/';
    const bool absolute_form = startsWithIgnoringCase(target, "http://") || startsWithIgnoringCase(target, "https://");
    const bool asterisk_form = target == "*" && method == "OPTIONS";
    if (!origin_form && !absolute_form && !asterisk_form) {
        fail(ParseFailure::kMalformed, "The request target is not a path, an http(s) URL or * for OPTIONS.");
        return;
    }
    if (version == "HTTP/1.1") {
        request_.minor_version = 1;
    } else if (version == "HTTP/1.0") {
        request_.minor_version = 0;
    } else {
        fail(ParseFailure::kMalformed, "The request line is not METHOD TARGET HTTP/1.x (HTTP/1.0 and 1.1 only).");
        return;
    }
    request_.method = method;
    request_.target = target;
    state_ = State::kFields;
}

void RequestParser::onField(std::string_view line, bool trailer) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !isToken(line.substr(0, colon))) {
        fail(ParseFailure::kMalformed, "A header line is not NAME: VALUE with a valid name.");
        return;
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (!std::all_of(value.begin(), value.end(), [](char c) { return isValueChar(static_cast<unsigned char>(c)); })) {
        fail(ParseFailure::kMalformed, "A header value has control characters.");
        return;
    }
    if (++fields_ > limits_.max_fields) {
        fail(ParseFailure::kHeadersTooLarge,
             "The request has more than " + std::to_string(limits_.max_fields) + " header fields.");
        return;
    }
    if (trailer) return;  // checked, then dropped: no trailer field is used

    if (equalsIgnoringCase(name, "Content-Length")) {
        if (++content_lengths_ > 1) {
            fail(ParseFailure::kMalformed, "The request has more than one Content-Length.");
            return;
        }
        if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            fail(ParseFailure::kMalformed, "Content-Length must be decimal digits only.");
            return;
        }
        std::uint64_t length = 0;
        for (const char c : value) {
            length = length * 10 + static_cast<std::uint64_t>(c - '0');
            if (length > limits_.max_body_bytes) {
                content_length_too_large_ = true;  // saturate: any number of digits is fine to read
                length = limits_.max_body_bytes + 1;
            }
        }
        request_.content_length = length;
    } else if (equalsIgnoringCase(name, "Transfer-Encoding")) {
        if (transfer_encoding_seen_) transfer_encoding_ += ',';
        transfer_encoding_ += value;
        transfer_encoding_seen_ = true;
    } else if (equalsIgnoringCase(name, "Host")) {
        if (++hosts_ > 1) {
            fail(ParseFailure::kMalformed, "The request has more than one Host.");
            return;
        }
        if (!isHostValue(value)) {
            fail(ParseFailure::kMalformed, "The Host field is not a host name or address.");
            return;
        }
    } else if (equalsIgnoringCase(name, "Connection")) {
        forEachListElement(value, [&](std::string_view option) {
            if (equalsIgnoringCase(option, "close")) connection_close_ = true;
            if (equalsIgnoringCase(option, "keep-alive")) connection_keep_alive_ = true;
        });
    } else if (equalsIgnoringCase(name, "Expect")) {
        if (equalsIgnoringCase(value, "100-continue")) request_.expect_continue = true;
    }
    request_.headers.emplace_back(name, value);
}

void RequestParser::onHeadEnd() {
    if (request_.minor_version == 1 && hosts_ == 0) {
        fail(ParseFailure::kMalformed, "An HTTP/1.1 request needs a Host field.");
        return;
    }
    request_.keep_alive = !connection_close_ && (request_.minor_version == 1 || connection_keep_alive_);
    if (transfer_encoding_seen_) {
        if (request_.minor_version == 0) {
            fail(ParseFailure::kMalformed, "Transfer-Encoding is not allowed in an HTTP/1.0 request.");
            return;
        }
        if (content_lengths_ > 0) {
            fail(ParseFailure::kMalformed, "Content-Length and Transfer-Encoding may not come together.");
            return;
        }
        int codings = 0;
        bool chunked = false;
        forEachListElement(transfer_encoding_, [&](std::string_view coding) {
            ++codings;
            chunked = equalsIgnoringCase(coding, "chunked");
        });
        if (codings != 1 || !chunked) {
            fail(ParseFailure::kMalformed, "Only the chunked transfer coding is accepted, once.");
            return;
        }
        request_.chunked = true;
        state_ = State::kChunkSize;
        return;
    }
    if (content_length_too_large_) {
        fail(ParseFailure::kBodyTooLarge,
             "The request body is larger than " + std::to_string(limits_.max_body_bytes) + " bytes.");
        return;
    }
    remaining_ = request_.content_length;
    state_ = remaining_ > 0 ? State::kBody : State::kDone;
}

void RequestParser::onChunkSize(std::string_view line) {
    std::size_t i = 0;
    std::uint64_t size = 0;
    bool too_large = false;
    for (; i < line.size() && hexValue(line[i]) >= 0; ++i) {
        size = size * 16 + static_cast<std::uint64_t>(hexValue(line[i]));
        if (size > limits_.max_body_bytes) {
            too_large = true;
            size = limits_.max_body_bytes + 1;
        }
    }
    if (i == 0) {
        fail(ParseFailure::kMalformed, "A chunk size is not hexadecimal digits.");
        return;
    }
    if (i < line.size()) {
        // chunk-ext: *( BWS ";" BWS name [ BWS "=" BWS value ] ), ignored.
        std::size_t j = i;
        while (j < line.size() && isWhitespace(line[j])) ++j;
        if (j == line.size() || line[j] != ';') {
            fail(ParseFailure::kMalformed, "A chunk size is not hexadecimal digits.");
            return;
        }
        const std::string_view extension = line.substr(j);
        if (!std::all_of(extension.begin(), extension.end(),
                         [](char c) { return isValueChar(static_cast<unsigned char>(c)); })) {
            fail(ParseFailure::kMalformed, "A chunk extension has control characters.");
            return;
        }
    }
    if (too_large || request_.body.size() + size > limits_.max_body_bytes) {
        fail(ParseFailure::kBodyTooLarge,
             "The request body is larger than " + std::to_string(limits_.max_body_bytes) + " bytes.");
        return;
    }
    if (size == 0) {
        state_ = State::kTrailer;
        return;
    }
    remaining_ = size;
    state_ = State::kChunkData;
}

HttpRequest RequestParser::take() {
    HttpRequest out = std::move(request_);
    request_ = HttpRequest();
    state_ = State::kRequestLine;
    failure_ = ParseFailure::kNone;
    failure_text_.clear();
    line_.clear();
    consumed_ = 0;
    head_bytes_ = 0;
    fields_ = 0;
    remaining_ = 0;
    content_lengths_ = 0;
    content_length_too_large_ = false;
    hosts_ = 0;
    connection_close_ = false;
    connection_keep_alive_ = false;
    transfer_encoding_.clear();
    transfer_encoding_seen_ = false;
    return out;
}

}  // namespace yishi::http
