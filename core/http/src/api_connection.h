#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <atomic>

#include "connection_watchdog.h"
#include "request_processor.h"

namespace yishi::http {

// Everything the connections of one server share: each member is
// thread-safe itself (or, like params and options, not changed while the
// server runs), so connection threads use them without a lock of their own.
struct ConnectionContext {
    Poco::Net::HTTPServerParams::Ptr params;
    RequestProcessor& processor;
    ConnectionWatchdog& watchdog;
    const ServerOptions& options;
    std::atomic<bool>& stopping;
};

// One client connection: reads requests one after another (keep-alive) and
// answers each through the RequestProcessor. This is Poco's
// HTTPServerConnection loop with two changes: the watchdog bounds how long a
// client may take to send a request, and a request Poco cannot parse (request
// line too long, too many header fields) gets a JSON 400 with a
// Content-Length instead of an empty one. Each connection runs on one thread
// of the server's pool and shares only its ConnectionContext.
class ApiConnection final : public Poco::Net::TCPServerConnection {
  public:
    ApiConnection(const Poco::Net::StreamSocket& socket, ConnectionContext& context)
        : TCPServerConnection(socket), context_(context) {}
    void run() override;

  private:
    // Answers requests until the client or the server ends the connection.
    void serve(Poco::Net::HTTPServerSession& session, ConnectionWatchdog::Watch& watch,
               const std::string& client_address, std::int64_t next_request_micros);

    ConnectionContext& context_;
};

class ApiConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
  public:
    explicit ApiConnectionFactory(ConnectionContext& context) : context_(context) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
        return new ApiConnection(socket, context_);
    }

  private:
    ConnectionContext& context_;
};

}  // namespace yishi::http
