#pragma once

#include "feature.h"
#include "yishi/common/result.h"

namespace yishi::app {

// The demo's 公开之栏 (docs/noticeboard.md), made once with the demo
// district, in 友谊一村 through the services as its committee would: current,
// corrected, withdrawn notices, and a few months of accounts with a
// correction. Call after the features are made.
Status seedDemoBoard(FeatureContext& context);

}  // namespace yishi::app
