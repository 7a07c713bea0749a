#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yishi::http {

// Whether `a` and `b` are equal ignoring ASCII case (field names, codings).
bool equalsIgnoringCase(std::string_view a, std::string_view b);

// One request as a connection read it: complete, body included (a chunked
// body de-chunked), framed by the strict rules of request_parser.h. The
// accessors have the names of Poco's request, which the processor read
// before; values, not references to the connection, so a worker thread owns
// its request outright.
class HttpRequest {
  public:
    std::string method;
    std::string target;     // the request-target as sent: "/path?query", "http://host/path" or "*"
    int minor_version = 1;  // HTTP/1.<minor_version>: 0 or 1
    // Every field of the head in order, names as sent, values without the
    // surrounding whitespace. Trailer fields of a chunked body are dropped.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool chunked = false;
    std::uint64_t content_length = 0;  // when not chunked
    bool keep_alive = true;            // what the version and Connection ask for
    bool expect_continue = false;      // Expect: 100-continue

    const std::string& getMethod() const { return method; }
    const std::string& getURI() const { return target; }
    // The first field named `name` (ASCII case-insensitive), or null.
    const std::string* find(std::string_view name) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
    // The first field named `name`, or `fallback`.
    std::string get(std::string_view name, std::string_view fallback = {}) const;
    // Whether the request framed a body: a positive Content-Length, or chunked.
    bool hasBody() const { return chunked || content_length > 0; }
};

}  // namespace yishi::http
