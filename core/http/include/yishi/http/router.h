#pragma once

#include <string>
#include <vector>

#include "yishi/http/api_types.h"

namespace yishi::http {

// A table of (method, pattern) -> handler. Patterns are literal segments and
// {name} segments matching one non-empty segment. Not thread-safe to modify;
// match() may be called from many threads once built.
class Router {
  public:
    struct Route {
        std::string method;
        std::string pattern;
        Access access;
        Handler handler;
        std::vector<std::string> segments;
    };

    struct Match {
        const Route* route = nullptr;  // null: no route for this method
        std::map<std::string, std::string> params;
        std::vector<std::string> allowed_methods;  // when the path exists under other methods
    };

    void add(std::string method, std::string pattern, Access access, Handler handler);
    // Adds every route of `other` after this router's own.
    void append(const Router& other);
    Match match(const std::string& method, const std::string& path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

}  // namespace yishi::http
