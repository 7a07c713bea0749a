#include "support/http_client.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

#include <sstream>

namespace yishi::testing {

Poco::JSON::Object::Ptr HttpResult::json() const {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string HttpResult::errorCode() const {
    try {
        Poco::JSON::Object::Ptr error = json()->getObject("error");
        return error ? error->getValue<std::string>("code") : "";
    } catch (const Poco::Exception&) {
        return "";
    }
}

HttpResult HttpClient::send(const std::string& method, const std::string& path, const std::string& body,
                            const std::string& content_type, const std::map<std::string, std::string>& extra_headers) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port_);
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    std::string cookies = cookie.empty() ? "" : "yishi_session=" + cookie;
    // As a browser would: the device cookie's Path is /api/v1/sessions.
    if (!device.empty() && path.rfind("/api/v1/sessions", 0) == 0)
        cookies += (cookies.empty() ? "" : "; ") + std::string("yishi_device=") + device;
    if (!cookies.empty()) request.set("Cookie", cookies);
    if (!csrf.empty() && send_csrf) request.set("X-CSRF-Token", csrf);
    if (!bearer.empty()) request.set("Authorization", "Bearer " + bearer);
    for (const auto& [k, v] : extra_headers) request.set(k, v);
    if (!body.empty()) {
        request.setContentType(content_type);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    std::ostream& out = session.sendRequest(request);
    out << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResult result;
    result.status = response.getStatus();
    std::stringstream s;
    s << in.rdbuf();
    result.body = s.str();
    for (const auto& [k, v] : response) {
        result.headers[k] = v;
        if (Poco::icompare(k, "Set-Cookie") == 0) result.set_cookies.push_back(v);
    }
    result.has_content_length = response.hasContentLength();
    return result;
}

std::string HttpResult::cookie(const std::string& name) const {
    for (const std::string& set_cookie : set_cookies) {
        if (set_cookie.rfind(name + "=", 0) != 0) continue;
        const std::size_t eq = set_cookie.find('=');
        return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
    }
    return "";
}

HttpResult HttpClient::loginBrowser(const std::string& login, const std::string& password) {
    HttpResult r = post("/api/v1/sessions", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
    if (r.status == 201) {
        cookie = r.cookie("yishi_session");
        device = r.cookie("yishi_device");
        csrf = r.json()->getValue<std::string>("csrf_token");
    }
    return r;
}

HttpResult HttpClient::loginBearer(const std::string& login, const std::string& password) {
    HttpResult r =
        post("/api/v1/sessions", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\",\"bearer\":true}");
    if (r.status == 201) {
        bearer = r.json()->getValue<std::string>("token");
        device = r.cookie("yishi_device");
    }
    return r;
}

std::string rawExchange(std::uint16_t port, const std::string& bytes, int timeout_ms) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(0, timeout_ms * 1000));
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string reply;
    char buffer[4096];
    try {
        for (;;) {
            int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            reply.append(buffer, static_cast<std::size_t>(n));
        }
    } catch (const Poco::Exception&) {
        // Timeout or reset: return what arrived.
    }
    return reply;
}

}  // namespace yishi::testing
