#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the consultation feature records (see change.h).
namespace yishi::domain {

namespace changes {
extern const ChangeKind kCommentPosted;
extern const ChangeKind kCommentEdited;
extern const ChangeKind kCommentWithdrawn;
extern const ChangeKind kCommentAutoHidden;
extern const ChangeKind kCommentHidden;
extern const ChangeKind kCommentRestored;
extern const ChangeKind kCommentKept;
extern const ChangeKind kSupportGiven;
extern const ChangeKind kSupportWithdrawn;
extern const ChangeKind kMeetingScheduled;
extern const ChangeKind kMeetingRecorded;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& consultation_changes();

}  // namespace yishi::domain
