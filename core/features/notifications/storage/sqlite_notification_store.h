#pragma once

#include "yishi/domain/notifications.h"

// The notifications store over one Connection (core/storage), for the length
// of one transaction. It reads the kernel's and other features' tables
// (audit_log, proposals, comments, elections, grants, memberships) only to
// learn who hears of what; it writes only its own.
namespace yishi::storage {

class Connection;

class SqliteNotificationStore final : public domain::NotificationStore {
  public:
    explicit SqliteNotificationStore(Connection& c) : c_(c) {}

    std::int64_t cursor() override;
    void setCursor(std::int64_t audit_id) override;
    std::vector<domain::AuditEntry> changesAfter(std::int64_t audit_id, int limit) override;

    std::optional<domain::ProposalFacts> proposal(std::int64_t id) override;
    std::optional<CommentFacts> comment(std::int64_t id) override;
    std::optional<domain::ElectionFacts> election(std::int64_t id) override;
    std::optional<CommentFacts> meetingSuggestion(std::int64_t id) override;
    std::optional<MeetingFacts> meeting(std::int64_t id) override;
    std::optional<PostFacts> communityPost(const std::string& subject_kind, std::int64_t id) override;
    std::vector<UserId> attending(std::int64_t meeting) override;
    std::optional<UserId> caseAssignee(std::int64_t proposal) override;
    std::vector<MeetingFacts> meetingsStartingBetween(Instant since, Instant until) override;

    std::vector<UserId> followers(std::int64_t proposal) override;
    std::vector<UserId> granted(const std::string& role, const std::string& scope_kind, std::int64_t scope_id) override;
    std::vector<UserId> residentsWithin(const std::string& scope_kind, std::int64_t scope_id) override;

    bool follow(UserId user, std::int64_t proposal, Instant at) override;
    bool unfollow(UserId user, std::int64_t proposal) override;
    bool follows(UserId user, std::int64_t proposal) override;

    std::int64_t insertNotification(const domain::Notification& n) override;
    std::optional<domain::Notification> notification(std::int64_t id) override;
    domain::Page<domain::Notification> inbox(UserId user, bool unread_only, domain::PageRequest page) override;
    std::int64_t unreadCount(UserId user) override;
    bool markRead(std::int64_t id, Instant at) override;
    std::int64_t markAllRead(UserId user, Instant at) override;

    std::optional<domain::NotificationPreferences> preferences(UserId user) override;
    void savePreferences(UserId user, const domain::NotificationPreferences& p, Instant at) override;

    std::optional<domain::DeliverySettings> deliverySettings(DistrictId district) override;
    void saveDeliverySettings(DistrictId district, const domain::DeliverySettings& s) override;

    std::int64_t insertDelivery(const domain::Delivery& d) override;
    std::optional<domain::Delivery> delivery(std::int64_t id) override;
    std::vector<domain::Delivery> dueDeliveries(Instant now, int limit) override;
    void updateDelivery(const domain::Delivery& d) override;
    domain::Page<domain::Delivery> deliveries(DistrictId district, domain::PageRequest page) override;
    bool prunable(Instant before) override;
    int prune(Instant before, int limit) override;

    std::vector<std::int64_t> proposalsWithDeadlineBetween(Instant since, Instant until) override;
    std::vector<std::int64_t> electionsChangingBefore(Instant until) override;
    std::vector<domain::EscalationDue> escalationsDueBetween(Instant since, Instant until) override;
    bool dueMarked(const std::string& what, std::int64_t id, const std::string& phase) override;
    bool markDue(const std::string& what, std::int64_t id, const std::string& phase, Instant at) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
