#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the wish rounds feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kWishRoundCreated;
extern const ChangeKind kWishRoundWishRaised;
extern const ChangeKind kWishRoundCollectingClosed;
extern const ChangeKind kWishRoundWishCosted;
extern const ChangeKind kWishRoundBudgetSet;
extern const ChangeKind kWishRoundOpened;
extern const ChangeKind kWishRoundDecided;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& wish_rounds_changes();

}  // namespace yishi::domain
