#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/escalation.h"
#include "yishi/domain/page.h"

// Where escalations are kept. The store port of this feature; its SQLite implementation lives
// beside it in storage/. A service reaches it inside a transaction as
// stores.get<...>(). Throws only when the store itself is broken.
namespace yishi::domain {

class EscalationStore {
  public:
    virtual ~EscalationStore() = default;
    virtual std::optional<Escalation> escalation(EscalationId id) = 0;
    virtual EscalationId insertEscalation(const Escalation& escalation) = 0;
    // Saves status, resolution, resolved_by and resolved_at.
    virtual void updateEscalation(const Escalation& escalation) = 0;
    // The escalations of a proposal, oldest first.
    virtual std::vector<Escalation> forProposal(ProposalId proposal) = 0;
    // A street's or a district's queue, oldest first; all statuses when empty.
    virtual Page<Escalation> queue(EscalationLevel level, std::int64_t scope_id, std::optional<EscalationStatus> status,
                                   PageRequest page) = 0;
};

}  // namespace yishi::domain
