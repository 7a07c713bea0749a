#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/election_listener.h"
#include "yishi/domain/election_service.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/project.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/domain/selection.h"
#include "yishi/domain/wish_round.h"

namespace yishi::domain {

// The yearly 民心项目 round of a community, or of a street or the district
// across their communities (docs/wish-rounds.md), as one object with phases: collecting (residents raise wishes until
// the deadline) → costing (the committee screens each wish with the proposal's own actions and costs the accepted ones
// with a public note) → ready (the year's budget and the district's rule) → voting (the approval election, created by
// ElectionService over the costed wishes) → decided (when the election's result is published: a project for each
// selected wish, its cost as its budget, its community's 居民委员会 responsible). Each step is taken by those who
// manage the round's scope (a community's committee, a street's staff, the district's admins) and recorded as a Change;
// a wish is raised by a verified resident of a community within it, and screened as its community's proposal. The
// wishes stay proposals; the vote stays an election: this service links them and adds the steps between. Thread-safe.
class WishRoundService final : public ElectionListener {
  public:
    struct CreateInput {
        std::int64_t year = 0;
        std::string title;
        std::string call;
        Instant wishes_due_at;
    };
    struct BudgetInput {
        std::int64_t budget_fen = 0;
        std::string rule;  // greedy, greedy-threshold or greedy-quota
        std::int64_t rule_param = 0;
        std::int64_t max_choices = 0;  // how many wishes a voter may approve
    };

    // A wish of the round as its page shows it.
    struct WishView {
        RoundWish wish;
        Proposal proposal;
        std::string community_name;  // the wish's community
        std::optional<Project> project;
    };
    // The rule and the plugin that judges the vote: once the budget step
    // named the rule, the plugin serving the district now (recorded false);
    // once the vote is open, as the election's manifest records them.
    struct Judge {
        std::string rule;
        std::int64_t rule_param = 0;
        std::string plugin;  // the plugin's name
        std::string version;
        std::string hash;
        bool recorded = false;
    };
    struct View {
        WishRound round;
        std::string scope_name;  // the community's, the street's or the district's name
        std::vector<WishView> wishes;
        std::optional<Election> election;
        std::optional<Judge> judge;
        bool manage = false;          // the caller manages the round's scope
        bool may_raise = false;       // the caller may raise a wish now
        bool collecting_due = false;  // the deadline has passed
    };

    WishRoundService(Database& db, const Clock& clock, ProposalService& proposals, ElectionService& elections,
                     DistrictPlugins& plugins);

    // Those who manage `scope` (a community: its committee or an admin of
    // its district; a street: its staff or an admin of its district; a
    // district: its admins), else forbidden "wish_round.forbidden". invalid
    // "title.invalid", "call.invalid", "wish_round.year" (2000..2100),
    // "wish_round.due" (after now, within a year); not_found
    // "community.not_found", "street.not_found", "district.not_found".
    Result<View> create(const Actor& actor, ScopeRef scope, const CreateInput& input);
    // Public. not_found "wish_round.not_found".
    Result<View> get(const Actor& actor, std::int64_t id);
    // The rounds of a scope, and whether the caller may call for a new one.
    struct Listing {
        std::string scope_name;
        bool manage = false;
        std::vector<WishRound> rounds;  // newest first
    };
    // Public: the rounds of `scope`; for a community also those of its
    // street and its district (every round its residents may answer).
    // not_found "community.not_found", "street.not_found",
    // "district.not_found".
    Result<Listing> list(const Actor& actor, ScopeRef scope);

    // A verified resident of a community within the round's scope (or, in
    // a community's round, its committee) raises a wish in answer to the
    // round, while it collects and before its deadline: conflict
    // "wish_round.not_collecting", "wish_round.closed" (the deadline
    // passed); forbidden "wish_round.outside_scope" (a street's or the
    // district's round, and no verified membership within it),
    // "membership.*"; and ProposalService::create's errors. The wish is a
    // proposal of kind wish of the resident's community, submitted, which
    // that community's committee screens with the proposal's actions.
    Result<View> raiseWish(const Actor& actor, std::int64_t id, const std::string& title, const std::string& body);
    // The committee ends the collection once the deadline has passed:
    // conflict "wish_round.not_collecting", "wish_round.not_due".
    Result<View> closeCollecting(const Actor& actor, std::int64_t id);
    // The committee costs (or costs again) an accepted wish of the round,
    // with a public note, while the round is costing or ready (back to
    // costing then): conflict "wish_round.not_costing",
    // "wish_round.not_accepted"; invalid "wish_round.cost" (1 fen ..
    // kMaxAmountFen), "note.invalid" (1-500 characters); not_found
    // "wish_round.no_such_wish" (not raised in this round).
    Result<View> cost(const Actor& actor, std::int64_t id, std::int64_t proposal_id, std::int64_t cost_fen,
                      const std::string& note);
    // The committee records the year's budget and the rule once every
    // accepted wish is costed and no wish awaits screening: conflict
    // "wish_round.not_costing", "wish_round.unscreened", "wish_round.uncosted",
    // "wish_round.no_wishes"; invalid "wish_round.budget" (1 fen ..
    // kMaxAmountFen), "wish_round.rule", "wish_round.rule_param",
    // "wish_round.max_choices" (1 .. the costed wishes).
    Result<View> setBudget(const Actor& actor, std::int64_t id, const BudgetInput& input);
    // The committee opens the vote: an approval election of the round's
    // scope (every community within it votes) over the costed wishes, closing at `closes_at`, made by
    // ElectionService::create (its errors pass through). conflict
    // "wish_round.not_ready" (no budget yet, or already open).
    Result<View> open(const Actor& actor, std::int64_t id, Instant closes_at);

    // The round's election published its result (inside that transaction,
    // after the elections feature adopted the selected wishes): a project
    // for each selected wish, and the round is decided.
    Status onPublished(Stores& stores, const Election& election, Instant now) override;

  private:
    // Loads the round for a step of those who manage its scope, refusing others.
    Result<WishRound> managed(Stores& s, const Actor& actor, std::int64_t id);
    View viewOf(Stores& s, const Actor& actor, WishRound round, Instant now);
    Result<View> reread(const Actor& actor, std::int64_t id);

    Database& db_;
    const Clock& clock_;
    ProposalService& proposals_;
    ElectionService& elections_;
    DistrictPlugins& plugins_;
};

}  // namespace yishi::domain
