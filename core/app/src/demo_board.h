#pragma once

#include "feature.h"
#include "yishi/common/result.h"

namespace yishi::app {

// The demo's 公开之栏 (docs/noticeboard.md) and its polls and service ratings
// (docs/polls.md), made once with the demo district, in 友谊一村, through
// the services as its people would: current, corrected and withdrawn
// notices; a few months of accounts with a correction; an open poll; the
// 物业 and the 业委会 with this month's period open. The past a service
// cannot make (a closed poll, closed periods with their ratings) is written
// to the stores directly. Call after the features are made.
Status seedDemoBoard(FeatureContext& context);

}  // namespace yishi::app
