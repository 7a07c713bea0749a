// libFuzzer harness for the HTTP request reader (core/http/src/request_parser.h).
//
// Each input is read as a connection would: requests one after another
// until the bytes end or one fails. Besides crashes and leaks (ASan), it
// checks what the server relies on:
//  - fed all at once, one byte at a time, or in uneven pieces, the parser
//    gives the same requests and the same failure (a slow or fragmenting
//    client cannot change how a request is framed);
//  - it never takes more bytes than offered, and takes all of them unless
//    a request ended or failed;
//  - every complete request is well formed: a token method, a printable
//    target, HTTP/1.0 or 1.1, a body within the limit and exactly as long as
//    its Content-Length, at most one Content-Length and never with chunked,
//    one Host in HTTP/1.1, field names that are tokens and values without
//    CR, LF or NUL or surrounding whitespace;
//  - a failure always says why.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "request_parser.h"

using namespace yishi::http;

namespace {

// Small limits, so that 413, 414 and 431 are within the fuzzer's reach.
ParseLimits limits() {
    ParseLimits l;
    l.max_request_line = 200;
    l.max_field_line = 200;
    l.max_head_bytes = 600;
    l.max_fields = 12;
    l.max_body_bytes = 300;
    return l;
}

void require(bool condition) {
    if (!condition) std::abort();
}

bool isTokenChar(unsigned char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    for (const char* p = "!#$%&'*+-.^_`|~"; *p; ++p) {
        if (*p == static_cast<char>(c)) return true;
    }
    return false;
}

bool isToken(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!isTokenChar(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

void checkRequest(const HttpRequest& r, const ParseLimits& l) {
    require(isToken(r.method));
    require(!r.target.empty());
    for (const char c : r.target) require(static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f);
    require(r.minor_version == 0 || r.minor_version == 1);
    require(r.body.size() <= l.max_body_bytes);
    if (!r.chunked) require(r.body.size() == r.content_length);
    require(r.headers.size() <= l.max_fields);
    int lengths = 0;
    int hosts = 0;
    int codings = 0;
    for (const auto& [name, value] : r.headers) {
        require(isToken(name));
        for (const char c : value) require(c != '\r' && c != '\n' && c != '\0');
        if (!value.empty()) {
            require(value.front() != ' ' && value.front() != '\t');
            require(value.back() != ' ' && value.back() != '\t');
        }
        if (equalsIgnoringCase(name, "Content-Length")) ++lengths;
        if (equalsIgnoringCase(name, "Host")) ++hosts;
        if (equalsIgnoringCase(name, "Transfer-Encoding")) ++codings;
    }
    require(lengths <= 1);
    require(!(r.chunked && lengths > 0));
    require(r.chunked == (codings > 0));
    if (r.minor_version == 1) require(hosts == 1);
    if (r.chunked) require(r.minor_version == 1);
}

std::string digest(const HttpRequest& r) {
    std::string d = r.method + '\0' + r.target + '\0' + std::to_string(r.minor_version) + (r.keep_alive ? "k" : "c") +
                    (r.chunked ? "t" : "l") + (r.expect_continue ? "e" : "-");
    for (const auto& [name, value] : r.headers) d += name + '\0' + value + '\0';
    return d + '\1' + r.body;
}

struct Outcome {
    std::vector<std::string> requests;
    int failure = 0;
    bool operator==(const Outcome& o) const { return requests == o.requests && failure == o.failure; }
};

// Every request in `data`, fed in pieces of the sizes `piece` gives.
template <typename Piece>
Outcome readAll(std::string_view data, Piece piece) {
    const ParseLimits l = limits();
    RequestParser parser(l);
    Outcome out;
    std::size_t pos = 0;
    while (pos < data.size()) {
        const std::size_t offered = std::min(piece(), data.size() - pos);
        const std::size_t used = parser.feed(data.substr(pos, offered));
        require(used <= offered);
        pos += used;
        if (parser.done()) {
            HttpRequest request = parser.take();
            checkRequest(request, l);
            out.requests.push_back(digest(request));
            require(!parser.started());
            continue;
        }
        if (parser.failed()) {
            require(parser.failure() != ParseFailure::kNone);
            require(!parser.failureText().empty());
            require(parser.feed(data.substr(pos)) == 0);
            out.failure = static_cast<int>(parser.failure());
            break;
        }
        require(used == offered);  // neither done nor failed: it takes all it is given
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    const Outcome whole = readAll(data, [] { return std::size_t(-1); });
    const Outcome dribbled = readAll(data, [] { return std::size_t(1); });
    require(whole == dribbled);
    // Uneven pieces, from a seed made of the input itself.
    std::uint32_t state = 2166136261u;
    for (const char c : data) state = (state ^ static_cast<unsigned char>(c)) * 16777619u;
    const Outcome pieces = readAll(data, [&state] {
        state = state * 1103515245u + 12345u;
        return std::size_t(1 + (state >> 16) % 23);
    });
    require(whole == pieces);
    return 0;
}
