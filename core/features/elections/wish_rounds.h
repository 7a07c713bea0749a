#pragma once

#include "yishi/domain/election_listener.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/domain/round_wishes.h"

namespace yishi::app {

// 民心项目 rounds over wishes (docs/proposal-lifecycle.md, "Wishes in a
// 民心项目 round"): an approval election's options may name accepted wishes
// of communities within its scope; creating it moves them to voting, and
// its published result adopts the selected ones and not the others. Wired
// by the elections feature; the proposals feature knows nothing of rounds
// but its two steps (enterRound, decideByVote). Thread-safe (the service
// is).
class WishRounds final : public domain::RoundWishes, public domain::ElectionListener {
  public:
    explicit WishRounds(domain::ProposalService& proposals) : proposals_(proposals) {}

    Result<Wish> check(domain::Stores& stores, std::int64_t id, domain::ScopeRef owner) override;
    Status enter(domain::Stores& stores, const domain::Actor& actor, std::int64_t id, domain::ElectionId election,
                 Instant now) override;
    Status onPublished(domain::Stores& stores, const domain::Election& election, Instant now) override;

  private:
    domain::ProposalService& proposals_;
};

}  // namespace yishi::app
