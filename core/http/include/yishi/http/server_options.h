#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "yishi/common/time.h"
#include "yishi/http/client_origin.h"

namespace yishi::http {

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;                 // 0: the system picks a free port
    int threads = 64;                          // worker threads: requests worked on at once
    int public_cache_ttl_ms = 2000;            // longest a cached page is kept (0: none)
    int max_queued = 1024;                     // complete requests waiting for a worker; more get 503
    std::size_t max_body_bytes = 1 << 20;      // larger bodies get 413
    std::size_t max_header_bytes = 32 * 1024;  // request line and fields; 431 beyond (414 for a line over 8 KiB)
    int max_json_depth = 32;                   // deeper JSON gets 400
    int request_deadline_ms = 10'000;          // whole request read, headers and body; also the
                                               // longest an answer may wait for the client to read
    int keep_alive_timeout_ms = 10'000;        // idle time between requests
    int max_keep_alive_requests = 1000;
    // Open connections at once; 0: as many as the descriptor limit allows,
    // less a reserve (src/http_server.cpp). At the cap the connection idle
    // the longest is closed to make room.
    int max_connections = 0;
    // Connections from one client address; 0: no limit. Loopback clients
    // (a reverse proxy on the same host, the tests and benchmarks) are not
    // counted unless limit_loopback is set.
    int max_connections_per_address = 256;
    bool limit_loopback = false;
    // Add "Secure" to cookies always (the site is HTTPS-only). Without it,
    // cookies are Secure whenever the request came over TLS: directly, or
    // through a trusted proxy that says X-Forwarded-Proto: https.
    bool secure_cookies = false;
    // The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are
    // believed (client_origin.h); none by default.
    TrustedProxies trusted_proxies;
    Duration session_ttl = Duration::days(7);  // cookie Max-Age
    // The built web UI, served under / (every path outside /api/); empty or
    // missing: the API alone. Read once at start (src/static_files.h).
    std::string www_dir;
};

}  // namespace yishi::http
