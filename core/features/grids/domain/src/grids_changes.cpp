#include "yishi/domain/grids_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kEstateCreated{"estate.created", "estate", "", "", ""};
const ChangeKind kGridCreated{"grid.created", "grid", "", "", ""};
const ChangeKind kGridWorkerAdded{"grid.worker_added", "grid", "", "", ""};
const ChangeKind kGridWorkerRemoved{"grid.worker_removed", "grid", "", "", ""};
const ChangeKind kBuildingHeadAdded{"estate.building_head_added", "estate", "", "", ""};
const ChangeKind kBuildingHeadRemoved{"estate.building_head_removed", "estate", "", "", ""};
const ChangeKind kResidentPlaceRecorded{"resident.place_recorded", "user", "", "", ""};
const ChangeKind kProposalPlaced{"proposal.placed", "proposal", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& grids_changes() {
    static const std::vector<const ChangeKind*> kinds = {
        &changes::kEstateCreated,         &changes::kGridCreated,       &changes::kGridWorkerAdded,
        &changes::kGridWorkerRemoved,     &changes::kBuildingHeadAdded, &changes::kBuildingHeadRemoved,
        &changes::kResidentPlaceRecorded, &changes::kProposalPlaced};
    return kinds;
}

}  // namespace yishi::domain
