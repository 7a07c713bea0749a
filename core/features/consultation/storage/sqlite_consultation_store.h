#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/domain/consultation_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteConsultationStore final : public domain::ConsultationStore {
  public:
    explicit SqliteConsultationStore(Connection& c) : c_(c) {}
    std::optional<domain::Comment> comment(domain::CommentId id) override;
    domain::CommentId insertComment(const domain::Comment& comment) override;
    void updateComment(const domain::Comment& comment) override;
    void insertRevision(const domain::CommentRevision& revision) override;
    std::vector<domain::CommentRevision> revisions(domain::CommentId comment) override;
    std::vector<domain::Comment> comments(domain::ProposalId proposal) override;
    domain::Page<domain::Comment> comments(domain::ProposalId proposal, domain::PageRequest page) override;
    domain::Page<domain::Comment> commentsToReview(CommunityId community, domain::PageRequest page) override;
    void markReviewed(domain::CommentId comment) override;
    bool insertReport(domain::CommentId comment, UserId reporter, const std::string& reason, Instant at) override;
    bool insertSupport(domain::ProposalId proposal, UserId user, Instant at) override;
    bool deleteSupport(domain::ProposalId proposal, UserId user) override;
    std::int64_t countSupports(domain::ProposalId proposal) override;
    bool hasSupport(domain::ProposalId proposal, UserId user) override;
    std::optional<domain::Meeting> meeting(domain::MeetingId id) override;
    domain::MeetingId insertMeeting(const domain::Meeting& meeting) override;
    void updateMeeting(const domain::Meeting& meeting) override;
    std::vector<domain::Meeting> meetings(domain::ProposalId proposal) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
