#pragma once

#include <string>

#include "http_reply.h"
#include "http_request.h"
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
// Thread-safe: every worker thread calls process() on the one processor;
// between them it shares the core's services (thread-safe), the router and
// the options (not changed while the server runs) and the PublicCache.
//
// Pages of kPublicCached routes come from the cache (docs/architecture.md,
// "The page cache"): one rendering for what anyone sees, one for what the
// managers of the page's community see, and one per person for whom the
// page reads differently (CacheFacts), each kept while the scopes it
// depends on are unchanged. Each cached answer says X-Cache: hit or miss.
class RequestProcessor {
  public:
    RequestProcessor(const ServerCore& core, const Router& router, const ServerOptions& options);

    // The response to a complete request (read by the connection, body
    // included). `client_address` is the peer's IP address (looked up once
    // per connection); `keep_alive` false answers "Connection: close".
    HttpReply process(const HttpRequest& request, const std::string& client_address, bool keep_alive);

  private:
    // Fills `call` and runs the route.
    ApiResponse handle(const HttpRequest& request, ApiCall& call);
    // A file of the web UI (or index.html for a deep link), with its
    // caching headers; 304 when the client holds it already.
    ApiResponse staticFile(const HttpRequest& request, const ApiCall& call) const;
    Status authenticate(const HttpRequest& request, ApiCall& call, Access access);
    // A GET of a kPublicCached route (cached_page.cpp): the caller's
    // rendering from the cache, or made and kept.
    ApiResponse cachedPage(const Router::Route& route, const HttpRequest& request, ApiCall& call);

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
