#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/domain/escalation_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteEscalationStore final : public domain::EscalationStore {
  public:
    explicit SqliteEscalationStore(Connection& c) : c_(c) {}
    std::optional<domain::Escalation> escalation(domain::EscalationId id) override;
    domain::EscalationId insertEscalation(const domain::Escalation& escalation) override;
    void updateEscalation(const domain::Escalation& escalation) override;
    std::vector<domain::Escalation> forProposal(domain::ProposalId proposal) override;
    domain::Page<domain::Escalation> queue(domain::EscalationLevel level, std::int64_t scope_id,
                                           std::optional<domain::EscalationStatus> status,
                                           domain::PageRequest page) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
