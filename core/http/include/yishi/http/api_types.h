#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/value.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/session.h"
#include "yishi/http/messages.h"
#include "yishi/http/server_options.h"

namespace yishi::http {

// What a route handler sees of a request: parsed path parameters, query,
// JSON body, and the caller.
struct ApiCall {
    explicit ApiCall(const ServerOptions& o) : options(o) {}

    const ServerOptions& options;
    std::string method;
    std::string path;
    std::map<std::string, std::string> params;  // from {name} in the pattern
    Poco::Net::NameValueCollection query;
    Value body;                  // null when the request had none
    std::string client_address;  // the client's, through trusted proxies (client_origin.h)
    bool over_https = false;     // the request came over TLS (client_origin.h)
    std::string cookie_header;   // the Cookie header as sent ("" when none)
    std::string request_id;
    domain::Actor actor = domain::Actor::anonymous();
    std::optional<domain::Session> session;
    std::string session_token;  // as presented, for logout
    bool session_from_cookie = false;
    Language language = Language::kZhCn;  // from Accept-Language, for messages
};

// What a handler answers. The body is JSON text, or empty for 204.
struct ApiResponse {
    int status = 200;
    std::string body;
    // Empty for the API's own JSON; set for the web UI's files and for
    // bytes that are not JSON (e.g. application/octet-stream).
    std::string content_type;
    // Empty for no-store; set for the web UI's files.
    std::string cache_control;
    // Instead of `body`: a rendering shared through the public cache.
    std::shared_ptr<const struct PublicRendering> shared;
    std::vector<std::pair<std::string, std::string>> headers;
    // Instead of `body`, for large answers: writes exactly `stream_length`
    // bytes to the connection after the headers. Called once, on the
    // request's thread; it may throw (the connection is then closed).
    std::function<void(std::ostream&)> stream;
    std::uint64_t stream_length = 0;
};

using Handler = std::function<ApiResponse(ApiCall&)>;

// Who may call a route: anyone (an actor is still resolved when a session
// is presented), anyone with the answer to anonymous callers shared through
// the public cache (the handler's output must then depend on the URI and
// the data alone), or only callers with a session (401 otherwise).
enum class Access { kPublic, kPublicCached, kSession };

}  // namespace yishi::http
