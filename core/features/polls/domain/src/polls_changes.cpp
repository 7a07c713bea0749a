#include "yishi/domain/polls_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kPollCreated{"poll.created", "poll", "", "", ""};
// Says that the resident answered, never what.
const ChangeKind kPollAnswered{"poll.answered", "poll", "poll.answered", "the resident who answered", ""};
const ChangeKind kServiceDefined{"service.defined", "service", "", "", ""};
const ChangeKind kRatingPeriodOpened{"rating_period.opened", "rating_period", "", "", ""};
const ChangeKind kServiceRated{"service.rated", "service", "service.rated", "the resident who rated", "stars"};
}  // namespace changes

const std::vector<const ChangeKind*>& polls_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kPollCreated, &changes::kPollAnswered,
                                                         &changes::kServiceDefined, &changes::kRatingPeriodOpened,
                                                         &changes::kServiceRated};
    return kinds;
}

}  // namespace yishi::domain
