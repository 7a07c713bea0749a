#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

using ProjectId = Id<struct ProjectTag>;

// 形成项目: what an adopted problem or wish becomes. Money is in fen (分), so
// sums are exact.
struct Project {
    ProjectId id;
    ProposalId proposal_id;
    CommunityId community_id;
    std::string title;
    std::int64_t budget_fen = 0;
    std::string responsible;  // who carries it out (物业, 居委, a contractor)
    int progress_percent = 0;
    bool completed = false;
    Instant created_at;
    Instant completed_at;  // unset (the epoch) until complete
};

struct ProgressUpdate {
    std::int64_t id = 0;
    ProjectId project_id;
    int percent = 0;
    std::string text;
    Instant date;
    UserId by;
};

// 公开之栏: every expense is public, and never edited: a wrong one is
// corrected by a new entry that names it (`corrects`) with a reason and
// states the right amount (0: it never happened). The newest correction of
// an expense is what counts.
struct Expense {
    std::int64_t id = 0;
    ProjectId project_id;
    std::int64_t amount_fen = 0;
    std::string purpose;
    Instant date;
    UserId by;
    std::int64_t corrects = 0;  // the original expense this corrects; 0 for an original
    std::string reason;         // why (corrections only)
};

// 星级评价 by a resident, once the project is complete.
struct Rating {
    ProjectId project_id;
    UserId user_id;
    int stars = 0;  // 1..5
    std::string comment;
    Instant rated_at;
};

}  // namespace yishi::domain
