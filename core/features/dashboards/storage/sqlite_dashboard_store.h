#pragma once

#include <vector>

#include "yishi/domain/dashboard_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteDashboardStore final : public domain::DashboardStore {
  public:
    explicit SqliteDashboardStore(Connection& c) : c_(c) {}
    domain::DashboardCursor cursor() override;
    void setCursor(const domain::DashboardCursor& cursor) override;
    domain::DashboardCursor latest() override;
    std::vector<CommunityId> communitiesChanged(const domain::DashboardCursor& after,
                                                const domain::DashboardCursor& through) override;
    std::vector<CommunityId> staleCommunities(Instant before, Instant now, int limit) override;
    void saveFigures(const domain::CommunityFigures& figures, StreetId street, DistrictId district) override;
    std::vector<domain::CommunityFigures> figuresIn(domain::ScopeRef scope) override;
    std::int64_t verifiedMembers(CommunityId community) override;
    std::int64_t activePeople(CommunityId community, Instant since, const std::vector<std::string>& actions) override;
    std::optional<Instant> oldestLastAct(CommunityId community, Instant since,
                                         const std::vector<std::string>& actions) override;
    std::int64_t pointsGiven(CommunityId community) override;
    std::int64_t pointsRedeemed(CommunityId community) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
