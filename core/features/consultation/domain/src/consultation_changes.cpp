#include "yishi/domain/consultation_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kCommentPosted{"comment.posted", "comment", "comment.posted", "the comment's author", ""};
const ChangeKind kCommentEdited{"comment.edited", "comment", "", "", ""};
const ChangeKind kCommentWithdrawn{"comment.withdrawn", "comment", "", "", ""};
const ChangeKind kCommentAutoHidden{"moderation.auto_hidden", "comment", "", "", ""};
const ChangeKind kCommentHidden{"moderation.hidden", "comment", "", "", ""};
const ChangeKind kCommentRestored{"moderation.restored", "comment", "", "", ""};
const ChangeKind kCommentKept{"moderation.kept", "comment", "", "", ""};
const ChangeKind kSupportGiven{"support.given", "proposal", "support.given", "the proposal's author", ""};
const ChangeKind kSupportWithdrawn{"support.withdrawn", "proposal", "", "", ""};
const ChangeKind kMeetingScheduled{"meeting.scheduled", "proposal", "", "", ""};
const ChangeKind kMeetingRecorded{"meeting.recorded", "proposal", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& consultation_changes() {
    static const std::vector<const ChangeKind*> kinds = {
        &changes::kCommentPosted,     &changes::kCommentEdited,  &changes::kCommentWithdrawn,
        &changes::kCommentAutoHidden, &changes::kCommentHidden,  &changes::kCommentRestored,
        &changes::kCommentKept,       &changes::kSupportGiven,   &changes::kSupportWithdrawn,
        &changes::kMeetingScheduled,  &changes::kMeetingRecorded};
    return kinds;
}

}  // namespace yishi::domain
