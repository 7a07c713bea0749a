#pragma once

#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/council.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

// 议题征集 (docs/council.md): the committee calls for topics with a
// deadline; verified residents raise their topics (proposals) in answer
// until it closes, at the deadline on the server's clock or earlier when the
// committee closes it. Each change is a Change in the same transaction.
// Thread-safe.
class TopicCallService {
  public:
    struct Input {
        std::string title;
        std::string description;
        std::string theme;
        Instant deadline;
    };

    // A topic raised in answer, as the public sees it (drafts are not shown).
    struct Topic {
        ProposalId id;
        std::string title;
        ProposalState state = ProposalState::kSubmitted;
        Instant linked_at;
    };

    struct View {
        TopicCall call;
        bool closed = false;
        std::vector<Topic> topics;
        bool may_answer = false;  // a verified resident of the community, while open
        bool may_close = false;   // one who runs the community, while open
    };

    struct Summary {
        TopicCall call;
        bool closed = false;
        std::int64_t topics = 0;
    };

    TopicCallService(Database& db, const Clock& clock);

    // Those who run the community (forbidden "topic_call.forbidden").
    // invalid "title.invalid" (1-200 characters), "description.invalid" (up
    // to 5,000), "theme.invalid" (up to 100), "topic_call.deadline" (not
    // after now, or more than a year ahead); not_found "community.not_found".
    Result<View> open(const Actor& actor, CommunityId community, const Input& input);
    // Public. not_found "topic_call.not_found".
    Result<View> get(const Actor& actor, std::int64_t id);
    // Public, newest first. not_found "community.not_found".
    Result<Page<Summary>> list(CommunityId community, PageRequest page);
    // Those who run the call's community close it before its deadline.
    // forbidden "topic_call.forbidden"; conflict "topic_call.closed".
    Result<View> close(const Actor& actor, std::int64_t id);
    // The proposal's author, a verified resident of the call's community
    // ("membership.*"), links their proposal to the call while it is open.
    // conflict "topic_call.closed", "topic_call.already_answered" (the
    // proposal answers a call already); forbidden "topic_call.not_your_topic";
    // invalid "topic_call.other_community", "topic_call.merged" (a merged
    // proposal); not_found "topic_call.not_found", "proposal.not_found".
    Result<View> answer(const Actor& actor, std::int64_t id, ProposalId proposal);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
