#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/domain/audit.h"
#include "yishi/domain/change.h"
#include "yishi/domain/data_versions.h"
#include "yishi/domain/district_settings.h"
#include "yishi/domain/events.h"
#include "yishi/domain/page.h"
#include "yishi/domain/people.h"
#include "yishi/domain/scope.h"
#include "yishi/domain/session.h"

// The interfaces the domain needs from the outside world. core/storage and
// core/crypto implement them; tests may use doubles.
//
// Store methods report absence with std::nullopt and throw only when the
// store itself is broken (a row holding a value the domain does not know
// included: it is never read as some default, nor skipped); Database::read
// and Database::write turn such exceptions into a Status at the module edge.
namespace yishi::domain {

class ScopeStore {
  public:
    virtual ~ScopeStore() = default;
    virtual std::optional<District> district(DistrictId id) = 0;
    virtual std::optional<Street> street(StreetId id) = 0;
    virtual std::optional<Community> community(CommunityId id) = 0;
    virtual std::optional<Community> communityByJoinCode(const std::string& code) = 0;
    virtual std::vector<Street> streets(DistrictId district) = 0;
    virtual Page<Community> communities(DistrictId district, PageRequest page) = 0;
    virtual std::vector<District> districts() = 0;

    virtual DistrictId insertDistrict(const std::string& name) = 0;
    virtual StreetId insertStreet(DistrictId district, const std::string& name) = 0;
    // REQUIRES: `street` belongs to `community.district_id`; the join code is unique.
    virtual CommunityId insertCommunity(const Community& community) = 0;

    // The district's own settings, if it has set any.
    virtual std::optional<DistrictSettings> districtSettings(DistrictId district) = 0;
    virtual void saveDistrictSettings(DistrictId district, const DistrictSettings& settings, UserId by, Instant at) = 0;
};

struct MemberSummary {
    Membership membership;
    std::string display_name;
};

class UserStore {
  public:
    virtual ~UserStore() = default;
    virtual std::optional<User> user(UserId id) = 0;
    virtual std::optional<User> userByLogin(const std::string& login) = 0;
    virtual std::vector<RoleGrant> grants(UserId user) = 0;
    virtual std::vector<Membership> memberships(UserId user) = 0;
    virtual std::optional<Membership> membership(UserId user, CommunityId community) = 0;
    // Members of a community ordered by user id; all statuses when `status` is empty.
    virtual Page<MemberSummary> members(CommunityId community, std::optional<MembershipStatus> status,
                                        PageRequest page) = 0;
    virtual std::int64_t countMembers(CommunityId community, MembershipStatus status) = 0;

    // REQUIRES: the login is not taken.
    virtual UserId insertUser(const User& user) = 0;
    virtual void updatePasswordHash(UserId user, const std::string& hash) = 0;
    // Inserts or replaces the membership of (user, community).
    virtual void saveMembership(const Membership& membership) = 0;
    // Returns false when the same grant already exists.
    virtual bool insertGrant(const RoleGrant& grant) = 0;
    // Removes the grant of `role` on `scope` to `user`; false when there was none.
    virtual bool deleteGrant(UserId user, Role role, ScopeRef scope) = 0;
};

class SessionStore {
  public:
    virtual ~SessionStore() = default;
    virtual std::optional<Session> session(const std::string& token_hash) = 0;
    virtual void insertSession(const Session& session) = 0;
    virtual void deleteSession(const std::string& token_hash) = 0;
    // Removes sessions that expired before `now`; returns how many.
    virtual int deleteExpired(Instant now) = 0;
    // Removes every session of `user` but the one of `keep_token_hash`; returns how many.
    virtual int deleteOthersOf(UserId user, const std::string& keep_token_hash) = 0;
};

// Which audit rows a reader asks for (AuditLog::query).
struct AuditQuery {
    DistrictId district;    // rows of this district's communities
    CommunityId community;  // when valid: only this community's rows
    bool unscoped = false;  // also rows tied to no community (sessions never)
    std::string kind;       // an action ("role.revoked.committee") or its prefix ("role", "role.revoked")
    Instant since;          // at or after (unset: no bound)
    Instant until;          // before (unset: no bound)
};

class AuditLog {
  public:
    virtual ~AuditLog() = default;
    virtual void append(const AuditEntry& entry) = 0;
    // Newest first, for one subject.
    virtual std::vector<AuditEntry> forSubject(const std::string& kind, std::int64_t id, int limit) = 0;
    // Newest first: entries of one community whose action starts with `prefix`.
    virtual std::vector<AuditEntry> forCommunity(CommunityId community, const std::string& prefix, int limit) = 0;
    // Newest first, paged by id.
    virtual Page<AuditEntry> query(const AuditQuery& query, PageRequest page) = 0;
};

class EventOutbox {
  public:
    virtual ~EventOutbox() = default;
    // Appends and returns the event's id.
    virtual std::int64_t append(const DomainEvent& event) = 0;
    // Events with an id above `after`, in order.
    virtual std::vector<DomainEvent> eventsAfter(std::int64_t after, int limit) = 0;
};

// Where a transaction finds the stores of the features (core/features/*),
// which the kernel does not know by name.
class FeatureStores {
  public:
    virtual ~FeatureStores() = default;
    // The store implementing the port `port`, made for this transaction.
    // Throws std::logic_error when none is registered.
    virtual void* find(std::type_index port) = 0;
};

// The stores as seen inside one transaction: the kernel's by name, the
// features' through get<Port>().
struct Stores {
    ScopeStore& scopes;
    UserStore& users;
    SessionStore& sessions;
    AuditLog& audit;
    EventOutbox& outbox;
    FeatureStores& features;

    // Records `change` in this transaction: its audit row and, when its
    // kind has an event, the outbox event. The only way changes are written
    // (services never append to the audit log or the outbox themselves).
    // Returns the event's id, 0 when the kind has none. Throws
    // std::logic_error for a kind missing from changeCatalog().
    std::int64_t record(const Change& change) const;

    // A feature's own store, e.g. get<ProposalStore>(). Throws
    // std::logic_error when no feature registered `Port` with the database.
    template <typename Port>
    Port& get() const {
        return *static_cast<Port*>(features.find(std::type_index(typeid(Port))));
    }
};

using Work = std::function<Status(Stores&)>;

// Transactions over the stores.
//
// read() runs `work` on a read-only snapshot, in the calling thread, in
// parallel with other reads and with the writer.
//
// write() runs `work` inside a write transaction and returns only once the
// transaction is durable. When `work` returns a failed Status, everything it
// wrote is rolled back and that Status is returned. Writes may be grouped
// into one commit with other callers' writes; each is isolated from the
// others' failures.
//
// Both return an "storage.*" Status when the store fails. Thread-safe.
class Database {
  public:
    virtual ~Database() = default;
    virtual Status read(const Work& work) = 0;
    virtual Status write(const Work& work) = 0;
    // When the data last changed, by scope (data_versions.h); null when this
    // database does not tell, and nothing read from it may then be kept.
    virtual const DataVersions* versions() const { return nullptr; }
};

// Password hashing (argon2id in core/crypto). Thread-safe; bounds how many
// hashes run at once, since each costs about 64 MiB and 0.1 s.
class PasswordHasher {
  public:
    virtual ~PasswordHasher() = default;
    virtual Result<std::string> hash(const std::string& password) = 0;
    virtual bool verify(const std::string& hash, const std::string& password) = 0;
    // The hash was made with other parameters than the current ones.
    virtual bool needsRehash(const std::string& hash) = 0;
    // Takes as long as verify() of a real hash, for logins of unknown users.
    virtual void verifyNothing(const std::string& password) = 0;
};

// Secrets: session tokens, their hashes, join codes. Thread-safe.
class SecretSource {
  public:
    virtual ~SecretSource() = default;
    // A fresh random token (32 bytes of entropy), URL-safe text.
    virtual std::string newToken() = 0;
    // The stored form of a token: a hex hash. Equal tokens give equal hashes.
    virtual std::string hashToken(const std::string& token) = 0;
    // A fresh random 社区码: 8 characters, no look-alike letters.
    virtual std::string newJoinCode() = 0;
};

// A content hash (BLAKE2b-256 in core/crypto), hex. Used to name exactly
// which plugin source produced a result. Thread-safe.
class ContentHasher {
  public:
    virtual ~ContentHasher() = default;
    virtual std::string hashHex(std::string_view content) = 0;
};

}  // namespace yishi::domain
