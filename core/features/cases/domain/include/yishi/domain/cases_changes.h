#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the cases feature records (see change.h). Their
// subject is the case's proposal, so that every step of the handling shows in
// the proposal's public history beside its 议事 steps.
namespace yishi::domain {

namespace changes {
extern const ChangeKind kCaseOpened;
extern const ChangeKind kCaseAssigned;
extern const ChangeKind kCaseReassigned;
extern const ChangeKind kCaseStep;
extern const ChangeKind kCaseDone;
extern const ChangeKind kCaseRated;
extern const ChangeKind kCaseReopened;
extern const ChangeKind kCaseFollowedUp;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& cases_changes();

}  // namespace yishi::domain
