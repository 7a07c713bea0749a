#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "yishi/common/status.h"
#include "yishi/domain/admin_service.h"
#include "yishi/domain/auth_service.h"
#include "yishi/domain/community_service.h"
#include "yishi/domain/consultation_service.h"
#include "yishi/domain/convention_service.h"
#include "yishi/domain/escalation_service.h"
#include "yishi/domain/plugin_service.h"
#include "yishi/domain/points_service.h"
#include "yishi/domain/settings_service.h"
#include "yishi/domain/project_service.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::http {

// The use cases the API exposes. All references must outlive the server.
struct Services {
    domain::AuthService& auth;
    domain::CommunityService& communities;
    domain::AdminService& admin;
    domain::ProposalService& proposals;
    domain::ConsultationService& consultation;
    domain::ProjectService& projects;
    domain::ConventionService& conventions;
    domain::EscalationService& escalations;
    domain::PluginService& plugins;
    domain::PointsService& points;
    domain::SettingsService& settings;
    // OK when the server can serve (e.g. the database answers).
    std::function<Status()> health;
    // A number that changes with every committed write (empty: no public
    // cache). Public pages rendered for anonymous callers are shared while
    // it stays the same.
    std::function<std::uint64_t()> data_generation = {};
};

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;               // 0: the system picks a free port
    int threads = 128;                       // connections served at once
    int public_cache_ttl_ms = 2000;          // longest an anonymous rendering is shared
    int max_queued = 256;                    // connections waiting for a thread
    std::size_t max_body_bytes = 1 << 20;    // larger bodies get 413
    int max_json_depth = 32;                 // deeper JSON gets 400
    int request_deadline_ms = 10'000;        // whole request read, headers and body
    int keep_alive_timeout_ms = 10'000;      // idle time between requests
    int max_keep_alive_requests = 1000;
    bool secure_cookies = false;             // add "Secure" (behind HTTPS)
    std::int64_t session_ttl_seconds = 7 * 24 * 3600;  // cookie Max-Age
};

// A method and a path pattern of the API, such as GET /api/v1/communities/{id}.
struct RouteInfo {
    std::string method;
    std::string pattern;
};

// Every route the API serves, in the order they are matched.
std::vector<RouteInfo> apiRoutes();

// The JSON API over HTTP/1.1 (Poco's HTTP server session machinery on a
// TCPServer, with a connection loop of our own so that every answer, even to
// a malformed request line, is JSON with a Content-Length, and so that a
// watchdog can bound the time a client takes to send a request).
//
// Requests are logged one line each to the Poco logger "yishi.http".
// Thread-safe: start() and stop() from one controlling thread.
class HttpServer {
  public:
    HttpServer(Services services, ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts serving. unavailable "http.bind_failed" when the
    // address cannot be bound.
    Status start();

    // The bound port (after start()).
    std::uint16_t port() const;

    // Stops accepting, lets requests in progress finish (idle keep-alive
    // connections are closed), and returns when every connection has ended.
    void stop();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace yishi::http
