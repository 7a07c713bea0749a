#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}

namespace yishi::testing {

// A webhook's receiver on 127.0.0.1 and a port the system picks (a Poco
// HTTP server): it keeps every request it got and answers the first
// `failures` of them 500, the rest 204. Thread-safe.
class WebhookReceiver {
  public:
    struct Request {
        std::string path;
        std::map<std::string, std::string> headers;
        std::string body;
    };

    explicit WebhookReceiver(int failures = 0);
    ~WebhookReceiver();

    std::uint16_t port() const { return port_; }
    std::vector<Request> requests() const;
    // Called by the server's handler threads.
    int take(Request request);

  private:
    mutable std::mutex mutex_;
    std::vector<Request> requests_;
    int failures_left_;
    std::uint16_t port_ = 0;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

// A minimal SMTP receiver on 127.0.0.1 and a port the system picks: speaks
// just enough SMTP (HELO/EHLO, MAIL, RCPT, DATA, QUIT, RSET, NOOP) for
// Poco's client and keeps each message. One connection at a time, on a
// thread of its own. Thread-safe.
class SmtpReceiver {
  public:
    struct Mail {
        std::string from;
        std::vector<std::string> to;
        std::string data;  // the message as sent, headers and body
    };

    SmtpReceiver();
    ~SmtpReceiver();

    std::uint16_t port() const { return port_; }
    std::vector<Mail> mails() const;

  private:
    void serve();
    void converse(int fd);

    mutable std::mutex mutex_;
    std::vector<Mail> mails_;
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace yishi::testing
