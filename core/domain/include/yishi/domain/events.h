#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// A domain event written to the outbox in the same transaction as the change
// it reports (proposal.submitted, proposal.accepted, ...), for consumers such
// as the points plugins. The store assigns `id`, unique and increasing, so a
// consumer can process each event exactly once.
struct DomainEvent {
    std::int64_t id = 0;
    std::string type;
    Instant occurred_at;
    UserId actor;
    CommunityId community;
    std::string subject_kind;
    std::int64_t subject_id = 0;
    UserId subject_owner;       // e.g. the proposal's author, who may earn points
    std::int64_t quantity = 0;  // e.g. minutes of volunteer service, stars of a rating
};

}  // namespace yishi::domain
