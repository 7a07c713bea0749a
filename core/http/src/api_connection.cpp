#include "api_connection.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include "json_io.h"
#include "responses.h"

namespace yishi::http {

namespace {

void sendBadRequest(Poco::Net::HTTPServerSession& session, const std::string& what) {
    try {
        Poco::Net::HTTPServerResponseImpl response(session);
        const ApiResponse out = errorResponse(
            Status::invalid("request.malformed", "The server could not read this request: " + what),
            nextRequestId());
        response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
        response.setKeepAlive(false);
        response.setContentType("application/json; charset=utf-8");
        response.sendBuffer(out.body.data(), out.body.size());
        session.setKeepAlive(false);
        Poco::Logger::get("yishi.http").information(
            "{\"event\":\"request\",\"status\":400,\"reason\":" + jsonQuote(what) + "}");
    } catch (const Poco::Exception&) {
        // The client is gone already.
    }
}

}  // namespace

void ApiConnection::run() {
    const std::int64_t first_request_micros =
        static_cast<std::int64_t>(context_.options.request_deadline_ms) * 1000;
    const std::int64_t next_request_micros =
        first_request_micros + static_cast<std::int64_t>(context_.options.keep_alive_timeout_ms) * 1000;
    std::shared_ptr<ConnectionWatchdog::Watch> watch = context_.watchdog.watch(socket());
    watch->expireIn(first_request_micros);
    try {
        Poco::Net::HTTPServerSession session(socket(), context_.params);
        while (!context_.stopping.load() && session.hasMoreRequests()) {
            try {
                Poco::Net::HTTPServerResponseImpl response(session);
                Poco::Net::HTTPServerRequestImpl request(response, session, context_.params);
                response.setDate(Poco::Timestamp());
                response.setVersion(request.getVersion());
                response.setKeepAlive(context_.params->getKeepAlive() && request.getKeepAlive() &&
                                      session.canKeepAlive() && !context_.stopping.load());
                if (request.getExpectContinue()) response.sendContinue();
                context_.processor.process(request, response, *watch);
                session.setKeepAlive(context_.params->getKeepAlive() && response.getKeepAlive() &&
                                     session.canKeepAlive());
                watch->expireIn(next_request_micros);
            } catch (const Poco::Net::NoMessageException&) {
                break;
            } catch (const Poco::Net::MessageException& e) {
                sendBadRequest(session, e.message().empty() ? e.displayText() : e.message());
                break;
            }
        }
    } catch (const Poco::Exception&) {
        // Timeouts, resets and shutdowns by the watchdog end the connection.
    }
    context_.watchdog.unwatch(watch);
}

}  // namespace yishi::http
