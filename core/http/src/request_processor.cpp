#include "request_processor.h"

#include <Poco/Logger.h>
#include <Poco/Net/MediaType.h>
#include <Poco/URI.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>

#include "json_io.h"
#include "request_text.h"
#include "responses.h"
#include "session_cookie.h"
#include "yishi/common/utf8.h"
#include "yishi/http/client_origin.h"
#include "yishi/http/router.h"

namespace yishi::http {

namespace {

Poco::Logger& logger() {
    static Poco::Logger& l = Poco::Logger::get("yishi.http");
    return l;
}

bool changesState(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

std::string bearerToken(const HttpRequest& request) {
    // A copy: get() returns a reference to its default argument when the
    // header is absent, and that temporary dies with this statement.
    const std::string auth = request.get("Authorization", "");
    static constexpr std::string_view kPrefix = "Bearer ";
    if (auth.size() > kPrefix.size() && auth.compare(0, kPrefix.size(), kPrefix) == 0) {
        return auth.substr(kPrefix.size());
    }
    return "";
}

// Whether an Accept-Encoding value admits gzip ("gzip;q=0" refuses it).
bool acceptsGzip(const std::string& accept) {
    std::size_t start = 0;
    while (start < accept.size()) {
        std::size_t end = accept.find(',', start);
        if (end == std::string::npos) end = accept.size();
        std::string item = accept.substr(start, end - start);
        start = end + 1;
        std::string name;
        std::string params;
        const std::size_t semi = item.find(';');
        name = item.substr(0, semi);
        if (semi != std::string::npos) params = item.substr(semi + 1);
        auto trim = [](std::string& v) {
            const auto b = v.find_first_not_of(" \t");
            const auto e = v.find_last_not_of(" \t");
            v = b == std::string::npos ? "" : v.substr(b, e - b + 1);
        };
        trim(name);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name != "gzip" && name != "*") continue;
        trim(params);
        for (char& c : params) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (params.rfind("q=", 0) == 0) {
            const std::string q = params.substr(2);
            if (q.find_first_not_of("0.") == std::string::npos) return false;  // q=0, q=0.0, q=0.000
        }
        return true;
    }
    return false;
}

// Whether an If-None-Match value names `etag` (or is "*").
bool etagMatches(const std::string& if_none_match, const std::string& etag) {
    if (if_none_match.empty()) return false;
    std::size_t start = 0;
    while (start < if_none_match.size()) {
        std::size_t end = if_none_match.find(',', start);
        if (end == std::string::npos) end = if_none_match.size();
        std::string tag = if_none_match.substr(start, end - start);
        start = end + 1;
        const auto b = tag.find_first_not_of(" \t");
        const auto e = tag.find_last_not_of(" \t");
        if (b == std::string::npos) continue;
        tag = tag.substr(b, e - b + 1);
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);  // a weak comparison is right for GET
        if (tag == "*" || tag == etag) return true;
    }
    return false;
}

}  // namespace

std::string nextRequestId() {
    static const unsigned prefix = std::random_device{}();
    static std::atomic<std::uint64_t> counter{0};
    char id[32];
    std::snprintf(id, sizeof id, "%08x-%06llx", prefix, static_cast<unsigned long long>(counter.fetch_add(1) + 1));
    return id;
}

RequestProcessor::RequestProcessor(const ServerCore& core, const Router& router, const ServerOptions& options)
    : core_(core),
      router_(router),
      options_(options),
      cache_({std::chrono::milliseconds(options.public_cache_ttl_ms)}),
      static_files_(options.www_dir, [](const std::string& line) {
          logger().warning("{\"event\":\"www_skipped\",\"what\":" + jsonQuote(line) + "}");
      }) {}

ApiResponse RequestProcessor::staticFile(const HttpRequest& request, const ApiCall& call) const {
    if (call.method != "GET" && call.method != "HEAD") {
        ApiResponse r = errorResponse(
            Status::invalid("route.method_not_allowed",
                            utf8Excerpt(call.method, 16) + " is not allowed on " + utf8Excerpt(call.path, 128) + "."),
            call);
        r.status = 405;
        r.headers.emplace_back("Allow", "GET, HEAD");
        return r;
    }
    const StaticFiles::File* file = static_files_.find(call.path);
    if (!file) {
        return errorResponse(Status::notFound("page.not_found", "There is no such page."), call);
    }
    const bool gzip = !file->gzip.empty() && acceptsGzip(request.get("Accept-Encoding", ""));
    const std::string& etag = gzip ? file->gzip_etag : file->etag;
    ApiResponse out;
    out.content_type = file->content_type;
    out.cache_control = file->cache_control;
    out.headers.emplace_back("ETag", etag);
    if (!file->gzip.empty()) out.headers.emplace_back("Vary", "Accept-Encoding");
    if (file->html) {
        out.headers.emplace_back("Content-Security-Policy",
                                 "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                 "form-action 'self'; frame-ancestors 'none'");
        out.headers.emplace_back("Referrer-Policy", "no-referrer");
    }
    if (etagMatches(request.get("If-None-Match", ""), etag)) {
        out.status = 304;
        return out;
    }
    if (gzip) out.headers.emplace_back("Content-Encoding", "gzip");
    out.body = gzip ? file->gzip : file->body;
    return out;
}

Status RequestProcessor::authenticate(const HttpRequest& request, ApiCall& call, Access access) {
    std::string token = bearerToken(request);
    bool from_cookie = false;
    if (token.empty() && request.has("Cookie")) {
        token = cookieValue(request.get("Cookie"), kSessionCookie);
        from_cookie = !token.empty();
    }
    if (token.empty()) {
        if (access == Access::kSession) {
            return Status::unauthenticated("session.required", "Please log in first.");
        }
        return Status::ok();
    }
    Result<domain::AuthService::Authenticated> auth = core_.auth.authenticate(token);
    if (!auth.isOk()) {
        // A stale cookie on a public page is just a visitor; a script that sent
        // a bad bearer token wants to know.
        if (access != Access::kSession && from_cookie) return Status::ok();
        return auth.status();
    }
    if (from_cookie && changesState(call.method) && request.get(kCsrfHeader, "") != auth->session.csrf_token) {
        return Status::forbidden("csrf.invalid",
                                 std::string("This request needs the ") + kCsrfHeader + " header from your login.");
    }
    call.actor = std::move(auth->actor);
    call.session = std::move(auth->session);
    call.session_token = token;
    call.session_from_cookie = from_cookie;
    return Status::ok();
}

ApiResponse RequestProcessor::handle(const HttpRequest& request, ApiCall& call) {
    Poco::URI uri;
    try {
        uri = Poco::URI(request.getURI());
        call.path = uri.getPath();
        const Poco::URI::QueryParameters query = uri.getQueryParameters();
        if (Status text = checkRequestText(call.path, query); !text.isOk()) {
            call.path.clear();  // the log line shows an excerpt of the raw URI instead
            return errorResponse(text, call);
        }
        for (const auto& [k, v] : query) call.query.add(k, v);
    } catch (const Poco::Exception&) {
        return errorResponse(Status::invalid("request.bad_uri", "The request URI is malformed."), call);
    }

    if (static_files_.loaded() && call.path != "/api" && call.path.rfind("/api/", 0) != 0) {
        return staticFile(request, call);
    }

    const Router::Match match = router_.match(call.method, call.path);
    if (!match.route) {
        if (match.allowed_methods.empty()) {
            return errorResponse(
                Status::notFound("route.not_found", "There is no " + utf8Excerpt(call.path, 128) + " in this API."),
                call);
        }
        ApiResponse r = errorResponse(
            Status::invalid("route.method_not_allowed",
                            utf8Excerpt(call.method, 16) + " is not allowed on " + utf8Excerpt(call.path, 128) + "."),
            call);
        r.status = 405;
        std::string allow;
        for (const std::string& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
        r.headers.emplace_back("Allow", allow);
        return r;
    }
    call.params = match.params;

    // The connection read the body already, within max_body_bytes (413
    // otherwise, before any route was looked up).
    if (request.hasBody()) {
        bool json = false;
        try {
            Poco::Net::MediaType type(request.get("Content-Type"));
            json = type.matches("application", "json");
        } catch (const Poco::Exception&) {
        }
        if (!json) {
            return errorResponse(Status::unsupported("request.content_type", "Send the body as application/json."),
                                 call);
        }
        Result<Value> parsed = parseJsonObject(request.body, options_.max_json_depth);
        if (!parsed.isOk()) return errorResponse(parsed.status(), call);
        call.body = std::move(parsed).value();
    }

    const Status auth = authenticate(request, call, match.route->access);
    if (!auth.isOk()) return errorResponse(auth, call);
    if (match.route->access == Access::kPublicCached && call.method == "GET" && core_.versions) {
        return cachedPage(*match.route, request, call);
    }
    return match.route->handler(call);
}

HttpReply RequestProcessor::process(const HttpRequest& request, const std::string& client_address, bool keep_alive) {
    const auto started = std::chrono::steady_clock::now();
    ApiCall call{options_};
    call.method = request.getMethod();
    call.request_id = nextRequestId();
    // `client_address` is the socket's peer; a trusted proxy names the client.
    const ClientOrigin origin = clientOrigin(client_address, false, request.get("X-Forwarded-For", ""),
                                             request.get("X-Forwarded-Proto", ""), options_.trusted_proxies);
    call.client_address = origin.address;
    call.over_https = origin.https;
    call.cookie_header = request.get("Cookie", "");
    call.language = languageFromAcceptLanguage(request.get("Accept-Language", ""));

    ApiResponse out;
    try {
        out = handle(request, call);
    } catch (const std::exception& e) {
        logger().error("{\"event\":\"handler_exception\",\"request_id\":" + jsonQuote(call.request_id) +
                       ",\"what\":" + jsonQuote(utf8Excerpt(e.what(), 2048)) + "}");
        out = errorResponse(Status::internal("server.error", e.what()), call);
    } catch (...) {
        logger().error("{\"event\":\"handler_exception\",\"request_id\":" + jsonQuote(call.request_id) + "}");
        out = errorResponse(Status::internal("server.error", "unknown exception"), call);
    }
    const int status = out.status;
    HttpReply reply =
        makeReply(std::move(out), {call.request_id, call.method == "HEAD", keep_alive, request.minor_version == 0});

    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", ms);
    logger().information("{\"event\":\"request\",\"method\":" + jsonQuote(utf8Excerpt(call.method, 16)) +
                         ",\"path\":" + jsonQuote(utf8Excerpt(call.path.empty() ? request.getURI() : call.path, 512)) +
                         ",\"status\":" + std::to_string(status) + ",\"duration_ms\":" + duration +
                         ",\"request_id\":" + jsonQuote(call.request_id) + "}");
    return reply;
}

}  // namespace yishi::http
