#pragma once

#include "feature.h"
#include "yishi/common/result.h"

namespace yishi::app {

// The demo's cases (docs/cases.md), made once with the demo district, in
// 友谊一村 through the services as its people would: a problem handled,
// rated and called back (closed), one done and waiting for its resident's
// rating, and one still being worked on. Call after the features are made.
Status seedDemoCases(FeatureContext& context);

}  // namespace yishi::app
