#pragma once

// A real HttpServer in this process, on 127.0.0.1 and a port the system
// picks, with the server's own routes and a few of the test's: a probe whose
// calls are counted (what a smuggled request would reach), a slow route, an
// echo of the body's size and a streamed answer.
#include <sodium.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <thread>

#include "crypto_ports.h"
#include "support/temp_dir.h"
#include "yishi/common/json_writer.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/server.h"
#include "yishi/storage/sqlite_database.h"

namespace yishi::testing {

inline http::ApiResponse okJson(std::string body) {
    http::ApiResponse out;
    out.body = std::move(body);
    return out;
}

class TestServer {
  public:
    explicit TestServer(http::ServerOptions options = {}) {
        db_ = std::move(storage::SqliteDatabase::open(dir_.file("t.db"), {}).value());
        auth_ = std::make_unique<domain::AuthService>(*db_, hasher_, secrets_, clock_, domain::AuthService::Options{});
        http::Router routes;
        routes.add("GET", "/api/v1/probe", http::Access::kPublic, [this](http::ApiCall&) {
            const int n = ++probes;
            JsonWriter w;
            w.beginObject().member("probes", static_cast<std::int64_t>(n)).endObject();
            return okJson(w.take());
        });
        routes.add("GET", "/api/v1/slow", http::Access::kPublic, [](http::ApiCall&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            return okJson("{}");
        });
        routes.add("POST", "/api/v1/echo", http::Access::kPublic, [](http::ApiCall& call) {
            JsonWriter w;
            w.beginObject().member("members", static_cast<std::int64_t>(call.body.asObject().size())).endObject();
            return okJson(w.take());
        });
        routes.add("GET", "/api/v1/stream", http::Access::kPublic, [this](http::ApiCall&) {
            http::ApiResponse out;
            out.content_type = "application/octet-stream";
            out.stream_length = stream_bytes;
            out.stream = [this](std::ostream& body) {
                const std::string block(4096, 's');
                for (std::uint64_t left = stream_bytes; left > 0;) {
                    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, block.size()));
                    body.write(block.data(), static_cast<std::streamsize>(n));
                    left -= n;
                }
                ++streams_finished;
            };
            return out;
        });
        options.port = 0;
        server_ =
            std::make_unique<http::HttpServer>(http::ServerCore{*auth_, [] { return Status::ok(); }}, routes, options);
        if (!server_->start().isOk()) throw std::runtime_error("the test server did not start");
    }
    ~TestServer() { server_->stop(); }

    std::uint16_t port() const { return server_->port(); }
    http::HttpServer& server() { return *server_; }

    std::atomic<int> probes{0};
    std::atomic<int> streams_finished{0};
    std::uint64_t stream_bytes = 8u << 20;

  private:
    TempDir dir_;
    std::unique_ptr<storage::SqliteDatabase> db_;
    SystemClock clock_;
    app::CryptoPasswordHasher hasher_{{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, 1}};
    app::CryptoSecretSource secrets_;
    std::unique_ptr<domain::AuthService> auth_;
    std::unique_ptr<http::HttpServer> server_;
};

}  // namespace yishi::testing
