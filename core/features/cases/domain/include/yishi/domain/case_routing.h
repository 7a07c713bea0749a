#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/people.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

// Who else works on a community's cases besides its committee, and to whom
// a new case goes by default: the port through which the cases feature
// learns of 网格员 without depending on where grids are kept (the grids
// feature implements it, docs/grids.md). Called inside the caller's
// transaction with its stores; must be thread-safe.
class CaseRouting {
  public:
    virtual ~CaseRouting() = default;
    // The one a newly opened case of `problem` goes to (its grid's worker),
    // or none: the case stays open for the committee to assign.
    virtual std::optional<User> defaultAssignee(Stores& stores, const Proposal& problem) = 0;
    // Those besides the committee a case of `community` may be given to.
    virtual std::vector<User> otherAssignees(Stores& stores, CommunityId community) = 0;
};

}  // namespace yishi::domain
