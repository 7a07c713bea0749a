#include "yishi/domain/wish_rounds_changes.h"

namespace yishi::domain {

namespace changes {
// The steps of a round are the committee's; the wishes' own steps (raised,
// accepted, adopted) are the proposals feature's changes and events.
const ChangeKind kWishRoundCreated{"wish_round.created", "wish_round", "", "", ""};
const ChangeKind kWishRoundWishRaised{"wish_round.wish_raised", "wish_round", "", "", ""};
const ChangeKind kWishRoundCollectingClosed{"wish_round.collecting_closed", "wish_round", "", "", ""};
const ChangeKind kWishRoundWishCosted{"wish_round.wish_costed", "wish_round", "", "", ""};
const ChangeKind kWishRoundBudgetSet{"wish_round.budget_set", "wish_round", "", "", ""};
const ChangeKind kWishRoundOpened{"wish_round.opened", "wish_round", "", "", ""};
const ChangeKind kWishRoundDecided{"wish_round.decided", "wish_round", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& wish_rounds_changes() {
    static const std::vector<const ChangeKind*> kinds = {
        &changes::kWishRoundCreated,    &changes::kWishRoundWishRaised, &changes::kWishRoundCollectingClosed,
        &changes::kWishRoundWishCosted, &changes::kWishRoundBudgetSet,  &changes::kWishRoundOpened,
        &changes::kWishRoundDecided};
    return kinds;
}

}  // namespace yishi::domain
