#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"

// What happened (全流程留痕): every change the server makes is recorded as one
// audit row and, for what district plugins may react to, one outbox event,
// both in the transaction of the change. The kinds of change form one
// catalog (changeCatalog()); docs/plugins.md lists its events and a test
// holds the two equal.
namespace yishi::domain {

// One kind of change. Kinds are constants of the feature that makes them
// (its <feature>_changes.h) and are listed in its catalog function.
struct ChangeKind {
    std::string action;        // the audit row's action, e.g. "comment.posted"
    std::string subject_kind;  // what the subject id names: "comment", "proposal", ...
    std::string event;         // the outbox event's type; empty: plugins are not told
    // For the event contract: who the event's `owner` is, and what its
    // `quantity` counts (empty: not set).
    std::string owner;
    std::string quantity;
};

// One change to record.
struct Change {
    const ChangeKind& kind;
    Instant at;
    UserId actor;  // invalid for the system's own acts (auto-hide, sign-up)
    std::int64_t subject_id = 0;
    CommunityId community;      // invalid when the change is not a community's
    std::string reason = {};    // the audit row's reason: shown in public traces
    UserId owner = {};          // the event's owner (e.g. the author who may earn points)
    std::int64_t quantity = 0;  // the event's quantity (stars, minutes)
};

// Every kind of change, the kernel's first, then each feature's in the order
// of core/features/feature_list.h. Thread-safe (built once).
const std::vector<const ChangeKind*>& changeCatalog();

// True when `kind` is one of the catalog's (by identity).
bool inCatalog(const ChangeKind& kind);

// Whether an audit action (ChangeKind::action) is one of the kernel's
// changes to sessions alone (a login, a logout, a new password): no page
// shows them, so they age no cached page (data_versions.h), only the
// account's cached sessions.
bool concernsSessionsOnly(const std::string& action);

// The kernel's own kinds.
namespace changes {
extern const ChangeKind kSessionCreated;
extern const ChangeKind kSessionEnded;
extern const ChangeKind kDemoCreated;
extern const ChangeKind kPasswordChanged;
}  // namespace changes

}  // namespace yishi::domain
