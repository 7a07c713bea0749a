#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/election.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// The wish proposals a 民心项目 round puts to the vote
// (docs/proposal-lifecycle.md, "Wishes in a 民心项目 round"): an approval
// election's option may name one. The elections feature asks through this
// port; the app part implements it over the proposals feature, and hears of
// the result as an ElectionListener. Implementations are thread-safe.
class RoundWishes {
  public:
    // What an option takes from the wish it names.
    struct Wish {
        std::string title;
        CommunityId community;
    };

    virtual ~RoundWishes() = default;

    // Whether proposal `id` may be an option of an election of `owner`: a
    // public wish, accepted (so in no other running election), of a
    // community within `owner`. invalid "election.option_proposal" (no such
    // proposal), "election.option_kind" (not a wish), "election.option_scope"
    // (its community is outside the election's scope); conflict
    // "election.option_state" (not accepted: already in a round, decided,
    // or not yet accepted).
    virtual Result<Wish> check(Stores& stores, std::int64_t id, ScopeRef owner) = 0;

    // Inside the transaction that creates election `election`: moves the
    // wish `id` (checked in this transaction) from accepted to voting,
    // waiting for that election; its history names the election.
    virtual Status enter(Stores& stores, const Actor& actor, std::int64_t id, ElectionId election, Instant now) = 0;
};

}  // namespace yishi::domain
