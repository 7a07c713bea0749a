#include "cli/api_client.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "yishi/common/json.h"
#include "yishi/common/json_writer.h"

namespace yishi::app {

Result<Value> ApiReply::json() const {
    auto value = parseJson(body);
    if (!value.isOk()) return Status::invalid("cli.bad_reply", "The server's answer is not JSON.");
    return value;
}

Status ApiReply::asStatus() const {
    if (status >= 200 && status < 300) return Status::ok();
    std::string code = "cli.http_" + std::to_string(status);
    std::string message = "The server answered " + std::to_string(status) + ".";
    if (auto value = parseJson(body); value.isOk()) {
        if (const Value* error = value->find("error"); error != nullptr && error->isObject()) {
            if (const Value* c = error->find("code"); c != nullptr && c->isString()) code = c->asString();
            if (const Value* m = error->find("message"); m != nullptr && m->isString()) message = m->asString();
        }
    }
    if (status == 404) return Status::notFound(code, message);
    if (status == 409) return Status::conflict(code, message);
    if (status == 401) return Status::unauthenticated(code, message);
    if (status == 403) return Status::forbidden(code, message);
    if (status >= 500) return Status::unavailable(code, message);
    return Status::invalid(code, message);
}

Result<ApiClient> ApiClient::connect(std::string_view base_url) {
    constexpr std::string_view kScheme = "http://";
    if (base_url.substr(0, kScheme.size()) != kScheme) {
        return Status::invalid("cli.bad_url", "The server's address must start with http://");
    }
    std::string_view rest = base_url.substr(kScheme.size());
    if (const auto slash = rest.find('/'); slash != std::string_view::npos) rest = rest.substr(0, slash);
    std::string host(rest);
    unsigned short port = 80;
    if (const auto colon = rest.rfind(':'); colon != std::string_view::npos) {
        host = std::string(rest.substr(0, colon));
        const std::string digits(rest.substr(colon + 1));
        char* end = nullptr;
        const long p = std::strtol(digits.c_str(), &end, 10);
        if (digits.empty() || *end != '\0' || p < 1 || p > 65535) {
            return Status::invalid("cli.bad_url", "The port in the server's address is not a number 1-65535.");
        }
        port = static_cast<unsigned short>(p);
    }
    if (host.empty()) return Status::invalid("cli.bad_url", "The server's address has no host.");
    return ApiClient(host, port);
}

Result<ApiReply> ApiClient::send(std::string_view method, std::string_view path, std::string_view json_body) {
    try {
        Poco::Net::HTTPClientSession session(host_, port_);
        session.setTimeout(Poco::Timespan(60, 0));
        Poco::Net::HTTPRequest request(std::string(method), std::string(path), Poco::Net::HTTPMessage::HTTP_1_1);
        if (!bearer_.empty()) request.set("Authorization", "Bearer " + bearer_);
        if (!json_body.empty()) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(json_body.size()));
        }
        std::ostream& out = session.sendRequest(request);
        out.write(json_body.data(), static_cast<std::streamsize>(json_body.size()));
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        ApiReply reply;
        reply.status = static_cast<int>(response.getStatus());
        reply.content_type = response.getContentType();
        Poco::StreamCopier::copyToString(in, reply.body);
        return reply;
    } catch (const Poco::Exception& e) {
        return Status::unavailable("cli.connect",
                                   "Cannot reach " + host_ + ":" + std::to_string(port_) + ": " + e.displayText());
    }
}

Status ApiClient::login(std::string_view login, std::string_view password) {
    JsonWriter body;
    body.beginObject().key("login").value(login).key("password").value(password).key("bearer").value(true);
    body.endObject();
    YISHI_ASSIGN_OR_RETURN(Value reply, postJson("/api/v1/sessions", body.text()));
    const Value* token = reply.find("token");
    if (token == nullptr || !token->isString()) return Status::invalid("cli.bad_reply", "The login gave no token.");
    bearer_ = token->asString();
    return Status::ok();
}

Result<Value> ApiClient::getJson(std::string_view path) {
    YISHI_ASSIGN_OR_RETURN(ApiReply reply, get(path));
    if (Status s = reply.asStatus(); !s.isOk()) return s;
    return reply.json();
}

Result<Value> ApiClient::postJson(std::string_view path, std::string_view json_body) {
    YISHI_ASSIGN_OR_RETURN(ApiReply reply, post(path, json_body));
    if (Status s = reply.asStatus(); !s.isOk()) return s;
    return reply.json();
}

Result<std::string> readPassword(const std::string& password_file) {
    if (const char* env = std::getenv("YISHI_PASSWORD"); env != nullptr && *env != '\0') return std::string(env);
    if (!password_file.empty()) {
        std::ifstream in(password_file);
        std::string line;
        if (!in || !std::getline(in, line)) {
            return Status::invalid("cli.no_password", "Cannot read the password file " + password_file + ".");
        }
        return line;
    }
    if (isatty(STDIN_FILENO) == 0) {
        return Status::invalid(
            "cli.no_password",
            "Give the password in YISHI_PASSWORD or with --password-file (stdin is not a terminal).");
    }
    std::cerr << "密码 / password: " << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

}  // namespace yishi::app
