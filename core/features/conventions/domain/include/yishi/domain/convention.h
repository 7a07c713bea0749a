#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

using ConventionId = Id<struct ConventionTag>;

// 公约 / 村规民约: a rule the residents adopted. Each adopted amendment makes
// the next version; old versions stay readable.
struct Convention {
    ConventionId id;
    CommunityId community_id;
    std::string title;
    int current_version = 1;
    Instant created_at;
};

struct ConventionVersion {
    ConventionId convention_id;
    int version = 1;
    std::string text;
    ProposalId proposal_id;  // the adopted proposal that made this version
    Instant adopted_at;
};

// One line of a line diff: kept (' '), removed ('-') or added ('+').
struct DiffLine {
    char op = ' ';
    std::string text;
    friend bool operator==(const DiffLine&, const DiffLine&) = default;
};

// The shortest line diff from `from` to `to` (longest common subsequence of
// lines). Lines are split on '\n'; a final newline adds no empty line.
std::vector<DiffLine> lineDiff(const std::string& from, const std::string& to);

}  // namespace yishi::domain
