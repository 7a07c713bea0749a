#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
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
    std::string responsible;     // who carries it out (物业, 居委, a contractor)
    int progress_percent = 0;
    bool completed = false;
    std::int64_t created_at = 0;
    std::int64_t completed_at = 0;
};

struct ProgressUpdate {
    std::int64_t id = 0;
    ProjectId project_id;
    int percent = 0;
    std::string text;
    std::int64_t date = 0;  // seconds
    UserId by;
};

// 公开之栏: every expense is public.
struct Expense {
    std::int64_t id = 0;
    ProjectId project_id;
    std::int64_t amount_fen = 0;
    std::string purpose;
    std::int64_t date = 0;
    UserId by;
};

// 星级评价 by a resident, once the project is complete.
struct Rating {
    ProjectId project_id;
    UserId user_id;
    int stars = 0;  // 1..5
    std::string comment;
    std::int64_t rated_at = 0;
};

}  // namespace yishi::domain
