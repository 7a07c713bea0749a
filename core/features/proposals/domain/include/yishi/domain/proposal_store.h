#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/page.h"
#include "yishi/domain/proposal.h"

// Where proposals are kept. The store port of this feature; its SQLite implementation lives
// beside it in storage/. A service reaches it inside a transaction as
// stores.get<...>(). Throws only when the store itself is broken.
namespace yishi::domain {

struct ProposalFilter {
    std::optional<ProposalState> state;
    std::optional<ProposalKind> kind;
    // Drafts are listed only for their author: with `drafts_of` set, drafts of
    // that user are included; otherwise none.
    UserId drafts_of;
    // Only proposals overdue now (see overdueReasons). ProposalService puts
    // the current time in `overdue_at`, which is what the store reads.
    bool overdue_only = false;
    Instant overdue_at;
};

class ProposalStore {
  public:
    virtual ~ProposalStore() = default;
    virtual std::optional<Proposal> proposal(ProposalId id) = 0;
    virtual ProposalId insertProposal(const Proposal& proposal) = 0;
    // Saves every field but id, community, author, kind and created_at.
    virtual void updateProposal(const Proposal& proposal) = 0;
    // Newest first: a page starts below `page.after` (0: from the newest).
    virtual Page<Proposal> proposals(CommunityId community, const ProposalFilter& filter, PageRequest page) = 0;
    // How many proposals of the community are in each state (drafts left out).
    virtual std::vector<std::pair<ProposalState, std::int64_t>> countByState(CommunityId community,
                                                                             std::optional<ProposalKind> kind) = 0;
    // The proposals merged into `target`, oldest first.
    virtual std::vector<ProposalId> mergedInto(ProposalId target) = 0;
};

}  // namespace yishi::domain
