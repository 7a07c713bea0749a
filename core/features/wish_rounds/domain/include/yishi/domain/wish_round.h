#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/scope.h"

// The yearly 民心项目 round of a community, or of a street or the district
// across their communities (docs/wish-rounds.md): wishes collected until a
// deadline, costed, a budget and a rule, the approval vote, and the year's
// 实事项目 it decided.
namespace yishi::domain {

enum class WishRoundPhase { kCollecting, kCosting, kReady, kVoting, kDecided };

const char* wishRoundPhaseName(WishRoundPhase phase);
bool parseWishRoundPhase(const std::string& text, WishRoundPhase* phase);

struct WishRound {
    std::int64_t id = 0;
    // Whose round: a community's, a street's or the district's. Residents of
    // every community within it raise wishes and vote; those who manage it
    // run it.
    ScopeRef scope{ScopeKind::kCommunity, 0};
    DistrictId district_id;    // whose rule and selection plugin judge it
    CommunityId community_id;  // a community's round only; else invalid
    std::int64_t year = 0;
    std::string title;
    std::string call;  // the committee's call for wishes (心愿征集)
    Instant wishes_due_at;
    WishRoundPhase phase = WishRoundPhase::kCollecting;
    // Set by the budget step (ready).
    std::int64_t budget_fen = 0;
    std::string rule;
    std::int64_t rule_param = 0;
    std::int64_t max_choices = 0;
    std::int64_t election_id = 0;  // set when the vote opens
    UserId created_by;
    Instant created_at;
    Instant decided_at;  // unset until decided
};

// A wish raised in answer to a round, and what the committee made of it.
struct RoundWish {
    std::int64_t round_id = 0;
    std::int64_t proposal_id = 0;
    Instant raised_at;
    std::optional<std::int64_t> cost_fen;  // set by costing
    std::string cost_note;                 // public, with the cost
    std::int64_t project_id = 0;           // the 实事项目 formed once selected
};

// The feature's store, for the length of one transaction.
class WishRoundStore {
  public:
    virtual ~WishRoundStore() = default;
    virtual std::int64_t insertRound(const WishRound& round) = 0;
    virtual void updateRound(const WishRound& round) = 0;
    virtual std::optional<WishRound> round(std::int64_t id) = 0;
    // The rounds of any of `scopes` (at most three), newest first.
    virtual std::vector<WishRound> rounds(const std::vector<ScopeRef>& scopes) = 0;
    virtual void insertWish(const RoundWish& wish) = 0;
    virtual void updateWish(const RoundWish& wish) = 0;
    // In the order raised.
    virtual std::vector<RoundWish> wishes(std::int64_t round_id) = 0;
};

}  // namespace yishi::domain
