#pragma once

#include "yishi/common/status.h"
#include "yishi/common/time.h"
#include "yishi/domain/election_service.h"

namespace yishi::domain {

// Checks a creation request against election-record.md 5.3 and the
// server's own bounds, and completes it: a referendum gets its three fixed
// options. Options that name a wish are checked here for their shape only
// (their label and group come from the wish later). Codes as
// ElectionService::create lists them.
Status validateRequest(ElectionService::CreateRequest& request, Instant now);

}  // namespace yishi::domain
