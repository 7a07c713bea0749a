#pragma once

#include "yishi/domain/election_listener.h"
#include "yishi/domain/election_service.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/domain/proposal_voting.h"

namespace yishi::app {

// The 议事 chain's vote (docs/proposal-lifecycle.md, "Deciding by vote"):
// send_to_vote opens a referendum whose subject is the proposal, and the
// referendum's published result adopts the proposal or not. Wired by the
// elections feature; the proposals feature knows only ProposalVoting.
// Thread-safe (the services are).
class ProposalReferendums final : public domain::ProposalVoting, public domain::ElectionListener {
  public:
    // `demo_trustees`: whether this server may open a referendum by itself,
    // playing its trustees (the record says so). Without, a committee opens
    // the referendum with its trustees and attaches it by election_id.
    ProposalReferendums(domain::ElectionService& elections, domain::ProposalService& proposals, bool demo_trustees)
        : elections_(elections), proposals_(proposals), demo_trustees_(demo_trustees) {}

    Result<std::int64_t> openReferendum(const domain::Actor& actor, const domain::Proposal& proposal,
                                        Instant closes_at) override;
    Status checkAttachable(const domain::Proposal& proposal, std::int64_t election_id) override;
    Status onPublished(domain::Stores& stores, const domain::Election& election, Instant now) override;

  private:
    domain::ElectionService& elections_;
    domain::ProposalService& proposals_;
    const bool demo_trustees_;
};

}  // namespace yishi::app
