#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "yishi/common/status.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/router.h"
#include "yishi/http/server_options.h"

namespace yishi::http {

// What the server itself needs besides the features' routes. References
// must outlive the server.
struct ServerCore {
    // Sessions: who each request's caller is, and the session routes.
    domain::AuthService& auth;
    // OK when the server can serve (e.g. the database answers).
    std::function<Status()> health;
    // A number that changes with every committed write (empty: no public
    // cache). Public pages rendered for anonymous callers are shared while
    // it stays the same.
    std::function<std::uint64_t()> data_generation = {};
    // The server runs on a test clock (yishi serve --test-clock): /health says so.
    bool test_clock = false;
};

// A method and a path pattern of the API, such as GET /api/v1/communities/{id}.
struct RouteInfo {
    std::string method;
    std::string pattern;
};

// The server's own routes: health, sessions and /me.
void addCoreRoutes(Router& router, const ServerCore& core);

// The JSON API over HTTP/1.1 (Poco's HTTP server session machinery on a
// TCPServer, with a connection loop of our own so that every answer, even to
// a malformed request line, is JSON with a Content-Length, and so that a
// watchdog can bound the time a client takes to send a request).
//
// Requests are logged one line each to the Poco logger "yishi.http".
// Thread-safe: start() and stop() from one controlling thread.
class HttpServer {
  public:
    // Serves the core routes, then `routes` (the features'), matched in
    // that order.
    HttpServer(ServerCore core, const Router& routes, ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts serving. unavailable "http.bind_failed" when the
    // address cannot be bound.
    Status start();

    // The bound port (after start()).
    std::uint16_t port() const;

    // Every route served, in the order they are matched.
    std::vector<RouteInfo> routes() const;

    // Stops accepting, lets requests in progress finish (idle keep-alive
    // connections are closed), and returns when every connection has ended.
    void stop();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace yishi::http
