#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/domain/points.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqlitePointsStore final : public domain::PointsStore {
  public:
    explicit SqlitePointsStore(Connection& c) : c_(c) {}
    void appendLedger(const domain::LedgerEntry& entry) override;
    std::int64_t balance(DistrictId district, UserId user) override;
    domain::Page<domain::LedgerEntry> ledger(DistrictId district, UserId user, domain::PageRequest page) override;
    std::vector<domain::LedgerEntry> eventAwards(DistrictId district) override;
    std::int64_t awardedOnDay(DistrictId district, UserId user, const std::string& rule, std::int64_t day) override;
    std::map<std::string, std::int64_t> awardedByRuleOnDay(DistrictId district, UserId user, std::int64_t day) override;
    std::int64_t processedThrough() override;
    void setProcessedThrough(std::int64_t event_id) override;
    void recordSkipped(const domain::SkippedEvent& skipped, Instant at) override;
    std::vector<domain::SkippedEvent> skipped(DistrictId district) override;
    std::optional<domain::SkippedEvent> skippedEvent(std::int64_t event_id) override;
    void resolveSkipped(std::int64_t event_id, Instant at) override;
    std::vector<domain::SkippedEvent> dueForRetry(Instant now, int limit) override;
    void keepVersion(const domain::RuleVersion& version, Instant at) override;
    std::optional<domain::RuleVersion> version(const std::string& hash) override;
    void noteSpan(DistrictId district, std::int64_t from_event, const std::string& hash) override;
    std::vector<std::pair<std::int64_t, std::string>> spans(DistrictId district) override;
    domain::RewardItemId insertItem(const domain::RewardItem& item) override;
    std::optional<domain::RewardItem> item(domain::RewardItemId id) override;
    std::vector<domain::RewardItem> items(DistrictId district) override;
    void updateItem(const domain::RewardItem& item) override;
    domain::RedemptionId insertRedemption(const domain::Redemption& redemption) override;
    std::optional<domain::Redemption> redemption(domain::RedemptionId id) override;
    std::optional<domain::Redemption> redemptionByKey(UserId user, const std::string& key) override;
    domain::Page<domain::Redemption> redemptions(CommunityId community, std::optional<domain::RedemptionState> state,
                                                 domain::PageRequest page) override;
    void markHandedOver(domain::RedemptionId id, UserId by, Instant at) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
