#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "api_connection.h"
#include "connection_watchdog.h"
#include "request_processor.h"
#include "yishi/http/server.h"

namespace yishi::http {

class HttpServer::Impl {
  public:
    Impl(ServerCore core, const Router& routes, ServerOptions options)
        : core_(std::move(core)),
          options_(std::move(options)),
          router_(routerOf(core_, routes)),
          processor_(core_, router_, options_),
          watchdog_(50),
          params_(new Poco::Net::HTTPServerParams),
          context_{params_, processor_, watchdog_, options_, stopping_} {
        params_->setMaxThreads(options_.threads);
        params_->setMaxQueued(options_.max_queued);
        params_->setTimeout(Poco::Timespan(options_.request_deadline_ms * Poco::Timespan::MILLISECONDS));
        params_->setKeepAlive(true);
        params_->setKeepAliveTimeout(Poco::Timespan(options_.keep_alive_timeout_ms * Poco::Timespan::MILLISECONDS));
        params_->setMaxKeepAliveRequests(options_.max_keep_alive_requests);
    }

    Status start() {
        try {
            socket_.bind(Poco::Net::SocketAddress(options_.address, options_.port), true);
            socket_.listen(1024);
        } catch (const Poco::Exception& e) {
            return Status::unavailable("http.bind_failed", "Cannot listen on " + options_.address + ":" +
                                                               std::to_string(options_.port) + ": " + e.displayText());
        }
        // The pool must hold every connection thread the server may start.
        pool_ = std::make_unique<Poco::ThreadPool>("yishi-http", 4, options_.threads + 4, 60);
        server_ = std::make_unique<Poco::Net::TCPServer>(new ApiConnectionFactory(context_), *pool_, socket_, params_);
        server_->start();
        return Status::ok();
    }

    std::uint16_t port() const { return socket_.address().port(); }

    void stop() {
        if (!server_) return;
        stopping_.store(true);
        server_->stop();  // no new connections; the ones open go on
        watchdog_.closeIdleConnections();
        pool_->joinAll();  // waits for requests in progress to finish
        server_.reset();
    }

    ~Impl() { stop(); }

  private:
    static Router routerOf(const ServerCore& core, const Router& routes) {
        Router all;
        addCoreRoutes(all, core);
        all.append(routes);
        return all;
    }

  public:
    std::vector<RouteInfo> routes() const {
        std::vector<RouteInfo> out;
        for (const Router::Route& r : router_.routes()) out.push_back({r.method, r.pattern});
        return out;
    }

  private:
    ServerCore core_;
    ServerOptions options_;
    Router router_;
    RequestProcessor processor_;
    ConnectionWatchdog watchdog_;
    Poco::Net::HTTPServerParams::Ptr params_;
    std::atomic<bool> stopping_{false};
    ConnectionContext context_;
    Poco::Net::ServerSocket socket_;
    std::unique_ptr<Poco::ThreadPool> pool_;
    std::unique_ptr<Poco::Net::TCPServer> server_;
};

HttpServer::HttpServer(ServerCore core, const Router& routes, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(core), routes, std::move(options))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::start() { return impl_->start(); }
std::uint16_t HttpServer::port() const { return impl_->port(); }
void HttpServer::stop() { impl_->stop(); }
std::vector<RouteInfo> HttpServer::routes() const { return impl_->routes(); }

}  // namespace yishi::http
