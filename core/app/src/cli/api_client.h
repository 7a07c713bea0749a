#pragma once

#include <string>
#include <string_view>

#include "yishi/common/result.h"
#include "yishi/common/value.h"

namespace yishi::app {

// A small client of yishi's JSON API for the command line (`yishi vote`,
// `yishi trustee`, `yishi verify URL`): plain HTTP to the server named by a
// base URL such as http://127.0.0.1:8080. Not thread-safe; one per command.
struct ApiReply {
    int status = 0;
    std::string body;
    std::string content_type;

    // The body as JSON; invalid "cli.bad_reply" when it is not.
    Result<Value> json() const;
    // OK for 2xx; otherwise a Status carrying the API's error code and
    // message (or "cli.http_<status>").
    Status asStatus() const;
};

class ApiClient {
  public:
    // invalid "cli.bad_url" unless `base_url` is http://host[:port][/].
    static Result<ApiClient> connect(std::string_view base_url);

    // Sends a request; unavailable "cli.connect" when the server cannot be
    // reached. `json_body` empty sends no body.
    Result<ApiReply> send(std::string_view method, std::string_view path, std::string_view json_body = {});
    Result<ApiReply> get(std::string_view path) { return send("GET", path); }
    Result<ApiReply> post(std::string_view path, std::string_view json_body) { return send("POST", path, json_body); }

    // Logs in with a bearer session; later requests carry it.
    Status login(std::string_view login, std::string_view password);

    // GET, then the JSON body of a 2xx reply, or the reply's error.
    Result<Value> getJson(std::string_view path);
    Result<Value> postJson(std::string_view path, std::string_view json_body);

  private:
    ApiClient(std::string host, unsigned short port) : host_(std::move(host)), port_(port) {}
    std::string host_;
    unsigned short port_;
    std::string bearer_;
};

// The password for --login: from the environment variable YISHI_PASSWORD,
// else from the file named by --password-file, else asked on the terminal
// without echo. invalid "cli.no_password" when none of these gives one.
Result<std::string> readPassword(const std::string& password_file);

}  // namespace yishi::app
