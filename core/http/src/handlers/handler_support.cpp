#include "handler_support.h"

#include <algorithm>
#include <limits>

#include "yishi/common/utf8.h"

namespace yishi::http {

bool parsePositiveInt(const std::string& text, std::int64_t* out) {
    if (text.empty() || text.size() > 18) return false;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v <= 0) return false;
    *out = v;
    return true;
}

Result<std::int64_t> pathId(const ApiCall& call, const std::string& name, const std::string& what) {
    auto it = call.params.find(name);
    std::int64_t id = 0;
    if (it == call.params.end() || !parsePositiveInt(it->second, &id)) {
        return Status::notFound(what + ".not_found", "There is no such " + what + ".");
    }
    return id;
}

Status onlyKnownQuery(const ApiCall& call, std::initializer_list<std::string_view> known) {
    for (const auto& [name, value] : call.query) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            return Status::invalid("query.unknown",
                                   "This list has no query parameter \"" + utf8Excerpt(name, 64) + "\".");
        }
    }
    return Status::ok();
}

Result<domain::PageRequest> pageRequest(const ApiCall& call, std::initializer_list<std::string_view> filters) {
    for (const auto& [name, value] : call.query) {
        if (name != "cursor" && name != "limit" && std::find(filters.begin(), filters.end(), name) == filters.end()) {
            return Status::invalid("query.unknown",
                                   "This list has no query parameter \"" + utf8Excerpt(name, 64) + "\".");
        }
    }
    domain::PageRequest page;
    const std::string cursor = call.query.get("cursor", "");
    if (!cursor.empty() && !parsePositiveInt(cursor, &page.after)) {
        return Status::invalid("query.cursor", "The cursor is not one this API gave out.");
    }
    const std::string limit = call.query.get("limit", "");
    if (!limit.empty()) {
        std::int64_t n = 0;
        if (!parsePositiveInt(limit, &n) || n > domain::PageRequest::kMaxLimit) {
            return Status::invalid(
                "query.limit", "limit must be between 1 and " + std::to_string(domain::PageRequest::kMaxLimit) + ".");
        }
        page.limit = static_cast<int>(n);
    }
    return page;
}

}  // namespace yishi::http
