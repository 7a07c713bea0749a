#pragma once

#include "yishi/domain/wish_round_service.h"
#include "yishi/http/router.h"

// The routes of this feature (docs/api.md lists them).
namespace yishi::http {

void addWishRoundRoutes(Router& router, domain::WishRoundService& rounds);

}  // namespace yishi::http
