#include "api_connection.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <chrono>

#include "json_io.h"
#include "responses.h"

namespace yishi::http {

namespace {

// Poco's response object writes no body when there is no request to attach
// it to, so the few bytes of this answer are written directly.
void sendBadRequest(Poco::Net::StreamSocket& socket, const std::string& what) {
    const ApiResponse out =
        errorResponse(Status::invalid("request.malformed", "The server could not read this request: " + what),
                      nextRequestId(), Language::kZhCn);
    const std::string reply =
        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n"
        "Content-Type: application/json; charset=utf-8\r\nContent-Language: zh-CN\r\nContent-Length: " +
        std::to_string(out.body.size()) + "\r\n\r\n" + out.body;
    try {
        socket.sendBytes(reply.data(), static_cast<int>(reply.size()));
        Poco::Logger::get("yishi.http")
            .information("{\"event\":\"request\",\"status\":400,\"reason\":" + jsonQuote(what) + "}");
    } catch (const Poco::Exception&) {
        // The client is gone already.
    }
}

// Closing a socket that still has unread input makes the kernel send a reset,
// which can destroy the response we just wrote before the client reads it
// (typical after a 400 or 413 sent without reading the request). So: stop
// sending, then read and drop what the client still sends, up to 4 MiB and
// 2 s (a client that sent an oversized body then reads our 413).
void lingeringClose(Poco::Net::StreamSocket& socket) {
    try {
        socket.shutdownSend();
        socket.setReceiveTimeout(Poco::Timespan(0, 200'000));
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        char buffer[16384];
        for (int drained = 0; drained < 4 * 1024 * 1024 && std::chrono::steady_clock::now() < give_up;) {
            const int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            drained += n;
        }
    } catch (const Poco::Exception&) {
        // Reset, timeout or already closed: nothing more to save.
    }
}

}  // namespace

void ApiConnection::run() {
    const std::int64_t first_request_micros = static_cast<std::int64_t>(context_.options.request_deadline_ms) * 1000;
    const std::int64_t next_request_micros =
        first_request_micros + static_cast<std::int64_t>(context_.options.keep_alive_timeout_ms) * 1000;
    std::shared_ptr<ConnectionWatchdog::Watch> watch = context_.watchdog.watch(socket());
    watch->expireIn(first_request_micros);
    std::string client_address = "unknown";
    try {
        client_address = socket().peerAddress().host().toString();
    } catch (const Poco::Exception&) {
    }
    try {
        Poco::Net::HTTPServerSession session(socket(), context_.params);
        serve(session, *watch, client_address, next_request_micros);
        // Before the session goes: its destructor closes the socket.
        lingeringClose(socket());
    } catch (const Poco::Exception&) {
        // The socket could not even be set up.
    }
    context_.watchdog.unwatch(watch);
}

void ApiConnection::serve(Poco::Net::HTTPServerSession& session, ConnectionWatchdog::Watch& watch,
                          const std::string& client_address, std::int64_t next_request_micros) {
    try {
        // Requests are read directly under the socket's read timeout, rather
        // than through session.hasMoreRequests(), whose poll() costs an
        // epoll_create and a close per request in this Poco version; the
        // watchdog bounds the idle time between requests instead.
        for (int served = 0; !context_.stopping.load(); ++served) {
            if (served > 0 && (!session.getKeepAlive() || served >= context_.options.max_keep_alive_requests)) {
                break;
            }
            try {
                Poco::Net::HTTPServerResponseImpl response(session);
                Poco::Net::HTTPServerRequestImpl request(response, session, context_.params);
                const std::string& version = request.getVersion();
                if (version != Poco::Net::HTTPMessage::HTTP_1_1 && version != Poco::Net::HTTPMessage::HTTP_1_0) {
                    // Never echo what the client wrote into our status line.
                    sendBadRequest(socket(), "the request line is not METHOD TARGET HTTP/1.x");
                    break;
                }
                response.setDate(Poco::Timestamp());
                response.setVersion(request.getVersion());
                response.setKeepAlive(context_.params->getKeepAlive() && request.getKeepAlive() &&
                                      !context_.stopping.load());
                if (request.getExpectContinue()) response.sendContinue();
                context_.processor.process(request, response, watch, client_address);
                session.setKeepAlive(context_.params->getKeepAlive() && response.getKeepAlive());
                watch.expireIn(next_request_micros);
            } catch (const Poco::Net::NoMessageException&) {
                break;
            } catch (const Poco::Net::MessageException& e) {
                sendBadRequest(socket(), e.message().empty() ? e.displayText() : e.message());
                break;
            }
        }
    } catch (const Poco::Exception&) {
        // Timeouts, resets and shutdowns by the watchdog end the connection.
    }
}

}  // namespace yishi::http
