#pragma once

#include "yishi/domain/notification_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addNotificationRoutes(Router& router, domain::NotificationService& notifications);

}  // namespace yishi::http
