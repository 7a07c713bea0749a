#include "yishi/http/router.h"

namespace yishi::http {

namespace {

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool matches(const Router::Route& route, const std::vector<std::string>& parts,
             std::map<std::string, std::string>* params) {
    if (route.segments.size() != parts.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& seg = route.segments[i];
        if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
            if (parts[i].empty()) return false;
            if (params) (*params)[seg.substr(1, seg.size() - 2)] = parts[i];
        } else if (seg != parts[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
    std::vector<std::string> segments = splitPath(pattern);
    routes_.push_back({std::move(method), std::move(pattern), access, std::move(handler), std::move(segments)});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
    Match result;
    if (path.empty() || path[0] != '/') return result;
    const std::vector<std::string> parts = splitPath(path);
    for (const Route& route : routes_) {
        std::map<std::string, std::string> params;
        if (!matches(route, parts, &params)) continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        result.allowed_methods.push_back(route.method);
    }
    return result;
}

void Router::append(const Router& other) {
    for (const Route& r : other.routes_) routes_.push_back(r);
}

}  // namespace yishi::http
