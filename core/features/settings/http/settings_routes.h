#pragma once

#include "yishi/domain/settings_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addSettingsRoutes(Router& router, domain::SettingsService& settings);

}  // namespace yishi::http
