#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "yishi/common/status.h"
#include "yishi/domain/auth_service.h"
#include "yishi/domain/data_versions.h"
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
    // When the data last changed, by scope (null: no page cache). Pages of
    // kPublicCached routes are kept while what they depend on is unchanged.
    const domain::DataVersions* versions = nullptr;
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

// The JSON API over HTTP/1.1. One I/O thread (epoll, Linux) accepts
// connections and reads requests with non-blocking sockets, framing them
// strictly (src/request_parser.h: what could smuggle a second request is a
// 400 and a closed connection); only complete requests go to a fixed pool of
// `threads` workers, which route them and write the answers (what the
// socket does not take at once is written by the I/O thread). An idle
// keep-alive or slow client costs a descriptor and a small buffer, never a
// thread. The connection model, its limits and deadlines are in
// src/connection_loop.h. Every answer, even to a request that cannot be
// parsed, is JSON with a Content-Length.
//
// start() raises the process's RLIMIT_NOFILE soft limit to its hard limit.
// Requests are logged one line each to the Poco logger "yishi.http".
// Thread-safe: start() and stop() from one controlling thread;
// connections() from any.
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

    // What the connections came to so far (for tests and the logs).
    struct Connections {
        std::uint64_t open = 0;
        std::uint64_t accepted = 0;
        std::uint64_t refused_per_address = 0;
        std::uint64_t refused_full = 0;  // at the cap, nothing to close for room
        std::uint64_t evicted = 0;       // closed (idle the longest) to make room
        std::uint64_t timed_out = 0;     // closed by a deadline
    };
    Connections connections() const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace yishi::http
