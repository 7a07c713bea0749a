#include "outbound_channels.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>

#include "yishi/crypto/hmac.h"

namespace yishi::app {

namespace {

// Short: a stopping server waits for the message in flight.
const Poco::Timespan kTimeout(5, 0);

std::string postWebhook(const domain::OutboundMessage& m) {
    const Poco::URI uri(m.url);
    if (uri.getScheme() != "http") return "only http:// webhooks can be reached";
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(kTimeout);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                   uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string timestamp = std::to_string(m.at.seconds());
    request.setContentType("application/json; charset=utf-8");
    request.setContentLength(static_cast<std::streamsize>(m.json.size()));
    request.set("X-Yishi-Timestamp", timestamp);
    request.set("X-Yishi-Signature", "sha256=" + crypto::hmacSha256Hex(m.secret, timestamp + "." + m.json));
    session.sendRequest(request) << m.json;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::ostringstream sink;
    Poco::StreamCopier::copyStream(in, sink, 4096);
    const int status = static_cast<int>(response.getStatus());
    if (status >= 200 && status < 300) return "";
    return "the webhook answered " + std::to_string(status);
}

std::string sendMail(const domain::OutboundMessage& m) {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(m.smtp_host, static_cast<Poco::UInt16>(m.smtp_port)), kTimeout);
    socket.setReceiveTimeout(kTimeout);
    socket.setSendTimeout(kTimeout);
    Poco::Net::SMTPClientSession session(socket);
    session.login();
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
