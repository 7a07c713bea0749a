#include "yishi/domain/escalations_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kEscalatedToStreet{"proposal.escalated_to_street", "proposal", "proposal.escalated",
                                    "the proposal's author", ""};
const ChangeKind kEscalatedToDistrict{"proposal.escalated_to_district", "proposal", "", "", ""};
const ChangeKind kEscalationResolvedByStreet{"proposal.escalation_resolved_by_street", "proposal", "", "", ""};
const ChangeKind kEscalationResolvedByDistrict{"proposal.escalation_resolved_by_district", "proposal", "", "", ""};
}  // namespace changes

const ChangeKind& escalationResolvedBy(EscalationLevel level) {
    return level == EscalationLevel::kStreet ? changes::kEscalationResolvedByStreet
                                             : changes::kEscalationResolvedByDistrict;
}

const std::vector<const ChangeKind*>& escalations_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kEscalatedToStreet, &changes::kEscalatedToDistrict,
                                                         &changes::kEscalationResolvedByStreet,
                                                         &changes::kEscalationResolvedByDistrict};
    return kinds;
}

}  // namespace yishi::domain
