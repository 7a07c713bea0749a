#pragma once

#include <cstdint>

#include "yishi/common/ids.h"

namespace yishi::domain {

// When the data last changed, told by a monotonic commit sequence, so that
// what was read from it (a rendered page, a session's actor) can be kept in
// memory and known to be current without reading again.
//
// The rule for a reader: take sequence() BEFORE reading the data; what was
// read stays current while none of the scopes it depends on changed after
// that number, i.e. while changedAt(scope) <= the number taken. The
// database raises the counters after a commit is visible to readers and
// before the writer is told its write is done, so a read that starts after
// a write returned never keeps data older than that write.
//
// Scopes are those the changes name (Change::community): a community; the
// global scope (changes naming no community, e.g. a street's or a
// district's); and, apart from pages, the account of a user (the user, its
// grants, memberships and sessions), which cached sessions depend on.
// Counters may be shared by several communities or users (hashed buckets):
// a change then also ages what depends on its neighbours, never less.
//
// Thread-safe and lock-free: any thread may read at any time.
class DataVersions {
  public:
    virtual ~DataVersions() = default;
    // The sequence of the last commit that changed anything; 0 at start.
    virtual std::uint64_t sequence() const = 0;
    // The sequence at which `community`'s data last changed (its own
    // changes; the global scope is apart).
    virtual std::uint64_t communityChangedAt(CommunityId community) const = 0;
    // The sequence of the last change naming no community.
    virtual std::uint64_t globalChangedAt() const = 0;
    // The sequence of the last change to any community or to the global
    // scope (account changes aside).
    virtual std::uint64_t anyScopeChangedAt() const = 0;
    // The sequence at which `user`'s account last changed: the user row, its
    // grants, memberships or sessions.
    virtual std::uint64_t accountChangedAt(UserId user) const = 0;

    // Whether data read at `read_at` (a sequence() taken before reading)
    // that depends on `community` (invalid: on every change) is current.
    bool unchangedSince(std::uint64_t read_at, CommunityId community) const {
        if (!community.valid()) return anyScopeChangedAt() <= read_at;
        return globalChangedAt() <= read_at && communityChangedAt(community) <= read_at;
    }
};

}  // namespace yishi::domain
