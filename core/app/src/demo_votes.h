#pragma once

#include "feature.h"
#include "yishi/common/result.h"

namespace yishi::app {

// The demo's open votes, made once with the demo district (README, "Vote in
// the demo"): a referendum on a 公约 rule in 友谊一村, sent to the vote
// through the 议事 chain, and a 民心项目 round of 友谊路街道 (an approval
// election over four accepted wishes of 友谊一村 and 宝林八村, with costs,
// a budget and the greedy-quota rule, one per community first). The server plays
// their trustees, and their manifests say so (demo = 1). Uses the
// services of the features in `context`; call after they are made.
Status seedDemoVotes(FeatureContext& context);

}  // namespace yishi::app
