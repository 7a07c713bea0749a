#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

using CaseId = Id<struct CaseTag>;

// The closed loop on a resident's problem (接单 → 转办 → 办结 → 评价 → 回访),
// docs/cases.md. A case opens when the committee accepts a problem:
//
//   open         nobody is responsible yet
//   in_progress  assigned to someone responsible, being worked on (again,
//                after a reopening)
//   done         办结: the one responsible said what was done; the resident
//                who raised it is asked to rate it
//   closed       the resident rated it and was not dissatisfied
//
// A low rating or the resident's "not solved" takes a done case back to
// in_progress, with everything before it kept.
enum class CaseState { kOpen, kInProgress, kDone, kClosed };

// What happened to a case: its timeline is the record, append only; the
// case's current state is what its entries add up to (applyEntry).
enum class CaseEntryKind {
    kOpened,      // the committee accepted the problem
    kAssigned,    // someone responsible took it (接单)
    kReassigned,  // handed to someone else (转办), with a reason
    kStep,        // a visible step of the work
    kDone,        // 办结, with what was done
    kRated,       // the raiser's stars for the handling and the result
    kNotSolved,   // the raiser says it is not solved, with a reason
    kFollowUp,    // 回访: staff called back the resident, with what they heard
};

const char* caseStateName(CaseState state);
bool parseCaseState(const std::string& text, CaseState* state);
const char* caseEntryKindName(CaseEntryKind kind);
bool parseCaseEntryKind(const std::string& text, CaseEntryKind* kind);

// Stars run from 1 to 5. A rating whose result has at most
// kReopenAtOrBelowStars stars, or that says the problem is not solved,
// reopens the case; a rating is "satisfied" when its result has at least
// kSatisfiedFromStars stars and it says the problem is solved.
inline constexpr int kMinStars = 1;
inline constexpr int kMaxStars = 5;
inline constexpr int kReopenAtOrBelowStars = 2;
inline constexpr int kSatisfiedFromStars = 4;

struct CaseEntry {
    std::int64_t id = 0;
    CaseId case_id;
    CaseEntryKind kind = CaseEntryKind::kStep;
    Instant at;
    UserId by;
    std::string text;        // the step, the done note, the comment, the reason, the follow-up
    UserId assignee;         // assigned, reassigned
    int handling_stars = 0;  // rated: 服务效能
    int result_stars = 0;    // rated: 办理结果
    bool solved = true;      // rated: the raiser says it is solved
};

// Whether a rating entry reopens its case (the rule above).
bool ratingReopens(const CaseEntry& rating);
// Whether a rating entry counts as satisfied (the rule above).
bool ratingSatisfied(const CaseEntry& rating);

struct Case {
    CaseId id;
    ProposalId proposal_id;
    CommunityId community_id;
    UserId raised_by;  // the proposal's author: the one who rates
    CaseState state = CaseState::kOpen;
    UserId assignee;  // invalid while open
    Instant opened_at;
    Instant done_at;    // the standing 办结; unset while not done or closed
    Instant closed_at;  // unset unless closed
    int reopened = 0;   // how many times it was reopened
};

// The case after `entry`, the one rule for both the service (which applies
// each new entry) and the statistics (which replay the record). Entries
// that do not move the state (steps, follow-ups) leave it as it is.
void applyEntry(Case& c, const CaseEntry& entry);

// A community's figures, computed from the cases' entries alone (never typed
// in): each case is replayed with applyEntry.
struct CaseStats {
    std::int64_t cases = 0;
    std::int64_t open = 0;
    std::int64_t in_progress = 0;
    std::int64_t done = 0;
    std::int64_t closed = 0;
    // Cases whose 办结 stands (done or closed), over all cases; 0 without cases.
    double closure_rate = 0;
    // Over the cases whose 办结 stands: from opening to the standing 办结 (a
    // reopened case's time runs on until it is done again). The median of an
    // even count is the mean of the middle two, in whole seconds, rounded
    // down. Unset without such cases.
    std::optional<std::int64_t> median_seconds_to_close;
    // Those times, one per case whose 办结 stands, shortest first: what a
    // median over several communities is taken from (medianSeconds).
    std::vector<std::int64_t> seconds_to_close;
    std::int64_t reopened_cases = 0;  // cases reopened at least once
    std::int64_t followed_up = 0;     // cases with at least one 回访
    // Every rating counts, those that reopened their case too.
    std::int64_t ratings = 0;
    double handling_average = 0;   // 0 without ratings
    double result_average = 0;     // 0 without ratings
    std::int64_t satisfied = 0;    // ratingSatisfied
    double satisfaction_rate = 0;  // satisfied / ratings; 0 without ratings
};

// The median of `times` as CaseStats defines it (the mean of the middle two
// of an even count, rounded down); unset when empty. REQUIRES: sorted.
std::optional<std::int64_t> medianSeconds(const std::vector<std::int64_t>& times);

// `entries` holds the entries of any number of cases, in any order of cases
// but each case's entries in the order they were made (by id).
CaseStats computeCaseStats(const std::vector<CaseEntry>& entries);

}  // namespace yishi::domain
