#include "yishi/domain/dashboard.h"

#include <algorithm>
#include <map>
#include <utility>

#include "yishi/domain/case.h"
#include "yishi/domain/case_store.h"
#include "yishi/domain/cases_changes.h"
#include "yishi/domain/consultation_changes.h"
#include "yishi/domain/dashboard_store.h"
#include "yishi/domain/elections_changes.h"
#include "yishi/domain/polls_changes.h"
#include "yishi/domain/projects_changes.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/proposals_changes.h"

namespace yishi::domain {

const std::vector<std::string>& participationActions() {
    static const std::vector<std::string> actions = {
        proposalStep(ProposalAction::kSubmit).action,
        changes::kCommentPosted.action,
        changes::kSupportGiven.action,
        changes::kVoteCast.action,
        changes::kPollAnswered.action,
        changes::kCaseRated.action,
        changes::kServiceRated.action,
        changes::kProjectRated.action,
    };
    return actions;
}

bool CommunityFigures::sameFigures(const CommunityFigures& o) const {
    return community_id == o.community_id && topics == o.topics && overdue == o.overdue && cases == o.cases &&
           cases_closed == o.cases_closed && seconds_to_close == o.seconds_to_close && ratings == o.ratings &&
           satisfied == o.satisfied && members == o.members && active_people == o.active_people &&
           points_given == o.points_given && points_redeemed == o.points_redeemed;
}

std::int64_t topicsTotal(const CommunityFigures& f) {
    std::int64_t n = 0;
    for (const TopicCount& t : f.topics) n += t.count;
    return n;
}

std::int64_t topicsOfKind(const CommunityFigures& f, ProposalKind kind) {
    std::int64_t n = 0;
    for (const TopicCount& t : f.topics) n += t.kind == kind ? t.count : 0;
    return n;
}

std::int64_t topicsInState(const CommunityFigures& f, ProposalState state) {
    std::int64_t n = 0;
    for (const TopicCount& t : f.topics) n += t.state == state ? t.count : 0;
    return n;
}

std::optional<double> closureRate(const CommunityFigures& f) {
    if (f.cases == 0) return std::nullopt;
    return static_cast<double>(f.cases_closed) / static_cast<double>(f.cases);
}

std::optional<std::int64_t> medianSecondsToClose(const CommunityFigures& f) {
    return medianSeconds(f.seconds_to_close);
}

std::optional<double> satisfactionRate(const CommunityFigures& f) {
    if (f.ratings == 0) return std::nullopt;
    return static_cast<double>(f.satisfied) / static_cast<double>(f.ratings);
}

CommunityFigures sumFigures(const std::vector<CommunityFigures>& rows) {
    CommunityFigures sum;
    std::map<std::pair<ProposalKind, ProposalState>, std::int64_t> topics;
    bool first = true;
    for (const CommunityFigures& f : rows) {
        if (first || f.computed_at < sum.computed_at) sum.computed_at = f.computed_at;
        first = false;
        for (const TopicCount& t : f.topics) topics[{t.kind, t.state}] += t.count;
        sum.overdue += f.overdue;
        sum.cases += f.cases;
        sum.cases_closed += f.cases_closed;
        sum.seconds_to_close.insert(sum.seconds_to_close.end(), f.seconds_to_close.begin(), f.seconds_to_close.end());
        sum.ratings += f.ratings;
        sum.satisfied += f.satisfied;
        sum.members += f.members;
        sum.active_people += f.active_people;
        sum.points_given += f.points_given;
        sum.points_redeemed += f.points_redeemed;
        if (f.valid_until < sum.valid_until) sum.valid_until = f.valid_until;
    }
    for (const auto& [key, count] : topics) sum.topics.push_back({key.first, key.second, count});
    std::sort(sum.seconds_to_close.begin(), sum.seconds_to_close.end());
    return sum;
}

CommunityFigures figuresFromRecords(Stores& s, const Community& community, Instant now) {
    CommunityFigures f;
    f.community_id = community.id;
    f.computed_at = now;

    // Topics: the public ones, as the community's list shows them (the
    // store's default filter leaves out drafts), with the lists' own
    // overdue rule.
    std::map<std::pair<ProposalKind, ProposalState>, std::int64_t> topics;
    ProposalStore& proposals = s.get<ProposalStore>();
    PageRequest page{0, PageRequest::kMaxLimit};
    for (;;) {
        Page<Proposal> batch = proposals.proposals(community.id, ProposalFilter{}, page);
        for (const Proposal& p : batch.items) {
            if (!proposalIsPublic(p)) continue;
            ++topics[{p.kind, p.state}];
            if (!overdueReasons(p, now).empty()) ++f.overdue;
            if (std::optional<Instant> late = nextOverdueAt(p, now); late && *late < f.valid_until) {
                f.valid_until = *late;
            }
        }
        if (batch.next_after == 0) break;
        page.after = batch.next_after;
    }
    for (const auto& [key, count] : topics) f.topics.push_back({key.first, key.second, count});

    // Cases: replayed from their entries, the rule of the cases feature.
    CaseStats cases = computeCaseStats(s.get<CaseStore>().entriesOfCommunity(community.id));
    f.cases = cases.cases;
    f.cases_closed = cases.done + cases.closed;
    f.seconds_to_close = std::move(cases.seconds_to_close);
    f.ratings = cases.ratings;
    f.satisfied = cases.satisfied;

    DashboardStore& own = s.get<DashboardStore>();
    f.members = own.verifiedMembers(community.id);
    f.active_people = own.activePeople(community.id, now - kActiveWindow, participationActions());
    // The active person whose last act is oldest stops counting once it is
    // older than the window.
    if (std::optional<Instant> oldest = own.oldestLastAct(community.id, now - kActiveWindow, participationActions())) {
        const Instant leaves = *oldest + kActiveWindow + Duration::micros(1);
        if (leaves < f.valid_until) f.valid_until = leaves;
    }
    f.points_given = own.pointsGiven(community.id);
    f.points_redeemed = own.pointsRedeemed(community.id);
    return f;
}

}  // namespace yishi::domain
