#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/status.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// 问卷: a quick opinion poll of a community (docs/polls.md). Not secret: an
// answer is kept with who gave it, so that each verified resident answers
// once; only the counts are ever published, and only once the poll closes
// (before that, how many have answered).
struct PollOption {
    std::int64_t id = 0;
    std::int64_t question_id = 0;
    std::string text;
};

struct PollQuestion {
    std::int64_t id = 0;
    std::string text;
    bool multiple = false;  // several options may be chosen (at least one)
    std::vector<PollOption> options;
};

struct Poll {
    std::int64_t id = 0;
    CommunityId community_id;
    std::string title;
    std::string description;
    Instant created_at;
    Instant closes_at;
    UserId created_by;
    std::vector<PollQuestion> questions;  // in order, each with its options in order
};

inline constexpr std::size_t kMaxPollQuestions = 20;
inline constexpr std::size_t kMinPollOptions = 2;
inline constexpr std::size_t kMaxPollOptions = 20;

// Closed from closes_at on.
inline bool pollClosed(const Poll& poll, Instant now) { return now >= poll.closes_at; }

// Whether `option_ids` answer `poll`: every option is the poll's, none twice,
// and each question has exactly one option (single choice) or at least one
// (multiple choice). invalid "poll.choice" otherwise.
Status checkPollAnswer(const Poll& poll, const std::vector<std::int64_t>& option_ids);

// One chosen option of one resident's answer.
struct PollChoice {
    UserId user;
    std::int64_t option_id = 0;
};

struct PollOptionCount {
    std::int64_t option_id = 0;
    std::int64_t count = 0;
};

struct PollQuestionResult {
    std::int64_t question_id = 0;
    std::int64_t respondents = 0;          // residents who chose something here
    std::vector<PollOptionCount> options;  // in the question's order, zeros included
};

// The counts, from the choices alone (never typed in).
std::vector<PollQuestionResult> computePollResults(const Poll& poll, const std::vector<PollChoice>& choices);

}  // namespace yishi::domain
