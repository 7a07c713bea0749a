#pragma once

#include "yishi/domain/account_service.h"
#include "yishi/domain/notice_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addNoticeRoutes(Router& router, domain::NoticeService& notices);
void addAccountRoutes(Router& router, domain::AccountService& accounts);

}  // namespace yishi::http
