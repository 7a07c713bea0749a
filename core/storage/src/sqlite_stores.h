#pragma once

#include <memory>
#include <typeindex>
#include <utility>
#include <vector>

#include "yishi/domain/ports.h"
#include "yishi/storage/store_factories.h"

// The domain's store ports over one Connection, for the length of one
// transaction. Each class lives in its own sqlite_<port>.cpp file.
namespace yishi::storage {

class Connection;

class SqliteScopeStore final : public domain::ScopeStore {
  public:
    explicit SqliteScopeStore(Connection& c) : c_(c) {}
    std::optional<domain::District> district(DistrictId id) override;
    std::optional<domain::Street> street(StreetId id) override;
    std::optional<domain::Community> community(CommunityId id) override;
    std::optional<domain::Community> communityByJoinCode(const std::string& code) override;
    std::vector<domain::Street> streets(DistrictId district) override;
    domain::Page<domain::Community> communities(DistrictId district, domain::PageRequest page) override;
    std::vector<domain::District> districts() override;
    DistrictId insertDistrict(const std::string& name) override;
    StreetId insertStreet(DistrictId district, const std::string& name) override;
    CommunityId insertCommunity(const domain::Community& community) override;
    std::optional<domain::DistrictSettings> districtSettings(DistrictId district) override;
    void saveDistrictSettings(DistrictId district, const domain::DistrictSettings& settings, UserId by,
                              Instant at) override;

  private:
    Connection& c_;
};

class SqliteUserStore final : public domain::UserStore {
  public:
    explicit SqliteUserStore(Connection& c) : c_(c) {}
    std::optional<domain::User> user(UserId id) override;
    std::optional<domain::User> userByLogin(const std::string& login) override;
    std::vector<domain::RoleGrant> grants(UserId user) override;
    std::vector<domain::Membership> memberships(UserId user) override;
    std::optional<domain::Membership> membership(UserId user, CommunityId community) override;
    domain::Page<domain::MemberSummary> members(CommunityId community, std::optional<domain::MembershipStatus> status,
                                                domain::PageRequest page) override;
    std::int64_t countMembers(CommunityId community, domain::MembershipStatus status) override;
    UserId insertUser(const domain::User& user) override;
    void updatePasswordHash(UserId user, const std::string& hash) override;
    void saveMembership(const domain::Membership& membership) override;
    bool insertGrant(const domain::RoleGrant& grant) override;
    bool deleteGrant(UserId user, domain::Role role, domain::ScopeRef scope) override;

  private:
    Connection& c_;
};

class SqliteSessionStore final : public domain::SessionStore {
  public:
    explicit SqliteSessionStore(Connection& c) : c_(c) {}
    std::optional<domain::Session> session(const std::string& token_hash) override;
    void insertSession(const domain::Session& session) override;
    void deleteSession(const std::string& token_hash) override;
    int deleteExpired(Instant now) override;
    int deleteOthersOf(UserId user, const std::string& keep_token_hash) override;

  private:
    Connection& c_;
};

class SqliteAuditLog final : public domain::AuditLog {
  public:
    explicit SqliteAuditLog(Connection& c) : c_(c) {}
    void append(const domain::AuditEntry& entry) override;
    std::vector<domain::AuditEntry> forSubject(const std::string& kind, std::int64_t id, int limit) override;
    std::vector<domain::AuditEntry> forCommunity(CommunityId community, const std::string& prefix, int limit) override;
    domain::Page<domain::AuditEntry> query(const domain::AuditQuery& query, domain::PageRequest page) override;

  private:
    Connection& c_;
};

class SqliteEventOutbox final : public domain::EventOutbox {
  public:
    explicit SqliteEventOutbox(Connection& c) : c_(c) {}
    std::int64_t append(const domain::DomainEvent& event) override;
    std::vector<domain::DomainEvent> eventsAfter(std::int64_t after, int limit) override;

  private:
    Connection& c_;
};

// The kernel's stores over one connection, and the features' stores,
// made on first use from the factories the features registered: handed to
// domain work as Stores.
class SqliteStores final : public domain::FeatureStores {
  public:
    SqliteStores(Connection& c, const StoreFactories& factories)
        : scopes(c), users(c), sessions(c), audit(c), outbox(c), connection_(c), factories_(factories) {}
    domain::Stores view() { return {scopes, users, sessions, audit, outbox, *this}; }
    void* find(std::type_index port) override;

    SqliteScopeStore scopes;
    SqliteUserStore users;
    SqliteSessionStore sessions;
    SqliteAuditLog audit;
    SqliteEventOutbox outbox;

  private:
    Connection& connection_;
    const StoreFactories& factories_;
    // Few features, so a short list beats a hash map.
    std::vector<std::pair<std::type_index, std::unique_ptr<StoreFactories::AnyStore>>> made_;
};

}  // namespace yishi::storage
