#include "yishi/domain/points_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kVolunteerLogged{"volunteer.logged", "user", "volunteer.logged", "the volunteer", "minutes"};
const ChangeKind kRewardCreated{"reward.created", "reward", "", "", ""};
const ChangeKind kRewardUpdated{"reward.updated", "reward", "", "", ""};
const ChangeKind kRewardRedeemed{"reward.redeemed", "redemption", "", "", ""};
const ChangeKind kRewardHandedOver{"reward.handed_over", "redemption", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& points_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kVolunteerLogged, &changes::kRewardCreated,
                                                         &changes::kRewardUpdated, &changes::kRewardRedeemed,
                                                         &changes::kRewardHandedOver};
    return kinds;
}

}  // namespace yishi::domain
