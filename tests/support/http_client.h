#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace yishi::testing {

struct HttpResult {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // last value of each name
    std::vector<std::string> set_cookies;        // every Set-Cookie, in order
    bool has_content_length = false;

    // The body as a JSON object (throws when it is not one).
    Poco::JSON::Object::Ptr json() const;
    // error.code of an error body, or "".
    std::string errorCode() const;
    // The value a Set-Cookie gave cookie `name`, or "".
    std::string cookie(const std::string& name) const;
};

// A small client for one server, holding a session the way a browser
// (cookie + CSRF header) or a script (bearer token) would.
class HttpClient {
  public:
    explicit HttpClient(std::uint16_t port) : port_(port) {}

    HttpResult get(const std::string& path) { return send("GET", path, ""); }
    HttpResult post(const std::string& path, const std::string& json) { return send("POST", path, json); }
    HttpResult del(const std::string& path) { return send("DELETE", path, ""); }
    HttpResult send(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& content_type = "application/json",
                    const std::map<std::string, std::string>& extra_headers = {});

    // Logs in as a browser: keeps the session cookie and the CSRF token.
    HttpResult loginBrowser(const std::string& login, const std::string& password);
    // Logs in as a script: keeps the bearer token.
    HttpResult loginBearer(const std::string& login, const std::string& password);

    std::string cookie;
    std::string device;  // the yishi_device cookie from the last login, sent along when set
    std::string csrf;
    std::string bearer;
    bool send_csrf = true;

  private:
    std::uint16_t port_;
};

// Sends raw bytes on a fresh connection and returns everything read back
// until the server closes or `timeout_ms` passes.
std::string rawExchange(std::uint16_t port, const std::string& bytes, int timeout_ms = 5000);

// The "id" of a created thing's answer.
inline std::int64_t idOf(const HttpResult& r) { return r.json()->getValue<std::int64_t>("id"); }

// The signed-in person's user id (GET /api/v1/me).
inline std::int64_t userId(HttpClient& c) {
    return c.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
}

}  // namespace yishi::testing
