#pragma once

#include "yishi/domain/election_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace SQLite {
class Statement;
}

namespace yishi::storage {

class Connection;

class SqliteElectionStore final : public domain::ElectionStore {
  public:
    explicit SqliteElectionStore(Connection& c) : c_(c) {}

    domain::ElectionId insertElection(const domain::Election& election) override;
    std::optional<domain::Election> election(domain::ElectionId id) override;
    std::vector<domain::Election> forScope(domain::ScopeRef scope) override;
    std::vector<domain::Election> forCommunityResidents(const domain::Community& community) override;
    std::vector<domain::ElectionId> due(Instant now) override;
    void updatePhase(domain::ElectionId id, domain::ElectionPhase phase) override;
    void saveResult(domain::ElectionId id, const std::vector<std::int64_t>& counts,
                    const std::vector<std::int64_t>& selected) override;

    void appendEntry(domain::ElectionId id, std::uint64_t index, const std::string& bytes) override;
    std::vector<std::string> entries(domain::ElectionId id, std::uint64_t from, std::uint64_t limit) override;
    std::uint64_t entryBytes(domain::ElectionId id, std::uint64_t count) override;
    void saveHead(domain::ElectionId id, const domain::StoredHead& head) override;
    std::optional<domain::StoredHead> latestHead(domain::ElectionId id) override;

    std::optional<std::string> activeCredential(domain::ElectionId id, UserId user) override;
    void saveCredential(domain::ElectionId id, UserId user, const std::string& key, Instant at) override;

    void saveSecrets(domain::ElectionId id, const domain::ElectionSecrets& secrets) override;
    std::optional<domain::ElectionSecrets> secrets(domain::ElectionId id) override;

  private:
    domain::Election readElection(SQLite::Statement& q);
    Connection& c_;
};

}  // namespace yishi::storage
