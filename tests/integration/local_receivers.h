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
class ServerSocket;
class StreamSocket;
}  // namespace Poco::Net

namespace yishi::testing {

// Certificates made at test time with the openssl command line, in a fresh
// directory removed afterwards: a CA, a server certificate it signed for
// 127.0.0.1, and a self-signed one for 127.0.0.1 that nobody trusts.
struct TestCertificates {
    TestCertificates();
    ~TestCertificates();
    TestCertificates(const TestCertificates&) = delete;
    TestCertificates& operator=(const TestCertificates&) = delete;

    std::string dir;
    std::string ca_pem;                   // the CA's certificate, as PEM text (what a district pastes)
    std::string server_cert, server_key;  // files: signed by the CA
    std::string rogue_cert, rogue_key;    // files: self-signed
};

// A webhook's receiver on 127.0.0.1 and a port the system picks (a Poco
// HTTP server, or HTTPS when given a certificate and key): it keeps every
// request it got and answers the first `failures` of them 500, the rest
// 204. Thread-safe.
class WebhookReceiver {
  public:
    struct Request {
        std::string path;
        std::map<std::string, std::string> headers;
        std::string body;
    };

    explicit WebhookReceiver(int failures = 0, const std::string& cert_file = "", const std::string& key_file = "");
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
// Poco's client and keeps each message. Given a certificate it offers
// STARTTLS; given a user name it offers AUTH PLAIN and LOGIN once the
// connection is secure and takes no mail before a successful one. One
// connection at a time, on a thread of its own. Thread-safe.
class SmtpReceiver {
  public:
    struct Options {
        std::string cert_file, key_file;  // empty: no STARTTLS
        std::string user, password;       // empty: no AUTH
    };
    struct Mail {
        std::string from;
        std::vector<std::string> to;
        std::string data;  // the message as sent, headers and body
        bool tls = false;  // it came over STARTTLS
        std::string user;  // who signed in (empty: nobody)
    };

    SmtpReceiver() : SmtpReceiver(Options{}) {}
    explicit SmtpReceiver(Options options);
    ~SmtpReceiver();

    std::uint16_t port() const { return port_; }
    std::vector<Mail> mails() const;
    // AUTH attempts refused (a wrong user name or password).
    int refusedLogins() const;

  private:
    void serve();
    void converse(Poco::Net::StreamSocket socket);

    const Options options_;
    mutable std::mutex mutex_;
    std::vector<Mail> mails_;
    int refused_ = 0;
    std::unique_ptr<Poco::Net::ServerSocket> listener_;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace yishi::testing
