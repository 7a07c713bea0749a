#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/domain/election.h"

// Where elections, their boards' entries, signed heads, credentials and
// secrets are kept. The store port of this feature; its SQLite
// implementation lives beside it in storage/. A service reaches it inside a
// transaction as stores.get<ElectionStore>(). Throws only when the store
// itself is broken.
namespace yishi::domain {

struct StoredHead {
    std::uint64_t size = 0;
    std::string bytes;  // the signed tree head message
};

class ElectionStore {
  public:
    virtual ~ElectionStore() = default;

    // Inserts the election and its options (counts and selected are not
    // stored here: see saveResult).
    virtual ElectionId insertElection(const Election& election) = 0;
    virtual std::optional<Election> election(ElectionId id) = 0;
    // The elections of exactly `scope` (a community's, a street's or a
    // district's own), newest first.
    virtual std::vector<Election> forScope(ScopeRef scope) = 0;
    // Every election the residents of `community` may vote in: its own, its
    // street's and its district's, newest first.
    virtual std::vector<Election> forCommunityResidents(const Community& community) = 0;
    // Elections whose phase is not published and whose closes_at is at or
    // before `now`, oldest deadline first.
    virtual std::vector<ElectionId> due(Instant now) = 0;
    virtual void updatePhase(ElectionId id, ElectionPhase phase) = 0;
    virtual void saveResult(ElectionId id, const std::vector<std::int64_t>& counts,
                            const std::vector<std::int64_t>& selected) = 0;

    // The board: D[index], appended in order (index 0 is the manifest).
    virtual void appendEntry(ElectionId id, std::uint64_t index, const std::string& bytes) = 0;
    // D[from .. from+limit) that exist, in order.
    virtual std::vector<std::string> entries(ElectionId id, std::uint64_t from, std::uint64_t limit) = 0;
    // The total length of D[0 .. count).
    virtual std::uint64_t entryBytes(ElectionId id, std::uint64_t count) = 0;
    virtual void saveHead(ElectionId id, const StoredHead& head) = 0;
    // The largest head stored.
    virtual std::optional<StoredHead> latestHead(ElectionId id) = 0;

    // The resident's active credential key, if any.
    virtual std::optional<std::string> activeCredential(ElectionId id, UserId user) = 0;
    // Makes `key` the resident's active credential (the previous one, if any,
    // is no longer active).
    virtual void saveCredential(ElectionId id, UserId user, const std::string& key, Instant at) = 0;

    virtual void saveSecrets(ElectionId id, const ElectionSecrets& secrets) = 0;
    virtual std::optional<ElectionSecrets> secrets(ElectionId id) = 0;
};

}  // namespace yishi::domain
