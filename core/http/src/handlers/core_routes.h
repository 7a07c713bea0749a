#pragma once

#include <functional>

#include "yishi/common/status.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/router.h"

// The server's own routes (the features add theirs from core/features).
namespace yishi::http {

// `test_clock`: the server's time can be moved (yishi serve --test-clock); shown in /health.
void addHealthRoutes(Router& router, std::function<Status()> health, bool test_clock = false);
void addSessionRoutes(Router& router, domain::AuthService& auth);

}  // namespace yishi::http
