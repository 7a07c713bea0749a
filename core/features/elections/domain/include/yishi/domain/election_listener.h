#pragma once

#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/election.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// What a published result moves on elsewhere: a proposal decided by its
// referendum, wishes selected by a 民心项目 round. Called inside the
// transaction that publishes the result, with the election's counts and
// selection filled in; a failed Status rolls the publication back (it is
// tried again on the next access). Implementations are thread-safe.
class ElectionListener {
  public:
    virtual ~ElectionListener() = default;
    virtual Status onPublished(Stores& stores, const Election& election, Instant now) = 0;
};

}  // namespace yishi::domain
