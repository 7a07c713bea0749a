#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http_request.h"

namespace yishi::http {

// The bounds a request must keep. Exceeding one is answered, not dropped:
// request line 414, head (fields, their count, a field line) 431, body 413.
struct ParseLimits {
    std::size_t max_request_line = 8 * 1024;
    std::size_t max_field_line = 8 * 1024;
    std::size_t max_head_bytes = 32 * 1024;  // request line, fields and trailer fields together
    std::size_t max_fields = 100;            // header and trailer fields together
    std::size_t max_body_bytes = 1 << 20;    // after de-chunking
};

// Why a request was refused. Every failure ends the connection after the
// answer: once framing is in doubt, no byte after it can be trusted to start
// the next request.
enum class ParseFailure {
    kNone,
    kMalformed,        // 400: syntax or framing (the message says which)
    kBodyTooLarge,     // 413: declared or sent body over max_body_bytes
    kUriTooLong,       // 414: request line over max_request_line
    kHeadersTooLarge,  // 431: a field line, the fields' count or the head over its bound
};

// Reads HTTP/1.1 requests (RFC 9112) from bytes, strictly: whatever a
// front end and this server could frame differently is refused, so that no
// second request can be smuggled inside the first. The rules:
//  - Lines end in CRLF. A bare LF, or a CR not followed by LF, is refused
//    (RFC 9112 2.2 allows a bare LF; we do not, since a proxy that does not
//    could frame the message differently). Empty lines before the request
//    line are skipped (2.2).
//  - Request line: METHOD SP TARGET SP HTTP/1.0 or HTTP/1.1, one space
//    each; the method a token; the target printable ASCII without spaces,
//    in origin form ("/..."), absolute form ("http://...", "https://...") or
//    "*" (OPTIONS only).
//  - Fields: a token, ":" right after it (no space before the colon), a
//    value of visible characters, spaces, tabs and bytes >= 0x80 (no other
//    control characters). A line starting with a space or tab (obs-fold) is
//    refused.
//  - HTTP/1.1 needs exactly one Host; HTTP/1.0 at most one.
//  - Content-Length: one field, one value, decimal digits only ("-5", "+18",
//    "0x10", "5, 5", "1 0" are refused; the field's surrounding whitespace
//    is not part of the value). Larger than max_body_bytes: 413, however
//    many digits.
//  - Transfer-Encoding: only "chunked", once, and not with Content-Length,
//    and not in an HTTP/1.0 request. Anything else (gzip, "chunked, chunked",
//    parameters, an empty value) is refused.
//  - Chunks: the size in hex digits only (no sign, no "0x", no leading
//    space), optional extensions after ";", CRLF after the data; trailer
//    fields are checked like header fields, counted against the head's
//    bounds, and dropped.
//  - A request without Content-Length or Transfer-Encoding has no body.
// Pure: no sockets and no clock, so it is tested and fuzzed on bytes alone.
// Not thread-safe: one parser per connection.
class RequestParser {
  public:
    explicit RequestParser(ParseLimits limits) : limits_(limits) {}

    // Takes bytes from `data` up to the end of one request, or up to the
    // byte that made it fail, and returns how many it took: the bytes after
    // a complete request belong to the next one (pipelining). Takes nothing
    // once done() or failed().
    std::size_t feed(std::string_view data);

    // Some byte of the current request (an empty line included) arrived.
    bool started() const { return consumed_ > 0; }
    // The head is read: request() has its method, target and fields.
    bool headDone() const;
    bool done() const { return state_ == State::kDone; }
    bool failed() const { return state_ == State::kFailed; }
    ParseFailure failure() const { return failure_; }
    // What was wrong, in English, for the error's message (never echoes the
    // client's bytes).
    const std::string& failureText() const { return failure_text_; }

    // The request read so far (complete once done()).
    const HttpRequest& request() const { return request_; }
    // After done(): the request; the parser is then ready for the next one.
    HttpRequest take();

  private:
    enum class State {
        kRequestLine,
        kFields,
        kBody,
        kChunkSize,
        kChunkData,
        kChunkDataCr,
        kChunkDataLf,
        kTrailer,
        kDone,
        kFailed
    };

    // One line, without its CRLF.
    void onLine(std::string_view line);
    void onRequestLine(std::string_view line);
    void onField(std::string_view line, bool trailer);
    void onHeadEnd();
    void onChunkSize(std::string_view line);
    void fail(ParseFailure failure, std::string text);
    // The bound on the line now being read, and what exceeding it means.
    std::size_t lineLimit() const;
    void failLineTooLong();

    const ParseLimits limits_;
    State state_ = State::kRequestLine;
    ParseFailure failure_ = ParseFailure::kNone;
    std::string failure_text_;
    HttpRequest request_;
    std::string line_;             // a line begun in an earlier feed()
    std::size_t consumed_ = 0;     // bytes of this request so far
    std::size_t head_bytes_ = 0;   // head and trailer lines so far
    std::size_t fields_ = 0;       // header and trailer fields so far
    std::uint64_t remaining_ = 0;  // of the body or of the current chunk
    int content_lengths_ = 0;      // Content-Length fields seen
    bool content_length_too_large_ = false;
    int hosts_ = 0;                       // Host fields seen
    bool connection_close_ = false;       // Connection: close
    bool connection_keep_alive_ = false;  // Connection: keep-alive
    std::string transfer_encoding_;       // the Transfer-Encoding fields, joined by ","
    bool transfer_encoding_seen_ = false;
};

}  // namespace yishi::http
