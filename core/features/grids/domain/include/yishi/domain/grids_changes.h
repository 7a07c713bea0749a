#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the grids feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kEstateCreated;
extern const ChangeKind kGridCreated;
extern const ChangeKind kGridWorkerAdded;
extern const ChangeKind kGridWorkerRemoved;
// Subject: the estate.
extern const ChangeKind kBuildingHeadAdded;
extern const ChangeKind kBuildingHeadRemoved;
// Subject: the resident (a user): where the staff recorded they live.
extern const ChangeKind kResidentPlaceRecorded;
// Subject: the proposal, so that where a topic was placed shows in its trace.
extern const ChangeKind kProposalPlaced;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& grids_changes();

}  // namespace yishi::domain
