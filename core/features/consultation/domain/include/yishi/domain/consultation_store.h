#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/consultation.h"
#include "yishi/domain/page.h"

// Where comments, reports, supports and meetings are kept. The store port of this feature; its SQLite implementation
// lives beside it in storage/. A service reaches it inside a transaction as stores.get<...>(). Throws only when the
// store itself is broken.
namespace yishi::domain {

class ConsultationStore {
  public:
    virtual ~ConsultationStore() = default;
    virtual std::optional<Comment> comment(CommentId id) = 0;
    virtual CommentId insertComment(const Comment& comment) = 0;
    // Saves body, stance, edited_at, withdrawn, hidden, hidden_reason, reports.
    virtual void updateComment(const Comment& comment) = 0;
    // Appends an earlier text of a comment (its revision number is the
    // caller's: one more than the comment has).
    virtual void insertRevision(const CommentRevision& revision) = 0;
    // The earlier texts of a comment, oldest first.
    virtual std::vector<CommentRevision> revisions(CommentId comment) = 0;
    // The whole thread of a proposal, oldest first.
    virtual std::vector<Comment> comments(ProposalId proposal) = 0;
    // A page of the thread, oldest first, starting after the id `page.after`.
    virtual Page<Comment> comments(ProposalId proposal, PageRequest page) = 0;
    // The community's comments awaiting the committee: reported since it last
    // looked (markReviewed), auto-hidden ones included, withdrawn ones not;
    // oldest first, a page starts after the id `page.after`.
    virtual Page<Comment> commentsToReview(CommunityId community, PageRequest page) = 0;
    // The committee has looked at `comment`: the reports it has so far are reviewed.
    virtual void markReviewed(CommentId comment) = 0;
    // One report per person per comment: false when `reporter` reported it already.
    virtual bool insertReport(CommentId comment, UserId reporter, const std::string& reason, Instant at) = 0;

    // One support per person per proposal: false when it exists already.
    virtual bool insertSupport(ProposalId proposal, UserId user, Instant at) = 0;
    // False when there was none.
    virtual bool deleteSupport(ProposalId proposal, UserId user) = 0;
    virtual std::int64_t countSupports(ProposalId proposal) = 0;
    virtual bool hasSupport(ProposalId proposal, UserId user) = 0;

    virtual std::optional<Meeting> meeting(MeetingId id) = 0;
    virtual MeetingId insertMeeting(const Meeting& meeting) = 0;
    // Saves minutes, attendance and recorded_at.
    virtual void updateMeeting(const Meeting& meeting) = 0;
    virtual std::vector<Meeting> meetings(ProposalId proposal) = 0;
};

}  // namespace yishi::domain
