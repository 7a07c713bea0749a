#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "responses.h"
#include "yishi/common/result.h"
#include "yishi/domain/page.h"
#include "yishi/http/api_types.h"
#include "yishi/http/fact_text.h"

// Small helpers shared by the route handlers.
namespace yishi::http {

// The path parameter `name` as a positive id. An id that is not a number
// names nothing: not_found "<what>.not_found".
Result<std::int64_t> pathId(const ApiCall& call, const std::string& name, const std::string& what);

// ?cursor=...&limit=... as a PageRequest. invalid "query.cursor" or "query.limit"; invalid
// "query.unknown" for a query parameter other than those two and the route's own `filters`
// (so every paged list refuses a misspelt filter instead of ignoring it).
Result<domain::PageRequest> pageRequest(const ApiCall& call, std::initializer_list<std::string_view> filters = {});

// OK when every query parameter is one of `known`; invalid "query.unknown" naming the first
// other one. For the lists that are not paged; paged ones get this from pageRequest.
Status onlyKnownQuery(const ApiCall& call, std::initializer_list<std::string_view> known = {});

inline ApiResponse fail(const ApiCall& call, const Status& status) { return errorResponse(status, call); }

// A view writer write(JsonWriter&, const T&, Language) bound to the language
// the call asked for, for jsonResponse and writePage.
template <typename Write>
auto inLanguageOf(const ApiCall& call, Write write) {
    return [write, language = call.language](JsonWriter& w, const auto& value) { write(w, value, language); };
}

// A route's handler that needs a service: the service is bound here, so the
// handler reads as handler(service, call).
template <typename Service>
Handler with(Service& service, ApiResponse (*handler)(Service&, ApiCall&)) {
    return [&service, handler](ApiCall& call) { return handler(service, call); };
}

// `out` marked as a page that reads the same to every caller and shows data
// of `community` alone (CacheFacts): the page cache then keeps one rendering
// for everybody, until that community (or something of no community)
// changes. Only for handlers that never read the caller.
inline ApiResponse sameForEveryone(ApiResponse out, CommunityId community) {
    out.cache = CacheFacts{community, true, std::nullopt, {}};
    return out;
}

// Parses a positive decimal integer; false on anything else (sign, overflow, junk).
bool parsePositiveInt(const std::string& text, std::int64_t* out);

}  // namespace yishi::http

// Inside a handler: answer with the error of a Status that is not OK.
#define YISHI_HANDLER_CHECK(expr)                                                \
    if (const ::yishi::Status YISHI_CONCAT_(handler_status_, __LINE__) = (expr); \
        !YISHI_CONCAT_(handler_status_, __LINE__).isOk())                        \
    return ::yishi::http::fail(call, YISHI_CONCAT_(handler_status_, __LINE__))

// Inside a handler: unwrap a Result or answer with its error.
#define YISHI_HANDLER_ASSIGN(lhs, expr)                                                      \
    auto YISHI_CONCAT_(handler_result_, __LINE__) = (expr);                                  \
    if (!YISHI_CONCAT_(handler_result_, __LINE__).isOk())                                    \
        return ::yishi::http::fail(call, YISHI_CONCAT_(handler_result_, __LINE__).status()); \
    lhs = std::move(YISHI_CONCAT_(handler_result_, __LINE__)).value()
