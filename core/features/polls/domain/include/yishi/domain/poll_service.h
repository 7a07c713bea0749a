#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/page.h"
#include "yishi/domain/poll.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 问卷 (docs/polls.md): the committee asks, each verified resident of the
// community answers once (an answer is final), and the counts are public
// once the poll closes; before, only how many answered. Every change is a
// Change in the same transaction (an answer's says who answered, never
// what). Thread-safe.
class PollService {
  public:
    struct Input {
        std::string title;
        std::string description;
        Instant closes_at;
        struct Question {
            std::string text;
            bool multiple = false;
            std::vector<std::string> options;
        };
        std::vector<Question> questions;
    };

    struct View {
        Poll poll;
        bool closed = false;
        std::int64_t answers = 0;
        // Set once closed: the counts per option.
        std::optional<std::vector<PollQuestionResult>> results;
        std::vector<std::int64_t> mine;  // the caller's chosen options; empty when they have not answered
        bool may_answer = false;         // a verified resident who has not answered, while open
    };

    struct Summary {
        Poll poll;  // without questions
        bool closed = false;
        std::int64_t answers = 0;
    };

    PollService(Database& db, const Clock& clock);

    // Those who run the community (forbidden "poll.forbidden"). invalid
    // "title.invalid" (1-200 characters), "description.invalid" (up to
    // 5,000), "poll.closes_at" (not after now, or more than a year ahead),
    // "poll.questions" (1-20), "poll.options" (2-20 a question),
    // "question.invalid", "option.invalid" (1-200 characters each); not_found
    // "community.not_found".
    Result<View> create(const Actor& actor, CommunityId community, const Input& input);
    // Public. not_found "poll.not_found".
    Result<View> get(const Actor& actor, std::int64_t id);
    // Public, newest first. not_found "community.not_found".
    Result<Page<Summary>> list(CommunityId community, PageRequest page);
    // A verified resident of the poll's community ("membership.*",
    // unauthenticated "session.required"), once (conflict "poll.answered"),
    // while open (conflict "poll.closed"); invalid "poll.choice" (see
    // checkPollAnswer); not_found "poll.not_found".
    Result<View> answer(const Actor& actor, std::int64_t id, const std::vector<std::int64_t>& option_ids);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
