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

// What the page a kPublicCached route answered (200) depends on and who
// shares its rendering (docs/architecture.md, "The page cache"). The handler
// tells it; left unset, the page is taken to depend on every change and
// each signed-in caller gets a rendering of their own.
struct CacheFacts {
    // The page shows data of this community and of no other (and what
    // changes naming no community may touch); invalid: it may show any.
    CommunityId community;
    // The page reads the same to every caller but those named below; false:
    // each signed-in caller gets a rendering of their own.
    bool shared = false;
    // Those who manage this community see more (e.g. hidden comments'
    // bodies) and share a rendering among them.
    std::optional<domain::Community> managers_of;
    // Callers to whom the page reads differently from what anyone sees (the
    // author of a hidden comment, one with drafts in the list): each gets a
    // rendering of their own. Sorted, for binary search.
    std::vector<UserId> personal;
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
    // kPublicCached routes: what the page depends on (see CacheFacts).
    std::optional<CacheFacts> cache;
};

using Handler = std::function<ApiResponse(ApiCall&)>;

// Who may call a route: anyone (an actor is still resolved when a session
// is presented), anyone with the answers kept in the page cache (the
// handler's output must then depend on the URI, the language, the data, the
// caller and the time alone, and say what it depends on with CacheFacts),
// or only callers with a session (401 otherwise).
enum class Access { kPublic, kPublicCached, kSession };

}  // namespace yishi::http
