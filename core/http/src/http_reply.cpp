#include "http_reply.h"

#include <ctime>

namespace yishi::http {

namespace {

// The Date field's value (RFC 9110 5.6.7), formatted once a second per thread.
const std::string& httpDate() {
    thread_local std::time_t formatted_at = -1;
    thread_local std::string text;
    const std::time_t now = std::time(nullptr);
    if (now != formatted_at) {
        static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                      kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
        text = buffer;
        formatted_at = now;
    }
    return text;
}

void field(std::string& head, std::string_view name, std::string_view value) {
    head.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

const char* reasonPhrase(int status) {
    switch (status) {
        case 100: return "Continue";
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 206: return "Partial Content";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 307: return "Temporary Redirect";
        case 308: return "Permanent Redirect";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 411: return "Length Required";
        case 412: return "Precondition Failed";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        case 505: return "HTTP Version Not Supported";
        default: return "Unknown";
    }
}

void closeAfter(HttpReply& reply) {
    if (reply.close) return;
    reply.close = true;
    static constexpr std::string_view kKeepAlive = "Connection: keep-alive\r\n";
    const std::size_t kept = reply.head.find(kKeepAlive);
    if (kept != std::string::npos) reply.head.erase(kept, kKeepAlive.size());
    reply.head.insert(reply.head.find("\r\n") + 2, "Connection: close\r\n");
}

HttpReply makeReply(ApiResponse&& out, const ReplyOptions& options) {
    HttpReply reply;
    reply.status = out.status;
    reply.close = !options.keep_alive;
    std::uint64_t length = out.body.size();
    if (out.stream) {
        length = out.stream_length;
    } else if (out.shared) {
        length = out.shared->body.size();
    }

    std::string& head = reply.head;
    head.reserve(320);
    head.append("HTTP/1.1 ").append(std::to_string(out.status)).append(" ").append(reasonPhrase(out.status));
    head.append("\r\n");
    field(head, "Date", httpDate());
    if (!options.keep_alive) {
        field(head, "Connection", "close");
    } else if (options.http10) {
        field(head, "Connection", "keep-alive");
    }
    field(head, "X-Request-Id", options.request_id);
    field(head, "Cache-Control", out.cache_control.empty() ? "no-store" : out.cache_control);
    field(head, "X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : out.headers) field(head, name, value);
    field(head, "Content-Type", out.content_type.empty() ? "application/json; charset=utf-8" : out.content_type);
    if (out.status != 304) field(head, "Content-Length", std::to_string(length));
    head.append("\r\n");

    if (options.head_only || out.status == 304) return reply;
    if (out.stream) {
        reply.stream = std::move(out.stream);
        reply.stream_length = out.stream_length;
    } else if (out.shared) {
        reply.rendering = std::move(out.shared);
    } else {
        reply.body = std::move(out.body);
    }
    return reply;
}

}  // namespace yishi::http
