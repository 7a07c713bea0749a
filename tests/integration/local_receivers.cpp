#include "local_receivers.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
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

WebhookReceiver::WebhookReceiver(int failures, const std::string& cert_file, const std::string& key_file)
    : failures_left_(failures) {
    Poco::Net::ServerSocket socket;
    if (cert_file.empty()) {
        socket = Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0));
    } else {
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, key_file,
                                                                 cert_file, "", Poco::Net::Context::VERIFY_NONE);
        socket = Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
    }
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

SmtpReceiver::SmtpReceiver(Options options) : options_(std::move(options)) {
    listener_ = std::make_unique<Poco::Net::ServerSocket>(Poco::Net::SocketAddress("127.0.0.1", 0), 8);
    port_ = listener_->address().port();
    thread_ = std::thread([this] { serve(); });
}

SmtpReceiver::~SmtpReceiver() {
    stopping_ = true;
    thread_.join();
}

std::vector<SmtpReceiver::Mail> SmtpReceiver::mails() const {
    std::lock_guard lock(mutex_);
    return mails_;
}

int SmtpReceiver::refusedLogins() const {
    std::lock_guard lock(mutex_);
    return refused_;
}

void SmtpReceiver::serve() {
    while (!stopping_) {
        if (!listener_->poll(Poco::Timespan(0, 100000), Poco::Net::Socket::SELECT_READ)) continue;
        try {
            converse(listener_->acceptConnection());
        } catch (const Poco::Exception&) {
            // A client that went away or failed its handshake: the next one.
        }
    }
}

void SmtpReceiver::converse(Poco::Net::StreamSocket socket) {
    socket.setReceiveTimeout(Poco::Timespan(5, 0));
    const auto say = [&socket](const std::string& line) {
        const std::string out = line + "\r\n";
        socket.sendBytes(out.data(), static_cast<int>(out.size()));
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
            const int n = socket.receiveBytes(chunk, sizeof chunk);
            if (n <= 0) return false;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
    };
    const auto decode = [](const std::string& text) {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in);
        std::string out;
        Poco::StreamCopier::copyToString(decoder, out);
        return out;
    };
    bool tls = false;
    bool greeted = false;  // an EHLO since the connection (or its TLS) began: RFC 3207 forgets the earlier one
    std::string user;      // signed in as
    const auto check = [&](const std::string& name, const std::string& password) {
        if (name == options_.user && password == options_.password) {
            user = name;
            say("235 authenticated");
        } else {
            std::lock_guard lock(mutex_);
            ++refused_;
            say("535 authentication failed");
        }
    };
    say("220 localhost test SMTP");
    Mail mail;
    std::string line;
    while (readLine(line)) {
        const std::string verb = line.substr(0, 4);
        if (verb == "HELO" || verb == "EHLO") {
            greeted = true;
            const bool offer_tls = !options_.cert_file.empty() && !tls;
            const bool offer_auth = !options_.user.empty() && tls;
            say(std::string(offer_tls || offer_auth ? "250-" : "250 ") + "localhost");
            if (offer_tls) say(offer_auth ? "250-STARTTLS" : "250 STARTTLS");
            if (offer_auth) say("250 AUTH PLAIN LOGIN");
        } else if (line == "STARTTLS" && !options_.cert_file.empty() && !tls) {
            say("220 ready to start TLS");
            Poco::Net::Context::Ptr context =
                new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options_.key_file, options_.cert_file, "",
                                       Poco::Net::Context::VERIFY_NONE);
            socket = Poco::Net::SecureStreamSocket::attach(socket, context);
            socket.setReceiveTimeout(Poco::Timespan(5, 0));
            tls = true;
            greeted = false;
            buffer.clear();
        } else if (line.rfind("AUTH PLAIN", 0) == 0 && tls) {
            std::string credentials = line.size() > 11 ? line.substr(11) : "";
            if (credentials.empty()) {
                say("334 ");
                if (!readLine(credentials)) return;
            }
            // "\0user\0password"
            const std::string plain = decode(credentials);
            const auto second = plain.find('\0', 1);
            check(second == std::string::npos ? "" : plain.substr(1, second - 1),
                  second == std::string::npos ? "" : plain.substr(second + 1));
        } else if (line.rfind("AUTH LOGIN", 0) == 0 && tls) {
            std::string name, password;
            say("334 VXNlcm5hbWU6");
            if (!readLine(name)) return;
            say("334 UGFzc3dvcmQ6");
            if (!readLine(password)) return;
            check(decode(name), decode(password));
        } else if (verb == "MAIL") {
            if (!greeted) {
                say("503 EHLO/HELO first");
                continue;
            }
            if (!options_.user.empty() && user.empty()) {
                say("530 authentication required");
                continue;
            }
            mail = Mail{};
            mail.from = line.substr(line.find(':') + 1);
            mail.tls = tls;
            mail.user = user;
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

namespace {

void run(const std::string& command) {
    if (std::system((command + " >/dev/null 2>&1").c_str()) != 0) {
        throw std::runtime_error("test certificates: failed: " + command);
    }
}

}  // namespace

TestCertificates::TestCertificates() {
    Poco::Net::initializeSSL();
    char pattern[] = "/tmp/yishi-certs-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("test certificates: no directory");
    dir = pattern;
    const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    {
        std::ofstream ext(dir + "/ext.cnf");
        ext << "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n";
    }
    run("openssl req -x509 " + key + " -days 2 -subj /CN=yishi-test-ca -keyout " + dir + "/ca.key -out " + dir +
        "/ca.pem");
    run("openssl req " + key + " -subj /CN=127.0.0.1 -keyout " + dir + "/server.key -out " + dir + "/server.csr");
    run("openssl x509 -req -days 2 -in " + dir + "/server.csr -CA " + dir + "/ca.pem -CAkey " + dir +
        "/ca.key -CAcreateserial -extfile " + dir + "/ext.cnf -out " + dir + "/server.pem");
    run("openssl req -x509 " + key + " -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " + dir +
        "/rogue.key -out " + dir + "/rogue.pem");
    std::ifstream in(dir + "/ca.pem");
    ca_pem.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    server_cert = dir + "/server.pem";
    server_key = dir + "/server.key";
    rogue_cert = dir + "/rogue.pem";
    rogue_key = dir + "/rogue.key";
}

TestCertificates::~TestCertificates() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    Poco::Net::uninitializeSSL();
}

}  // namespace yishi::testing
