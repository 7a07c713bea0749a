#include "yishi/domain/council_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kTopicCallOpened{"topic_call.opened", "topic_call", "", "", ""};
// Closed early by the committee (closing at the deadline is no change).
const ChangeKind kTopicCallClosed{"topic_call.closed", "topic_call", "", "", ""};
// The subject is the call; the reason names the proposal.
const ChangeKind kTopicCallAnswered{"topic_call.answered", "topic_call", "", "", ""};
// The subject is the comment; the reason is the decision and its reason.
const ChangeKind kSuggestionMarked{"suggestion.marked", "comment", "", "", ""};
const ChangeKind kRepresentativeDesignated{"representative.designated", "representative", "", "", ""};
const ChangeKind kRepresentativeEnded{"representative.ended", "representative", "", "", ""};
// The subject is the meeting; the owner the one invited (one change each),
// whom the reason names too (invitedReason()).
const ChangeKind kMeetingInvited{"meeting.invited", "meeting", "", "", ""};
const ChangeKind kInvitationAnswered{"invitation.answered", "meeting", "", "", ""};
const ChangeKind kAttendanceRecorded{"meeting.attendance_recorded", "meeting", "", "", ""};
// The subject is the suggestion made at a meeting; the reason its text
// (recorded), or the decision and its reason (marked).
const ChangeKind kMeetingSuggestionRecorded{"meeting_suggestion.recorded", "meeting_suggestion", "", "", ""};
const ChangeKind kMeetingSuggestionMarked{"meeting_suggestion.marked", "meeting_suggestion", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& council_changes() {
    static const std::vector<const ChangeKind*> kinds = {
        &changes::kTopicCallOpened,          &changes::kTopicCallClosed,
        &changes::kTopicCallAnswered,        &changes::kSuggestionMarked,
        &changes::kRepresentativeDesignated, &changes::kRepresentativeEnded,
        &changes::kMeetingInvited,           &changes::kInvitationAnswered,
        &changes::kAttendanceRecorded,       &changes::kMeetingSuggestionRecorded,
        &changes::kMeetingSuggestionMarked};
    return kinds;
}

}  // namespace yishi::domain
