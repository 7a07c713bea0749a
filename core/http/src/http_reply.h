#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "public_cache.h"
#include "yishi/http/api_types.h"

namespace yishi::http {

// The bytes of one response as a connection writes them: the head, then
// exactly one of a body, a shared rendering (its memory file leaves by
// sendfile) or a stream. Made by a worker; written by the worker that made
// it and, for what the socket does not take at once, by the I/O loop.
struct HttpReply {
    int status = 200;
    std::string head;  // status line, fields, empty line
    std::string body;
    std::shared_ptr<const PublicRendering> rendering;
    // Writes exactly `stream_length` bytes (ApiResponse::stream); may throw.
    std::function<void(std::ostream&)> stream;
    std::uint64_t stream_length = 0;
    // "Connection: close" was sent: the connection ends after this response.
    bool close = false;
};

// What a response needs besides its ApiResponse.
struct ReplyOptions {
    std::string request_id;
    bool head_only = false;  // a HEAD request: the fields of the GET, no body
    bool keep_alive = true;  // false: "Connection: close"
    bool http10 = false;     // an HTTP/1.0 client: "Connection: keep-alive" when kept
};

// The response for `out`: status line, Date, Connection, X-Request-Id,
// Cache-Control (no-store unless set), X-Content-Type-Options, the
// response's own fields, Content-Type (JSON unless set) and Content-Length
// (left out of a 304, whose body is the GET's). `out` is moved from.
HttpReply makeReply(ApiResponse&& out, const ReplyOptions& options);

// Makes a reply made for keep-alive end its connection ("Connection:
// close"): for an answer finished while the server began to stop.
void closeAfter(HttpReply& reply);

// "OK", "Not Found", ...; "Unknown" for a code not listed.
const char* reasonPhrase(int status);

}  // namespace yishi::http
