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
// from them, are public; so are the suggestions the committee records from
// a meeting, marked the same way. Each mark is a Change in the same transaction.
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
    // Public: counts the standing marks of thread comments and of meeting
    // suggestions together. not_found "community.not_found".
    Result<Rate> rate(CommunityId community);

    // A suggestion made at a meeting, as its minutes record it.
    struct SuggestionInput {
        std::string text;
        UserId author;            // a verified resident of the community, or invalid
        std::string author_name;  // else a plain name, or empty
    };
    // Those who run the meeting's community (forbidden "adoption.forbidden")
    // record a suggestion once the meeting began (conflict
    // "meeting.not_started"). invalid "suggestion.text" (1-1,000
    // characters), "suggestion.author" (both a resident and a name, or a
    // name over 100 characters), "suggestion.not_resident"; not_found
    // "meeting.not_found".
    Result<MeetingSuggestion> recordSuggestion(const Actor& actor, MeetingId meeting, const SuggestionInput& input);
    // Marks it as mark() marks a comment; not_found "suggestion.not_found".
    Result<MeetingSuggestion> markSuggestion(const Actor& actor, std::int64_t suggestion, AdoptionDecision decision,
                                             const std::string& reason);
    // Public, in the order recorded. not_found "meeting.not_found".
    Result<std::vector<MeetingSuggestion>> suggestionsOfMeeting(MeetingId meeting);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
