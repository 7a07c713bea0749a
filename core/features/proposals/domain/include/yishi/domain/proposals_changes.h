#pragma once

#include <vector>

#include "yishi/domain/change.h"
#include "yishi/domain/proposal.h"

// The kinds of change the proposals feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kProposalCreated;
extern const ChangeKind kProposalMergeReceived;
extern const ChangeKind kProposalEdited;  // the author revised title or body (no event: nothing to reward)
}  // namespace changes

// The kind for a lifecycle step: action "proposal.<action>", event
// "proposal.<state it leads to>" for the author.
const ChangeKind& proposalStep(ProposalAction action);

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& proposals_changes();

}  // namespace yishi::domain
