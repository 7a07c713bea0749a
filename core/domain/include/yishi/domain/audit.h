#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// One row of the append-only audit log (全流程留痕): who did what to which
// subject, when, and why. Written in the same transaction as the change.
struct AuditEntry {
    std::int64_t id = 0;  // assigned by the store
    Instant at;
    UserId actor;              // invalid for anonymous actions (sign-up)
    std::string action;        // e.g. "membership.verified"
    std::string subject_kind;  // e.g. "user", "community"
    std::int64_t subject_id = 0;
    CommunityId community;  // invalid when not tied to a community
    std::string reason;
    // Made by a helper for the actor (帮办代办, assistance.h): the helper,
    // their role and the consent. assisted_by is invalid for the actor's own acts.
    UserId assisted_by = {};
    std::string assisted_role = {};
    std::string consent = {};
    std::string consent_note = {};
};

}  // namespace yishi::domain
