#pragma once

#include <vector>

#include "yishi/domain/change.h"
#include "yishi/domain/escalation.h"

// The kinds of change the escalations feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kEscalatedToStreet;
extern const ChangeKind kEscalatedToDistrict;
extern const ChangeKind kEscalationResolvedByStreet;
extern const ChangeKind kEscalationResolvedByDistrict;
}  // namespace changes

// The kind for a resolution at `level`.
const ChangeKind& escalationResolvedBy(EscalationLevel level);

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& escalations_changes();

}  // namespace yishi::domain
