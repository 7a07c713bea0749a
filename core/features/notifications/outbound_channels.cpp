#include "outbound_channels.h"

#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <memory>
#include <sstream>

#include "yishi/crypto/hmac.h"

namespace yishi::app {

namespace {

// Short: a stopping server waits for the message in flight.
const Poco::Timespan kTimeout(5, 0);

// A client context that verifies the peer (its chain and, on connecting,
// its host name) against the system's trust store and the district's CA
// certificates, if any. TLS 1.2 at least.
Poco::Net::Context::Ptr clientContext(const std::string& ca_pem) {
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;  // a client: verify the server
    params.loadDefaultCAs = true;
    params.cipherList = "HIGH:!aNULL:!MD5:!RC4";
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    // Each certificate of the PEM text (X509Certificate reads the first of a stream).
    const std::string end = "-----END CERTIFICATE-----";
    std::size_t from = 0;
    for (std::size_t at = ca_pem.find(end); at != std::string::npos; at = ca_pem.find(end, from)) {
        std::istringstream one(ca_pem.substr(from, at + end.size() - from));
        context->addCertificateAuthority(Poco::Crypto::X509Certificate(one));
        from = at + end.size();
    }
    return context;
}

// What a failed TLS handshake means to the admin reading the queue.
std::string tlsError(const std::string& what, const Poco::Exception& e) {
    return what +
           ": TLS failed, the certificate is not trusted (system trust store or the district's CA) or does "
           "not match the host: " +
           e.displayText();
}

std::string postWebhook(const domain::OutboundMessage& m) {
    const Poco::URI uri(m.url);
    const bool tls = uri.getScheme() == "https";
    if (!tls && uri.getScheme() != "http") return "only http:// and https:// webhooks can be reached";
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (tls) {
        session =
            std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), clientContext(m.ca_pem));
    } else {
        session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    }
    session->setTimeout(kTimeout);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                   uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string timestamp = std::to_string(m.at.seconds());
    request.setContentType("application/json; charset=utf-8");
    request.setContentLength(static_cast<std::streamsize>(m.json.size()));
    request.set("X-Yishi-Timestamp", timestamp);
    request.set("X-Yishi-Signature", "sha256=" + crypto::hmacSha256Hex(m.secret, timestamp + "." + m.json));
    try {
        session->sendRequest(request) << m.json;
    } catch (const Poco::Net::SSLException& e) {
        return tlsError("the webhook", e);
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    std::ostringstream sink;
    Poco::StreamCopier::copyStream(in, sink, 4096);
    const int status = static_cast<int>(response.getStatus());
    if (status >= 200 && status < 300) return "";
    return "the webhook answered " + std::to_string(status);
}

// Poco's SMTP client with a STARTTLS that verifies the server's certificate
// for the host name it was given (Poco's SecureSMTPClientSession checks the
// peer's address instead, which a real mail provider's certificate names not).
class MailSession final : public Poco::Net::SMTPClientSession {
  public:
    explicit MailSession(const Poco::Net::StreamSocket& socket) : SMTPClientSession(socket) {}

    // An empty string once the connection is secure, else why not.
    std::string startTls(const std::string& host, const std::string& ca_pem) {
        std::string response;
        const int status = sendCommand("STARTTLS", response);
        if (!isPositiveCompletion(status)) return "the mail server does not offer STARTTLS: " + response;
        try {
            socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, clientContext(ca_pem));
        } catch (const Poco::Net::SSLException& e) {
            return tlsError("the mail server", e);
        }
        setTimeout(kTimeout);
        // The server forgets the EHLO before TLS (RFC 3207): greet again,
        // and learn what it offers now that the connection is secure.
        login(Poco::Environment::nodeName(), offered_);
        return "";
    }

    // AUTH PLAIN when the server offered it after STARTTLS, else AUTH LOGIN.
    void authenticate(const std::string& user, const std::string& password) {
        const bool plain = offered_.find("PLAIN") != std::string::npos;
        login(plain ? AUTH_PLAIN : AUTH_LOGIN, user, password);
    }

  private:
    std::string offered_;  // the answer to the EHLO after STARTTLS
};

std::string sendMail(const domain::OutboundMessage& m) {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(m.smtp_host, static_cast<Poco::UInt16>(m.smtp_port)), kTimeout);
    socket.setReceiveTimeout(kTimeout);
    socket.setSendTimeout(kTimeout);
    MailSession session(socket);
    session.login();
    if (m.smtp_starttls) {
        if (std::string error = session.startTls(m.smtp_host, m.ca_pem); !error.empty()) return error;
    }
    if (!m.smtp_user.empty()) {
        // Never in the clear: the settings refuse a user name without STARTTLS.
        if (!m.smtp_starttls) return "a mail user name needs STARTTLS";
        try {
            session.authenticate(m.smtp_user, m.smtp_password);
        } catch (const Poco::Net::SMTPException& e) {
            return "the mail server refused the user name or password: " + e.message();
        }
    }
    Poco::Net::MailMessage mail;
    mail.setSender(m.from);
    mail.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, m.to));
    mail.setSubject(Poco::Net::MailMessage::encodeWord(m.subject, "UTF-8"));
    mail.setContentType("text/plain; charset=UTF-8");
    mail.setContent(m.text, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    session.sendMessage(mail);
    session.close();
    return "";
}

}  // namespace

NetworkChannels::NetworkChannels() {
    Poco::Net::initializeSSL();
    // An untrusted certificate is refused, never asked about: Poco's default
    // handler (from an application's configuration) would be a console prompt.
    Poco::Net::SSLManager::instance().initializeClient(nullptr, new Poco::Net::RejectCertificateHandler(false),
                                                       clientContext(""));
}

NetworkChannels::~NetworkChannels() { Poco::Net::uninitializeSSL(); }

std::string NetworkChannels::send(const domain::OutboundMessage& message) {
    try {
        return message.channel == "webhook" ? postWebhook(message) : sendMail(message);
    } catch (const Poco::Exception& e) {
        return e.displayText();
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace yishi::app
