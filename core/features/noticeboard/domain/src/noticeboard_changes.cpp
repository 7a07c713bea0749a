#include "yishi/domain/noticeboard_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kNoticePublished{"notice.published", "notice", "notice.published", "", ""};
const ChangeKind kNoticeCorrected{"notice.corrected", "notice", "", "", ""};
const ChangeKind kNoticeWithdrawn{"notice.withdrawn", "notice", "", "", ""};
const ChangeKind kAccountRecorded{"account.recorded", "account_entry", "", "", ""};
const ChangeKind kAccountCorrected{"account.corrected", "account_entry", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& noticeboard_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kNoticePublished, &changes::kNoticeCorrected,
                                                         &changes::kNoticeWithdrawn, &changes::kAccountRecorded,
                                                         &changes::kAccountCorrected};
    return kinds;
}

}  // namespace yishi::domain
