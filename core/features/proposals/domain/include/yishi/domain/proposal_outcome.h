#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

// What an adopted proposal becomes (a project, a convention), formed by the
// feature that owns it. ProposalService hands the step over and keeps only
// the lifecycle, so it depends on no outcome's store.
class ProposalOutcome {
  public:
    struct Input {
        std::int64_t budget_fen = -1;  // form_project
        std::string responsible;       // form_project
    };

    virtual ~ProposalOutcome() = default;

    // Checks a proposal as written (at creation), e.g. the convention a rule
    // amends, and completes what this outcome owns in it (the version that
    // amendment is written against). OK when this outcome has nothing to say
    // about it.
    virtual Status checkDraft(Stores& stores, Proposal& draft) = 0;

    // Forms the outcome of the adopted `proposal` inside its transaction and
    // returns the outcome's id; a failed Status rolls the step back.
    virtual Result<std::int64_t> form(Stores& stores, const Proposal& proposal, const Input& input, Instant now) = 0;
};

}  // namespace yishi::domain
