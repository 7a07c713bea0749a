#include "yishi/domain/cases_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kCaseOpened{"case.opened", "proposal", "case.opened", "the resident who raised it", ""};
const ChangeKind kCaseAssigned{"case.assigned", "proposal", "", "", ""};
const ChangeKind kCaseReassigned{"case.reassigned", "proposal", "", "", ""};
const ChangeKind kCaseStep{"case.step", "proposal", "", "", ""};
const ChangeKind kCaseDone{"case.done", "proposal", "case.done", "the resident who raised it", ""};
const ChangeKind kCaseRated{"case.rated", "proposal", "case.rated", "the resident who rated", "result stars"};
const ChangeKind kCaseReopened{"case.reopened", "proposal", "case.reopened", "the resident who raised it", ""};
const ChangeKind kCaseFollowedUp{"case.followed_up", "proposal", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& cases_changes() {
    static const std::vector<const ChangeKind*> kinds = {
        &changes::kCaseOpened, &changes::kCaseAssigned, &changes::kCaseReassigned, &changes::kCaseStep,
        &changes::kCaseDone,   &changes::kCaseRated,    &changes::kCaseReopened,   &changes::kCaseFollowedUp};
    return kinds;
}

}  // namespace yishi::domain
