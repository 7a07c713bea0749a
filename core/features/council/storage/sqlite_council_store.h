#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/domain/council_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteCouncilStore final : public domain::CouncilStore {
  public:
    explicit SqliteCouncilStore(Connection& c) : c_(c) {}
    std::int64_t insertCall(const domain::TopicCall& call) override;
    std::optional<domain::TopicCall> call(std::int64_t id) override;
    void closeCall(std::int64_t id, Instant at) override;
    domain::Page<domain::TopicCall> calls(CommunityId community, domain::PageRequest page) override;
    bool insertCallTopic(const domain::CallTopic& topic) override;
    std::vector<domain::CallTopic> callTopics(std::int64_t call_id) override;
    std::int64_t countCallTopics(std::int64_t call_id) override;
    void putMark(const domain::AdoptionMark& mark) override;
    std::optional<domain::AdoptionMark> mark(domain::CommentId comment) override;
    std::vector<domain::AdoptionMark> marksOfProposal(domain::ProposalId proposal) override;
    std::vector<domain::AdoptionDecided> decisionsOfCommunity(CommunityId community) override;
    std::int64_t insertMeetingSuggestion(const domain::MeetingSuggestion& s) override;
    std::optional<domain::MeetingSuggestion> meetingSuggestion(std::int64_t id) override;
    void markMeetingSuggestion(const domain::MeetingSuggestion& s) override;
    std::vector<domain::MeetingSuggestion> meetingSuggestions(domain::MeetingId meeting) override;
    std::int64_t insertRepresentative(const domain::Representative& r) override;
    std::optional<domain::Representative> representative(std::int64_t id) override;
    std::optional<domain::Representative> servingRepresentative(CommunityId community, UserId user) override;
    void endRepresentative(std::int64_t id, Instant at, const std::string& reason) override;
    std::vector<domain::Representative> representatives(CommunityId community) override;
    bool insertInvitation(const domain::Invitation& invitation) override;
    std::optional<domain::Invitation> invitation(domain::MeetingId meeting, UserId user) override;
    void answerInvitation(domain::MeetingId meeting, UserId user, domain::InvitationAnswer answer, Instant at) override;
    void setAttended(domain::MeetingId meeting, UserId user, bool attended) override;
    std::vector<domain::Invitation> invitations(domain::MeetingId meeting) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
