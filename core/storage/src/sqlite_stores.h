#pragma once

#include "yishi/domain/ports.h"

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
                              std::int64_t at) override;

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
    domain::Page<domain::MemberSummary> members(CommunityId community,
                                                std::optional<domain::MembershipStatus> status,
                                                domain::PageRequest page) override;
    std::int64_t countMembers(CommunityId community, domain::MembershipStatus status) override;
    UserId insertUser(const domain::User& user) override;
    void updatePasswordHash(UserId user, const std::string& hash) override;
    void saveMembership(const domain::Membership& membership) override;
    bool insertGrant(const domain::RoleGrant& grant) override;

  private:
    Connection& c_;
};

class SqliteSessionStore final : public domain::SessionStore {
  public:
    explicit SqliteSessionStore(Connection& c) : c_(c) {}
    std::optional<domain::Session> session(const std::string& token_hash) override;
    void insertSession(const domain::Session& session) override;
    void deleteSession(const std::string& token_hash) override;
    int deleteExpired(std::int64_t now) override;

  private:
    Connection& c_;
};

class SqliteAuditLog final : public domain::AuditLog {
  public:
    explicit SqliteAuditLog(Connection& c) : c_(c) {}
    void append(const domain::AuditEntry& entry) override;
    std::vector<domain::AuditEntry> forSubject(const std::string& kind, std::int64_t id,
                                               int limit) override;
    std::vector<domain::AuditEntry> forCommunity(CommunityId community, const std::string& prefix,
                                                 int limit) override;

  private:
    Connection& c_;
};

class SqliteProposalStore final : public domain::ProposalStore {
  public:
    explicit SqliteProposalStore(Connection& c) : c_(c) {}
    std::optional<domain::Proposal> proposal(domain::ProposalId id) override;
    domain::ProposalId insertProposal(const domain::Proposal& proposal) override;
    void updateProposal(const domain::Proposal& proposal) override;
    domain::Page<domain::Proposal> proposals(CommunityId community, const domain::ProposalFilter& filter,
                                             domain::PageRequest page) override;
    std::vector<std::pair<domain::ProposalState, std::int64_t>> countByState(
        CommunityId community, std::optional<domain::ProposalKind> kind) override;
    std::vector<domain::ProposalId> mergedInto(domain::ProposalId target) override;

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

class SqliteConsultationStore final : public domain::ConsultationStore {
  public:
    explicit SqliteConsultationStore(Connection& c) : c_(c) {}
    std::optional<domain::Comment> comment(domain::CommentId id) override;
    domain::CommentId insertComment(const domain::Comment& comment) override;
    void updateComment(const domain::Comment& comment) override;
    std::vector<domain::Comment> comments(domain::ProposalId proposal) override;
    bool insertReport(domain::CommentId comment, UserId reporter, const std::string& reason,
                      std::int64_t at) override;
    bool insertSupport(domain::ProposalId proposal, UserId user, std::int64_t at) override;
    bool deleteSupport(domain::ProposalId proposal, UserId user) override;
    std::int64_t countSupports(domain::ProposalId proposal) override;
    bool hasSupport(domain::ProposalId proposal, UserId user) override;
    std::optional<domain::Meeting> meeting(domain::MeetingId id) override;
    domain::MeetingId insertMeeting(const domain::Meeting& meeting) override;
    void updateMeeting(const domain::Meeting& meeting) override;
    std::vector<domain::Meeting> meetings(domain::ProposalId proposal) override;

  private:
    Connection& c_;
};

class SqliteProjectStore final : public domain::ProjectStore {
  public:
    explicit SqliteProjectStore(Connection& c) : c_(c) {}
    std::optional<domain::Project> project(domain::ProjectId id) override;
    std::optional<domain::Project> projectOfProposal(domain::ProposalId proposal) override;
    domain::ProjectId insertProject(const domain::Project& project) override;
    void updateProject(const domain::Project& project) override;
    domain::Page<domain::Project> projects(CommunityId community, domain::PageRequest page) override;
    void insertProgress(const domain::ProgressUpdate& update) override;
    std::vector<domain::ProgressUpdate> progress(domain::ProjectId project) override;
    void insertExpense(const domain::Expense& expense) override;
    std::vector<domain::Expense> expenses(domain::ProjectId project) override;
    bool insertRating(const domain::Rating& rating) override;
    std::vector<domain::Rating> ratings(domain::ProjectId project) override;

  private:
    Connection& c_;
};

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
    bool insertAcknowledgement(domain::ConventionId id, int version, UserId user, std::int64_t at) override;
    std::int64_t countAcknowledgements(domain::ConventionId id, int version) override;
    bool hasAcknowledged(domain::ConventionId id, int version, UserId user) override;

  private:
    Connection& c_;
};

class SqliteEscalationStore final : public domain::EscalationStore {
  public:
    explicit SqliteEscalationStore(Connection& c) : c_(c) {}
    std::optional<domain::Escalation> escalation(domain::EscalationId id) override;
    domain::EscalationId insertEscalation(const domain::Escalation& escalation) override;
    void updateEscalation(const domain::Escalation& escalation) override;
    std::vector<domain::Escalation> forProposal(domain::ProposalId proposal) override;
    domain::Page<domain::Escalation> queue(domain::EscalationLevel level, std::int64_t scope_id,
                                           std::optional<domain::EscalationStatus> status,
                                           domain::PageRequest page) override;

  private:
    Connection& c_;
};

// Every store over one connection, handed to domain work as Stores.
class SqlitePointsStore final : public domain::PointsStore {
  public:
    explicit SqlitePointsStore(Connection& c) : c_(c) {}
    void appendLedger(const domain::LedgerEntry& entry) override;
    std::int64_t balance(DistrictId district, UserId user) override;
    domain::Page<domain::LedgerEntry> ledger(DistrictId district, UserId user, domain::PageRequest page) override;
    std::vector<domain::LedgerEntry> eventAwards(DistrictId district) override;
    std::int64_t awardedOnDay(DistrictId district, UserId user, const std::string& rule, std::int64_t day) override;
    std::map<std::string, std::int64_t> awardedByRuleOnDay(DistrictId district, UserId user,
                                                           std::int64_t day) override;
    std::int64_t processedThrough() override;
    void setProcessedThrough(std::int64_t event_id) override;
    void recordSkipped(const domain::SkippedEvent& skipped, std::int64_t at) override;
    std::vector<domain::SkippedEvent> skipped(DistrictId district) override;
    domain::RewardItemId insertItem(const domain::RewardItem& item) override;
    std::optional<domain::RewardItem> item(domain::RewardItemId id) override;
    std::vector<domain::RewardItem> items(DistrictId district) override;
    void updateItem(const domain::RewardItem& item) override;
    domain::RedemptionId insertRedemption(const domain::Redemption& redemption) override;
    std::optional<domain::Redemption> redemption(domain::RedemptionId id) override;
    std::optional<domain::Redemption> redemptionByKey(UserId user, const std::string& key) override;
    domain::Page<domain::Redemption> redemptions(CommunityId community,
                                                 std::optional<domain::RedemptionState> state,
                                                 domain::PageRequest page) override;
    void markHandedOver(domain::RedemptionId id, UserId by, std::int64_t at) override;

  private:
    Connection& c_;
};

struct SqliteStores {
    explicit SqliteStores(Connection& c)
        : scopes(c), users(c), sessions(c), audit(c), proposals(c), outbox(c), consultation(c), projects(c),
          conventions(c), escalations(c), points(c) {}
    domain::Stores view() {
        return {scopes, users, sessions, audit, proposals, outbox, consultation, projects, conventions, escalations,
                points};
    }

    SqliteScopeStore scopes;
    SqliteUserStore users;
    SqliteSessionStore sessions;
    SqliteAuditLog audit;
    SqliteProposalStore proposals;
    SqliteEventOutbox outbox;
    SqliteConsultationStore consultation;
    SqliteProjectStore projects;
    SqliteConventionStore conventions;
    SqliteEscalationStore escalations;
    SqlitePointsStore points;
};

}  // namespace yishi::storage
