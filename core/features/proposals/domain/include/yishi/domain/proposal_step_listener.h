#pragma once

#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

// A feature that follows on from a lifecycle step (the cases feature opens a
// case when a problem is accepted) without the proposal lifecycle knowing
// its store. ProposalService calls every listener inside the step's
// transaction, after the step is written; a failed Status rolls the whole
// step back, so the step and what follows from it commit together or not at
// all.
class ProposalStepListener {
  public:
    virtual ~ProposalStepListener() = default;
    // `proposal` is as the step left it (its new state); `actor` took the step.
    virtual Status afterStep(Stores& stores, const Actor& actor, const Proposal& proposal, ProposalAction action,
                             Instant now) = 0;
};

}  // namespace yishi::domain
