#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/scope.h"

// The figures of the 驾驶舱 (docs/dashboards.md): one community's, computed
// from the records alone, and their sum over a street or a district.
namespace yishi::domain {

// Who counts as active: a verified resident of the community who did one of
// participationActions() there within this window before the figures' time.
inline constexpr Duration kActiveWindow = Duration::days(90);

// The audit actions that are a resident's own participation: raising a topic
// (submitting it), commenting, supporting, voting, answering a poll, rating a
// case, a service or a project. Signing up, joining and logging in are not.
const std::vector<std::string>& participationActions();

// How many public topics of one kind are in one state.
struct TopicCount {
    ProposalKind kind = ProposalKind::kProblem;
    ProposalState state = ProposalState::kSubmitted;
    std::int64_t count = 0;
    friend bool operator==(const TopicCount&, const TopicCount&) = default;
};

// One community's figures at `computed_at`, or (community_id unset) the sum
// of several communities' (sumFigures). Every number is counted from records:
// topics from the proposals, cases from their entries (computeCaseStats),
// people from memberships and the audit log, points from the ledger.
struct CommunityFigures {
    CommunityId community_id;
    Instant computed_at;
    // Public topics (drafts never asked in public are not counted), by kind
    // and state: only the pairs with a count, ordered by kind then state.
    std::vector<TopicCount> topics;
    // Public topics overdue at computed_at (overdueReasons non-empty).
    std::int64_t overdue = 0;
    // Cases of accepted problems, and those whose 办结 stands (done or closed).
    std::int64_t cases = 0;
    std::int64_t cases_closed = 0;
    // From opening to the standing 办结, one per closed case, shortest first.
    std::vector<std::int64_t> seconds_to_close;
    // Ratings of cases, and those satisfied (ratingSatisfied).
    std::int64_t ratings = 0;
    std::int64_t satisfied = 0;
    // Verified residents now, and those active (kActiveWindow). A person in
    // two communities counts in each.
    std::int64_t members = 0;
    std::int64_t active_people = 0;
    // Points awarded for events of the community, and points spent on its
    // rewards (both from the ledger).
    std::int64_t points_given = 0;
    std::int64_t points_redeemed = 0;
    // Until when time alone changes none of these: the first instant a
    // topic becomes overdue or an active person's last act leaves the
    // window (Instant::max() when neither will). The refresh recomputes the
    // figures then, so they stay equal to a count made at any later time.
    Instant valid_until = Instant::max();

    // The same figures, whenever computed.
    bool sameFigures(const CommunityFigures& other) const;
};

std::int64_t topicsTotal(const CommunityFigures& f);
std::int64_t topicsOfKind(const CommunityFigures& f, ProposalKind kind);
std::int64_t topicsInState(const CommunityFigures& f, ProposalState state);
// cases_closed / cases; unset without cases.
std::optional<double> closureRate(const CommunityFigures& f);
// The median of seconds_to_close (medianSeconds); unset without closed cases.
std::optional<std::int64_t> medianSecondsToClose(const CommunityFigures& f);
// satisfied / ratings; unset without ratings.
std::optional<double> satisfactionRate(const CommunityFigures& f);

// The sum of `rows`: counts add up, the times to close are merged (so the
// median is over every case, not a median of medians), computed_at is the
// oldest of them, valid_until the earliest.
CommunityFigures sumFigures(const std::vector<CommunityFigures>& rows);

// `community`'s figures at `now`, from scratch, inside a transaction (read
// or write). Reads the proposals, cases and dashboards stores.
CommunityFigures figuresFromRecords(Stores& stores, const Community& community, Instant now);

}  // namespace yishi::domain
