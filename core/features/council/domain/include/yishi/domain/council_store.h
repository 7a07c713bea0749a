#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/council.h"
#include "yishi/domain/page.h"

// Where calls for topics, the topics raised in answer and the marks on
// suggestions are kept: the store port of this feature; its SQLite
// implementation lives beside it in storage/. Reached inside a transaction
// as stores.get<CouncilStore>(). Throws only when the store itself is broken.
namespace yishi::domain {

class CouncilStore {
  public:
    virtual ~CouncilStore() = default;
    virtual std::int64_t insertCall(const TopicCall& call) = 0;
    virtual std::optional<TopicCall> call(std::int64_t id) = 0;
    virtual void closeCall(std::int64_t id, Instant at) = 0;
    // Newest first (PageRequest::after: the id the page starts below).
    virtual Page<TopicCall> calls(CommunityId community, PageRequest page) = 0;
    // False when the proposal answers a call already (nothing is written then).
    virtual bool insertCallTopic(const CallTopic& topic) = 0;
    // In the order they were raised.
    virtual std::vector<CallTopic> callTopics(std::int64_t call_id) = 0;
    virtual std::int64_t countCallTopics(std::int64_t call_id) = 0;
    // Inserts or replaces the mark of mark.comment_id.
    virtual void putMark(const AdoptionMark& mark) = 0;
    virtual std::optional<AdoptionMark> mark(CommentId comment) = 0;
    virtual std::vector<AdoptionMark> marksOfProposal(ProposalId proposal) = 0;
    // The standing decisions on the community's suggestions, of threads and
    // of meetings alike, by decided_at.
    virtual std::vector<AdoptionDecided> decisionsOfCommunity(CommunityId community) = 0;

    virtual std::int64_t insertMeetingSuggestion(const MeetingSuggestion& s) = 0;
    virtual std::optional<MeetingSuggestion> meetingSuggestion(std::int64_t id) = 0;
    // Replaces the standing mark of `s.id` with s's.
    virtual void markMeetingSuggestion(const MeetingSuggestion& s) = 0;
    // In the order they were recorded.
    virtual std::vector<MeetingSuggestion> meetingSuggestions(MeetingId meeting) = 0;

    virtual std::int64_t insertRepresentative(const Representative& r) = 0;
    virtual std::optional<Representative> representative(std::int64_t id) = 0;
    // The one serving, if any.
    virtual std::optional<Representative> servingRepresentative(CommunityId community, UserId user) = 0;
    virtual void endRepresentative(std::int64_t id, Instant at, const std::string& reason) = 0;
    // Serving ones first, each group by start date.
    virtual std::vector<Representative> representatives(CommunityId community) = 0;
    // False when `invitation.user_id` is invited already (nothing is written then).
    virtual bool insertInvitation(const Invitation& invitation) = 0;
    virtual std::optional<Invitation> invitation(MeetingId meeting, UserId user) = 0;
    virtual void answerInvitation(MeetingId meeting, UserId user, InvitationAnswer answer, Instant at) = 0;
    virtual void setAttended(MeetingId meeting, UserId user, bool attended) = 0;
    // In the order they were invited.
    virtual std::vector<Invitation> invitations(MeetingId meeting) = 0;
};

}  // namespace yishi::domain
