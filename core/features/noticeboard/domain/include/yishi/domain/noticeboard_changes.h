#pragma once

#include <vector>

#include "yishi/domain/change.h"

// The kinds of change the noticeboard feature records (see change.h): the
// subject of a notice's changes is the notice, of an account's the entry.
namespace yishi::domain {

namespace changes {
extern const ChangeKind kNoticePublished;
extern const ChangeKind kNoticeCorrected;
extern const ChangeKind kNoticeWithdrawn;
extern const ChangeKind kAccountRecorded;
extern const ChangeKind kAccountCorrected;
}  // namespace changes

// Every kind above, for changeCatalog().
const std::vector<const ChangeKind*>& noticeboard_changes();

}  // namespace yishi::domain
