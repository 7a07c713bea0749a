#pragma once

#include "yishi/domain/plugin_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addPluginRoutes(Router& router, domain::PluginService& plugins);

}  // namespace yishi::http
