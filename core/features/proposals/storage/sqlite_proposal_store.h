#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/domain/proposal_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteProposalStore final : public domain::ProposalStore {
  public:
    explicit SqliteProposalStore(Connection& c) : c_(c) {}
    std::optional<domain::Proposal> proposal(domain::ProposalId id) override;
    domain::ProposalId insertProposal(const domain::Proposal& proposal) override;
    void updateProposal(const domain::Proposal& proposal) override;
    domain::Page<domain::Proposal> proposals(CommunityId community, const domain::ProposalFilter& filter,
                                             domain::PageRequest page) override;
    domain::ProposalActivity activity(domain::ProposalId id) override;
    std::vector<std::pair<domain::ProposalState, std::int64_t>> countByState(
        CommunityId community, std::optional<domain::ProposalKind> kind) override;
    std::vector<UserId> draftAuthors(CommunityId community) override;
    std::vector<domain::ProposalId> mergedInto(domain::ProposalId target) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
