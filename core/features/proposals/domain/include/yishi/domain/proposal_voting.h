#pragma once

#include <cstdint>

#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

// Where a proposal's vote happens: the elections feature opens a referendum
// on it when the committee sends it to a vote (docs/proposal-lifecycle.md,
// "Deciding by vote"). ProposalService only asks; it knows nothing of
// ballots. Implementations are thread-safe.
class ProposalVoting {
  public:
    virtual ~ProposalVoting() = default;

    // Opens a referendum on `proposal` for the committee member `actor`,
    // closing at `closes_at`, and returns its id. Runs in its own
    // transaction, before the proposal's step (a ceremony is not a
    // transaction's work). conflict "proposal.no_trustees" when this server
    // cannot open one by itself; the election's own errors otherwise.
    virtual Result<std::int64_t> openReferendum(const Actor& actor, const Proposal& proposal, Instant closes_at) = 0;

    // OK when `election_id` names an open or not yet opened referendum of
    // the proposal's community whose subject is this proposal; invalid
    // "proposal.election_id" otherwise.
    virtual Status checkAttachable(const Proposal& proposal, std::int64_t election_id) = 0;
};

}  // namespace yishi::domain
