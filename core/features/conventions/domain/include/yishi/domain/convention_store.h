#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/convention.h"
#include "yishi/domain/page.h"

// Where conventions, their versions and acknowledgements are kept. The store port of this feature; its SQLite
// implementation lives beside it in storage/. A service reaches it inside a transaction as stores.get<...>(). Throws
// only when the store itself is broken.
namespace yishi::domain {

class ConventionStore {
  public:
    virtual ~ConventionStore() = default;
    virtual std::optional<Convention> convention(ConventionId id) = 0;
    virtual ConventionId insertConvention(const Convention& convention) = 0;
    virtual void setCurrentVersion(ConventionId id, int version) = 0;
    virtual Page<Convention> conventions(CommunityId community, PageRequest page) = 0;
    virtual void insertVersion(const ConventionVersion& version) = 0;
    virtual std::optional<ConventionVersion> version(ConventionId id, int version) = 0;
    virtual std::vector<ConventionVersion> versions(ConventionId id) = 0;
    // False when `user` acknowledged this version already.
    virtual bool insertAcknowledgement(ConventionId id, int version, UserId user, Instant at) = 0;
    virtual std::int64_t countAcknowledgements(ConventionId id, int version) = 0;
    virtual bool hasAcknowledged(ConventionId id, int version, UserId user) = 0;
};

}  // namespace yishi::domain
