#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/case_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteCaseStore final : public domain::CaseStore {
  public:
    explicit SqliteCaseStore(Connection& c) : c_(c) {}
    std::optional<domain::Case> byId(domain::CaseId id) override;
    std::optional<domain::Case> ofProposal(domain::ProposalId proposal) override;
    domain::CaseId insertCase(const domain::Case& c) override;
    void updateCase(const domain::Case& c) override;
    std::int64_t insertEntry(const domain::CaseEntry& entry) override;
    std::vector<domain::CaseEntry> entries(domain::CaseId id) override;
    std::vector<domain::CaseEntry> entriesOfCommunity(CommunityId community) override;
    domain::Page<domain::CaseSummary> list(CommunityId community, std::optional<domain::CaseState> state,
                                           domain::PageRequest page) override;
    std::vector<domain::User> committeeOf(CommunityId community) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
