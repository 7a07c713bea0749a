#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the council feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kTopicCallOpened;
extern const ChangeKind kTopicCallClosed;
extern const ChangeKind kTopicCallAnswered;
extern const ChangeKind kSuggestionMarked;
extern const ChangeKind kRepresentativeDesignated;
extern const ChangeKind kRepresentativeEnded;
extern const ChangeKind kMeetingInvited;
extern const ChangeKind kInvitationAnswered;
extern const ChangeKind kAttendanceRecorded;
extern const ChangeKind kMeetingSuggestionRecorded;
extern const ChangeKind kMeetingSuggestionMarked;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& council_changes();

}  // namespace yishi::domain
