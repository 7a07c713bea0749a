#include "request_text.h"

#include "yishi/common/utf8.h"

namespace yishi::http {

namespace {

Status badUtf8(const std::string& what) {
    return Status::invalid("request.bad_utf8", "The request's " + what + " is not valid UTF-8.");
}

}  // namespace

Status checkRequestText(std::string_view path, const std::vector<std::pair<std::string, std::string>>& query) {
    if (!isValidUtf8(path)) return badUtf8("path");
    for (const auto& [name, value] : query) {
        if (!isValidUtf8(name)) return badUtf8("query parameter name");
        // The name is valid by now; a short excerpt of it is safe to show.
        if (!isValidUtf8(value)) return badUtf8("query parameter \"" + utf8Excerpt(name, 64) + "\"");
    }
    return Status::ok();
}

}  // namespace yishi::http
