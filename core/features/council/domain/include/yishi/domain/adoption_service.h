#pragma once

#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/council.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 采纳 (docs/council.md): those who run a community mark each suggestion
// made in a topic's thread as adopted, partly adopted or not adopted, always
// with a public reason; the marks and the community's adoption rate, counted
// from them, are public. Each mark is a Change in the same transaction.
// Thread-safe.
class AdoptionService {
  public:
    struct Rate {
        std::vector<AdoptionPeriod> periods;  // per month, oldest first
        AdoptionPeriod total;                 // period "all"
    };

    AdoptionService(Database& db, const Clock& clock);

    // Those who run the comment's community (forbidden "adoption.forbidden");
    // marked again, the new mark replaces the old one (both stay in the
    // trace). invalid "adoption.reason_required" (1-1,000 characters);
    // conflict "comment.withdrawn"; not_found "comment.not_found".
    Result<AdoptionMark> mark(const Actor& actor, CommentId comment, AdoptionDecision decision,
                              const std::string& reason);
    // Public: the marks in a proposal's thread, by comment.
    // not_found "proposal.not_found" (drafts are their author's alone).
    Result<std::vector<AdoptionMark>> marksOfThread(const Actor& actor, ProposalId proposal);
    // Public. not_found "community.not_found".
    Result<Rate> rate(CommunityId community);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
