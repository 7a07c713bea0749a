#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

#include "connection_watchdog.h"
#include "public_cache.h"
#include "static_files.h"
#include "yishi/http/router.h"
#include "yishi/http/server.h"

namespace yishi::http {

// Turns one HTTP request into one response: the web UI's files for paths
// outside /api/ (when the server has a www directory), else routing, limits (body size,
// content type, JSON depth), the session and CSRF checks, the handler, and
// the error funnel. Every API response is JSON with a Content-Length and an
// X-Request-Id, and is logged as one line. Never throws.
// Thread-safe: every connection thread calls process() on the one processor;
// between them it shares the core's services (thread-safe), the router and
// the options (not changed while the server runs) and the PublicCache.
class RequestProcessor {
  public:
    RequestProcessor(const ServerCore& core, const Router& router, const ServerOptions& options);

    // `client_address` is the peer's IP address (looked up once per connection).
    void process(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                 ConnectionWatchdog::Watch& watch, const std::string& client_address);

  private:
    // Fills `call` and runs the route; `*body_unread` tells whether the
    // request body was left in the stream (the connection must then close).
    ApiResponse handle(Poco::Net::HTTPServerRequest& request, ApiCall& call, ConnectionWatchdog::Watch& watch,
                       bool* body_unread);
    // A file of the web UI (or index.html for a deep link), with its
    // caching headers; 304 when the client holds it already.
    ApiResponse staticFile(Poco::Net::HTTPServerRequest& request, const ApiCall& call) const;
    Status authenticate(Poco::Net::HTTPServerRequest& request, ApiCall& call, Access access);

    const ServerCore& core_;
    const Router& router_;
    const ServerOptions& options_;
    PublicCache cache_;
    StaticFiles static_files_;
};

// A fresh id for a request: unique within the process, unlikely to repeat
// across restarts.
std::string nextRequestId();

}  // namespace yishi::http
