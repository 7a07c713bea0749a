#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/domain/convention_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteConventionStore final : public domain::ConventionStore {
  public:
    explicit SqliteConventionStore(Connection& c) : c_(c) {}
    std::optional<domain::Convention> convention(domain::ConventionId id) override;
    domain::ConventionId insertConvention(const domain::Convention& convention) override;
    void setCurrentVersion(domain::ConventionId id, int version) override;
    domain::Page<domain::Convention> conventions(CommunityId community, domain::PageRequest page) override;
    void insertVersion(const domain::ConventionVersion& version) override;
    std::optional<domain::ConventionVersion> version(domain::ConventionId id, int version) override;
    std::vector<domain::ConventionVersion> versions(domain::ConventionId id) override;
    bool insertAcknowledgement(domain::ConventionId id, int version, UserId user, Instant at) override;
    std::int64_t countAcknowledgements(domain::ConventionId id, int version) override;
    bool hasAcknowledged(domain::ConventionId id, int version, UserId user) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
