#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the elections feature records (see change.h). A vote
// is recorded as participation only: who voted in which election, never
// what the ballot says.
namespace yishi::domain {

namespace changes {
extern const ChangeKind kElectionCreated;
extern const ChangeKind kCredentialEnrolled;
extern const ChangeKind kVoteCast;
extern const ChangeKind kElectionPublished;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& elections_changes();

}  // namespace yishi::domain
