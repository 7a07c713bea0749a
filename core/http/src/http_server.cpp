#include <Poco/Net/ServerSocket.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

#include "connection_loop.h"
#include "request_processor.h"
#include "yishi/http/server.h"

namespace yishi::http {

namespace {

// The descriptors a server may give to connections: the soft limit, raised
// to the hard one first (idle connections are cheap now; the descriptor is
// what they cost), less a reserve for the database, the plugin workers'
// pipes, the public cache's memory files and the logs.
std::size_t connectionCap(int configured) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    const std::size_t descriptors =
        limit.rlim_cur == RLIM_INFINITY ? std::size_t{1} << 20 : static_cast<std::size_t>(limit.rlim_cur);
    const std::size_t reserve = descriptors > 4096 ? 1024 : descriptors / 4;
    const std::size_t available = descriptors - reserve;
    if (configured <= 0) return available;
    return std::min(available, static_cast<std::size_t>(configured));
}

}  // namespace

class HttpServer::Impl {
  public:
    Impl(ServerCore core, const Router& routes, ServerOptions options)
        : core_(std::move(core)),
          options_(std::move(options)),
          router_(routerOf(core_, routes)),
          processor_(core_, router_, options_) {}

    Status start() {
        int fd = -1;
        try {
            Poco::Net::ServerSocket socket;
            socket.bind(Poco::Net::SocketAddress(options_.address, options_.port), true);
            socket.listen(4096);
            port_ = socket.address().port();
            // The loop owns its own descriptor; Poco's closes with `socket`.
            fd = ::dup(socket.impl()->sockfd());
        } catch (const Poco::Exception& e) {
            return Status::unavailable("http.bind_failed", "Cannot listen on " + options_.address + ":" +
                                                               std::to_string(options_.port) + ": " + e.displayText());
        }
        if (fd < 0) return Status::unavailable("http.bind_failed", "Cannot listen: no descriptor left.");
        loop_ = std::make_unique<ConnectionLoop>(options_, processor_, fd, connectionCap(options_.max_connections));
        Status started = loop_->start();
        if (!started.isOk()) loop_.reset();
        return started;
    }

    std::uint16_t port() const { return port_; }

    void stop() {
        if (loop_) loop_->stop();
    }

    ~Impl() { stop(); }

    std::vector<RouteInfo> routes() const {
        std::vector<RouteInfo> out;
        for (const Router::Route& r : router_.routes()) out.push_back({r.method, r.pattern});
        return out;
    }

    HttpServer::Connections connections() const {
        if (!loop_) return {};
        const ConnectionLoop::Counters c = loop_->counters();
        return {c.open, c.accepted, c.refused_per_address, c.refused_full, c.evicted, c.timed_out};
    }

  private:
    static Router routerOf(const ServerCore& core, const Router& routes) {
        Router all;
        addCoreRoutes(all, core);
        all.append(routes);
        return all;
    }

    ServerCore core_;
    ServerOptions options_;
    Router router_;
    RequestProcessor processor_;
    std::uint16_t port_ = 0;
    std::unique_ptr<ConnectionLoop> loop_;
};

HttpServer::HttpServer(ServerCore core, const Router& routes, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(core), routes, std::move(options))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::start() { return impl_->start(); }
std::uint16_t HttpServer::port() const { return impl_->port(); }
void HttpServer::stop() { impl_->stop(); }
std::vector<RouteInfo> HttpServer::routes() const { return impl_->routes(); }
HttpServer::Connections HttpServer::connections() const { return impl_->connections(); }

}  // namespace yishi::http
