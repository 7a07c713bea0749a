#include "yishi/domain/case.h"

#include <algorithm>
#include <map>
#include <utility>

namespace yishi::domain {

namespace {

constexpr CaseState kStates[] = {CaseState::kOpen, CaseState::kInProgress, CaseState::kDone, CaseState::kClosed};
constexpr CaseEntryKind kKinds[] = {CaseEntryKind::kOpened,    CaseEntryKind::kAssigned, CaseEntryKind::kReassigned,
                                    CaseEntryKind::kStep,      CaseEntryKind::kDone,     CaseEntryKind::kRated,
                                    CaseEntryKind::kNotSolved, CaseEntryKind::kFollowUp};

template <typename E, std::size_t N>
bool parseByName(const std::string& text, const E (&all)[N], const char* (*name)(E), E* out) {
    for (E e : all) {
        if (text == name(e)) {
            *out = e;
            return true;
        }
    }
    return false;
}

void reopen(Case& c) {
    c.state = CaseState::kInProgress;
    c.done_at = Instant();
    c.closed_at = Instant();
    ++c.reopened;
}

}  // namespace

const char* caseStateName(CaseState state) {
    switch (state) {
        case CaseState::kOpen: return "open";
        case CaseState::kInProgress: return "in_progress";
        case CaseState::kDone: return "done";
        case CaseState::kClosed: return "closed";
    }
    return "open";
}

bool parseCaseState(const std::string& text, CaseState* state) {
    return parseByName(text, kStates, caseStateName, state);
}

const char* caseEntryKindName(CaseEntryKind kind) {
    switch (kind) {
        case CaseEntryKind::kOpened: return "opened";
        case CaseEntryKind::kAssigned: return "assigned";
        case CaseEntryKind::kReassigned: return "reassigned";
        case CaseEntryKind::kStep: return "step";
        case CaseEntryKind::kDone: return "done";
        case CaseEntryKind::kRated: return "rated";
        case CaseEntryKind::kNotSolved: return "not_solved";
        case CaseEntryKind::kFollowUp: return "follow_up";
    }
    return "step";
}

bool parseCaseEntryKind(const std::string& text, CaseEntryKind* kind) {
    return parseByName(text, kKinds, caseEntryKindName, kind);
}

bool ratingReopens(const CaseEntry& rating) { return !rating.solved || rating.result_stars <= kReopenAtOrBelowStars; }

bool ratingSatisfied(const CaseEntry& rating) { return rating.solved && rating.result_stars >= kSatisfiedFromStars; }

void applyEntry(Case& c, const CaseEntry& e) {
    switch (e.kind) {
        case CaseEntryKind::kOpened:
            c.state = CaseState::kOpen;
            c.opened_at = e.at;
            break;
        case CaseEntryKind::kAssigned:
        case CaseEntryKind::kReassigned:
            c.assignee = e.assignee;
            if (c.state == CaseState::kOpen) c.state = CaseState::kInProgress;
            break;
        case CaseEntryKind::kDone:
            c.state = CaseState::kDone;
            c.done_at = e.at;
            break;
        case CaseEntryKind::kRated:
            if (ratingReopens(e)) {
                reopen(c);
            } else {
                c.state = CaseState::kClosed;
                c.closed_at = e.at;
            }
            break;
        case CaseEntryKind::kNotSolved: reopen(c); break;
        case CaseEntryKind::kStep:
        case CaseEntryKind::kFollowUp: break;
    }
}

std::optional<std::int64_t> medianSeconds(const std::vector<std::int64_t>& times) {
    if (times.empty()) return std::nullopt;
    const std::size_t n = times.size();
    return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

CaseStats computeCaseStats(const std::vector<CaseEntry>& entries) {
    struct Replay {
        Case c;
        bool followed_up = false;
    };
    std::map<std::int64_t, Replay> cases;
    CaseStats out;
    std::int64_t handling = 0, result = 0;
    for (const CaseEntry& e : entries) {
        Replay& r = cases[e.case_id.value];
        applyEntry(r.c, e);
        if (e.kind == CaseEntryKind::kFollowUp) r.followed_up = true;
        if (e.kind == CaseEntryKind::kRated) {
            ++out.ratings;
            handling += e.handling_stars;
            result += e.result_stars;
            if (ratingSatisfied(e)) ++out.satisfied;
        }
    }
    std::vector<std::int64_t> times;
    for (const auto& [id, r] : cases) {
        ++out.cases;
        switch (r.c.state) {
            case CaseState::kOpen: ++out.open; break;
            case CaseState::kInProgress: ++out.in_progress; break;
            case CaseState::kDone: ++out.done; break;
            case CaseState::kClosed: ++out.closed; break;
        }
        if (r.c.state == CaseState::kDone || r.c.state == CaseState::kClosed) {
            times.push_back(r.c.done_at.seconds() - r.c.opened_at.seconds());
        }
        if (r.c.reopened > 0) ++out.reopened_cases;
        if (r.followed_up) ++out.followed_up;
    }
    if (out.cases > 0) out.closure_rate = static_cast<double>(times.size()) / static_cast<double>(out.cases);
    std::sort(times.begin(), times.end());
    out.median_seconds_to_close = medianSeconds(times);
    out.seconds_to_close = std::move(times);
    if (out.ratings > 0) {
        const auto count = static_cast<double>(out.ratings);
        out.handling_average = static_cast<double>(handling) / count;
        out.result_average = static_cast<double>(result) / count;
        out.satisfaction_rate = static_cast<double>(out.satisfied) / count;
    }
    return out;
}

}  // namespace yishi::domain
