#include "local_receivers.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace yishi::testing {

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
  public:
    explicit Handler(WebhookReceiver& receiver) : receiver_(receiver) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        WebhookReceiver::Request r;
        r.path = request.getURI();
        for (const auto& [name, value] : request) r.headers[name] = value;
        Poco::StreamCopier::copyToString(request.stream(), r.body);
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(receiver_.take(std::move(r))));
        response.setContentLength(0);
        response.send();
    }

  private:
    WebhookReceiver& receiver_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    explicit Factory(WebhookReceiver& receiver) : receiver_(receiver) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(receiver_);
    }

  private:
    WebhookReceiver& receiver_;
};

}  // namespace

WebhookReceiver::WebhookReceiver(int failures) : failures_left_(failures) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, new Poco::Net::HTTPServerParams);
    server_->start();
}

WebhookReceiver::~WebhookReceiver() { server_->stopAll(true); }

std::vector<WebhookReceiver::Request> WebhookReceiver::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

int WebhookReceiver::take(Request request) {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
    if (failures_left_ > 0) {
        --failures_left_;
        return 500;
    }
    return 204;
}

SmtpReceiver::SmtpReceiver() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 8) != 0) {
        throw std::runtime_error("smtp receiver: cannot listen");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
}

SmtpReceiver::~SmtpReceiver() {
    stopping_ = true;
    thread_.join();
    ::close(listen_fd_);
}

std::vector<SmtpReceiver::Mail> SmtpReceiver::mails() const {
    std::lock_guard lock(mutex_);
    return mails_;
}

void SmtpReceiver::serve() {
    while (!stopping_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) continue;
        converse(fd);
        ::close(fd);
    }
}

void SmtpReceiver::converse(int fd) {
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const auto say = [fd](const std::string& line) {
        const std::string out = line + "\r\n";
        return ::send(fd, out.data(), out.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(out.size());
    };
    std::string buffer;
    const auto readLine = [&](std::string& line) {
        for (;;) {
            const auto end = buffer.find("\r\n");
            if (end != std::string::npos) {
                line = buffer.substr(0, end);
                buffer.erase(0, end + 2);
                return true;
            }
            char chunk[4096];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) return false;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
    };
    if (!say("220 localhost test SMTP")) return;
    Mail mail;
    std::string line;
    while (readLine(line)) {
        const std::string verb = line.substr(0, 4);
        if (verb == "HELO" || verb == "EHLO") {
            say("250 localhost");
        } else if (verb == "MAIL") {
            mail = Mail{};
            mail.from = line.substr(line.find(':') + 1);
            say("250 OK");
        } else if (verb == "RCPT") {
            mail.to.push_back(line.substr(line.find(':') + 1));
            say("250 OK");
        } else if (verb == "DATA") {
            say("354 go ahead");
            std::string data_line;
            while (readLine(data_line) && data_line != ".") mail.data += data_line + "\n";
            {
                std::lock_guard lock(mutex_);
                mails_.push_back(mail);
            }
            say("250 OK queued");
        } else if (verb == "QUIT") {
            say("221 bye");
            return;
        } else {
            say("250 OK");
        }
    }
}

}  // namespace yishi::testing
